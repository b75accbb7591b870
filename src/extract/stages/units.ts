import type { ParticipationKind } from '../../model/index.js';
import { lexicon, wordEndingAt } from '../lexicon.js';
import { evidence, type Evidence } from './evidence.js';
import type { EventMention } from './events.js';
import type { Article } from './normalise.js';
import { sentences, type Sentence } from './sentences.js';

/** An organization's part in one of the article's events (by index), stated anywhere in the article. */
export interface UnitParticipation {
  event: number;
  name: string;
  kind: ParticipationKind;
  evidence: Evidence;
}

/**
 * How reports name the units of an event: 在甲、乙等单位…的大力支持下 (supporters); 在甲、乙…各活动单位的
 * 积极配合下 and 甲、乙等13家成员单位 (members). Bounded classes, no nested quantifiers: linear on any input.
 */
const LISTS: { kind: ParticipationKind; pattern: RegExp }[] = [
  { kind: 'SUPPORTER', pattern: /在([^在,。;:]{2,400}?)(?:等|各)?[^,。;:、等各]{0,8}单位[^,。;:]{0,16}?支持下/g },
  { kind: 'MEMBER', pattern: /在([^在,。;:]{2,400}?)(?:等|各)[^,。;:、等各]{0,8}单位[^,。;:]{0,16}?(?:配合|参与|参加)/g },
  { kind: 'MEMBER', pattern: /([^在,。;:]{2,400}?)等\d{0,3}家?(?:成员|参与|参加)单位/g },
];
/** 作为此次活动领队单位,甲… and 由甲牵头: the lead unit, the first organization named after the cue. */
const LEADS = [/(?:作为|担任)[^,。;:]{0,8}(?:领队|牵头)单位,([^,。;:]{2,40})/g, /由([^,。;:由]{2,40}?)牵头/g];

/** 本次活动 / 此次会议: the event a sentence refers to by its head noun. */
const REFERENCE = /(?:本次|此次|这次|该)(活动|会议|巡展|展览|论坛|比赛|大赛|仪式|讲座|会)/;
/** Words that make a list item a description, not a name: 井冈山当地有关部门. */
const GENERIC = /有关|相关|当地|其他|各级/;

function referredEvent(text: string, sentence: Sentence, events: EventMention[]): number {
  const own = events.findIndex((e) => e.sentence.start === sentence.start);
  if (own >= 0) return own;
  const noun = REFERENCE.exec(text.slice(sentence.start, sentence.end))?.[1];
  const named = noun ? events.findIndex((e) => e.name.endsWith(noun)) : -1;
  return named >= 0 ? named : 0;
}

/** A list item names an organization when it ends with a suffix and is more than a bare suffix (中国古动物馆, not 各馆). */
const isOrganizationName = (simplified: string) =>
  !GENERIC.test(simplified) && simplified.length >= 4 && wordEndingAt(lexicon.orgSuffixes, simplified, simplified.length) !== null;

/** The items of a list 甲、乙和丙 that name organizations, in the article's spelling. */
function listedOrganizations(article: Article, start: number, end: number): string[] {
  const names: string[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !'、和及与'.includes(article.text[i]!)) continue;
    if (isOrganizationName(article.text.slice(from, i).trim())) names.push(article.original.slice(from, i).trim());
    from = i + 1;
  }
  return names;
}

/** The longest organization the article names elsewhere that `start` begins with (北京天文馆|副馆长齐锐…). */
function knownOrganizationAt(article: Article, start: number, known: readonly string[]): string[] {
  const found = known.filter((name) => article.original.startsWith(name, start)).sort((a, b) => b.length - a.length);
  return found.slice(0, 1);
}

/**
 * The supporters, members and lead unit of the article's events, wherever the article names them; a
 * sentence that is not an event's own belongs to the event it refers to (本次活动), else to the first.
 * `known`: the organizations the article names, which a lead unit must be one of.
 */
export function unitParticipations(article: Article, events: EventMention[], known: readonly string[]): UnitParticipation[] {
  if (events.length === 0) return [];
  const found: UnitParticipation[] = [];
  for (const sentence of sentences(article.text)) {
    const slice = article.text.slice(sentence.start, sentence.end);
    const event = referredEvent(article.text, sentence, events);
    const quote = evidence(article, sentence.start, sentence.end);
    const add = (kind: ParticipationKind, names: string[]) => {
      for (const name of names) if (!found.some((f) => f.event === event && f.name === name && f.kind === kind)) found.push({ event, name, kind, evidence: quote });
    };
    // Every pattern names 单位 or 牵头: most sentences are skipped before any of them runs.
    if (!/单位|牵头/.test(slice)) continue;
    for (const { kind, pattern } of LISTS) {
      for (const m of slice.matchAll(pattern)) {
        const start = sentence.start + m.index + m[0].indexOf(m[1]!);
        add(kind, listedOrganizations(article, start, start + m[1]!.length));
      }
    }
    for (const pattern of LEADS) {
      for (const m of slice.matchAll(pattern)) add('LEAD', knownOrganizationAt(article, sentence.start + m.index + m[0].lastIndexOf(m[1]!), known));
    }
  }
  return found;
}
