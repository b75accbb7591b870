import type { EventFacts, PersonFacts } from '../../model/facts.js';
import type { ParticipationKind } from '../../model/index.js';
import { normalizeName } from '../../model/values/name.js';
import { evidence, type Evidence } from './evidence.js';
import type { EventMention } from './events.js';
import type { Mention } from './mentions.js';
import type { Article } from './normalise.js';
import { sentences, type Sentence } from './sentences.js';
import type { UnitParticipation } from './units.js';

type Participant = EventFacts['participants'][number];

/** What a person does right after being named: 李健文主持, 许佳军发言, 庄嘉…颁发奖状. */
const ACTS: { kind: ParticipationKind; words: RegExp }[] = [
  { kind: 'CHAIR', words: /^(主持)/ },
  { kind: 'SPEAKER', words: /^(发言|讲话|致辞|作报告|做报告|授课|在分享|也分享|分享|总结|介绍)/ },
  { kind: 'AWARD_PRESENTER', words: /^(为[^,。]{0,20}颁发|颁发|颁奖)/ },
];
const ATTENDING = /(出席|参加|与会|参会)/;

/**
 * 甲,乙主席丙、副主席丁出席活动: the verb follows the whole list, so a person attends when nothing but
 * names, titles, organizations and list separators stands between them and 出席 in the same sentence.
 */
function attendsWithList(after: string): boolean {
  const verb = ATTENDING.exec(after);
  if (!verb) return false;
  const between = after.slice(0, verb.index);
  return !/[。;:!?“”]/.test(between) && !ACTS.some((a) => new RegExp(a.words.source.slice(1)).test(between)) && !/[在由对向为]/.test(between);
}

/** 出席会议并讲话, 出席并致辞: attending is implied by the act that follows it, which is what counts. */
const ATTENDS_AND = /^(?:出席|参加)[^,。;并]{0,10}并/;

function kindOf(article: Article, mention: Mention, sentenceStart: number): ParticipationKind | null {
  const next = article.text.slice(mention.end, mention.end + 30);
  const after = next.replace(ATTENDS_AND, '');
  const act = ACTS.find((a) => a.words.test(after));
  if (act) return act.kind;
  const before = article.text.slice(sentenceStart, mention.start);
  if (/由$/.test(before) && /^[^,。]{0,20}主持/.test(after)) return 'CHAIR';
  return ATTENDING.test(before) || ATTENDING.test(next.slice(0, 6)) || attendsWithList(next) ? 'ATTENDEE' : null;
}

function pushTo(list: Participant[], name: string, kind: ParticipationKind, quote: Evidence): void {
  const found = list.find((p) => p.name === name && p.kind === kind);
  if (!found) list.push({ name, kind, evidence: [quote] });
  else if (!found.evidence?.some((e) => e.offset === quote.offset)) found.evidence?.push(quote);
}

/**
 * 甲、乙为…颁发奖状: people listed before an act share it. Walking back, a person with no act of their own
 * takes the act of the next person when only a list separator stands between them.
 */
function inheritListActs(article: Article, placed: { mention: Mention; kind: ParticipationKind | null }[]): void {
  for (let i = placed.length - 2; i >= 0; i--) {
    const [here, next] = [placed[i]!, placed[i + 1]!];
    // A list sharing one organization (科协主席甲、副主席乙) gives the next mention the same start.
    const between = next.mention.start > here.mention.end ? article.text.slice(here.mention.end, next.mention.start) : article.text[here.mention.end];
    if (here.kind === null && /^[、和与及]$/.test(between ?? '')) here.kind = next.kind;
  }
}

/** 为各成员单位颁发奖状: every member unit of the article's events receives what the presenters give. */
function awardMembers(lists: Participant[][]): void {
  const members = lists.flat().filter((p) => p.kind === 'MEMBER');
  for (const list of lists) {
    const quote = list.find((p) => p.kind === 'AWARD_PRESENTER')?.evidence?.find((e) => /成员单位/.test(e.quote));
    if (quote?.offset != null) for (const m of members) pushTo(list, m.name, 'AWARD_RECIPIENT', { quote: quote.quote, offset: quote.offset });
  }
}

/**
 * Who took part in which event and how: the hosts and organizers named in the event's sentence, and the
 * people whose mention is followed by what they did. A person's act belongs to the event of the same
 * sentence, else to the article's first event (the one the article reports).
 */
export function withParticipants(article: Article, events: EventMention[], mentions: Mention[], people: PersonFacts[], units: UnitParticipation[]) {
  const personName = new Map<string, string>();
  for (const p of people) for (const n of [p.name, ...p.aliases]) personName.set(normalizeName(n), p.name);
  const lists = events.map((e) => {
    const list: Participant[] = [];
    for (const o of e.organizations) pushTo(list, o.name, o.kind, e.evidence);
    return list;
  });
  for (const u of units) pushTo(lists[u.event]!, u.name, u.kind, u.evidence);
  const spans = sentences(article.text);
  let at = 0;
  const placed: { mention: Mention; sentence: Sentence; kind: ParticipationKind | null }[] = [];
  for (const mention of mentions) {
    // Mentions come in text order: one forward walk over the sentences finds each one's sentence.
    while (at < spans.length && spans[at]!.end < mention.end) at++;
    const sentence = spans[at];
    if (!sentence || sentence.start > mention.start || lists.length === 0) continue;
    placed.push({ mention, sentence, kind: kindOf(article, mention, sentence.start) });
  }
  inheritListActs(article, placed);
  for (const { mention, sentence, kind } of placed) {
    const name = personName.get(normalizeName(mention.name.name));
    if (!kind || !name) continue;
    const own = events.findIndex((e) => e.sentence.start === sentence.start);
    pushTo(lists[own >= 0 ? own : 0]!, name, kind, evidence(article, sentence.start, sentence.end));
  }
  awardMembers(lists);
  return events.map((e, i) => ({
    name: e.name, aliases: e.aliases, startDate: e.startDate, endDate: e.endDate, place: e.place,
    partOf: null, followsUp: null, participants: lists[i]!, facts: [], evidence: [e.evidence],
  }));
}
