import { normalizeName } from '../../model/values/name.js';
import { organizationsIn } from './agents.js';
import type { OrgRef } from './context.js';
import type { Article } from './normalise.js';
import { firstDateIn, type DateSpan } from './dates.js';
import { evidence, type Evidence } from './evidence.js';
import { clauses, sentences, type Sentence } from './sentences.js';

/** An event the article reports, with the organizations named as its hosts and organizers. */
export interface EventMention {
  name: string;
  /** Other names of the same event in the article (the headline's and the body's). */
  aliases: string[];
  startDate: string | null;
  endDate: string | null;
  place: string | null;
  sentence: Sentence;
  organizations: { name: string; kind: 'HOST' | 'ORGANIZER' | 'SUPPORTER' }[];
  evidence: Evidence;
}

// Bounded character classes and no nested quantifiers: linear on any input.
// The adverbs between a place and its verb (在北京天文馆联合举办) belong to neither.
const HELD_AT = /在([^,在]{2,30}?)(?:成功|隆重|正式|顺利|联合|共同|首次|再次){0,2}(召开|举行|举办|开幕|启动|开展|落幕|闭幕)/;
/** What a verb of holding holds, when the clause names it after the verb: the event, not its hosts. */
const OBJECT = /^了?([^,。在]{2,40}?(?:活动|会议|大会|论坛|仪式|讲座|展览|巡展|比赛|竞赛|座谈会|研讨会|培训班|典礼|晚会|节|周|月|赛))$/;
const HOLDS = /(?:举办|举行|开展|启动)了?(“[^”]{1,40}”[\p{Script=Han}]{0,12})/u;
// A dated sentence that carries out an activity without quoting its name (为居民开展丰富多彩的天文科普活动):
// the activity's noun phrase names the event. Undated, the same words are a plan or a habit, not a report.
const CARRIES_OUT = /(?:开展|举办|举行|召开)了?([^,。在]{0,20}?(?:活动|会议|大会|论坛|仪式|讲座|展览|比赛|竞赛|座谈会|研讨会|培训班))/;
// What a dated sentence reports as having happened that day: a visit, a meeting, a signing, an opening.
const HAPPENED = /调研|考察|参观|视察|访问|到访|来访|拜访|会见|会面|座谈|签署|签订|签约|缔结|开幕|揭幕|开展|启动|举行|举办|召开/;
const MAX_NAME = 60;
/** (本报记者王明台中8日电), 【本报讯】: the dateline before a report names no part of what happened. */
const DATELINE = /^[^)）】]{0,30}(?:电|讯|报道)[)）】]/;
const ROLES = [
  { kind: 'HOST', pattern: /由([^,由]{2,80}?)(?:联合|共同)?主办/ },
  { kind: 'ORGANIZER', pattern: /由([^,由的在]{2,80}?)(?:联合|共同)?(?:组织|举办)/ },
  { kind: 'ORGANIZER', pattern: /([^,由的]{2,80}?)承办/ },
  { kind: 'SUPPORTER', pattern: /([^,由的]{2,80}?)(?:协办|支持单位)/ },
] as const;

const MAX_SENTENCE = 600;
const BACK_REFERENCE = /此次|本次|这次|该活动|活动期间/;
const unquote = (s: string) => s.replace(/[“”「」]/g, '');

/** The subject of "X在某地召开": the last words of the clause before 在, after any 的. */
function subjectBefore(text: string, clause: Sentence, at: number): string {
  const words = text.slice(clause.start, at);
  return unquote(words.slice(words.lastIndexOf('的') + 1)).trim();
}

/** An event found in a sentence, and the span before its verb that may name its hosts. */
type Found = Pick<EventMention, 'name' | 'place' | 'sentence' | 'evidence'> & { hosts: [number, number] | null };

/** 在某地召开的X / X在某地召开 / A与B在某地联合举办X: the event, its place, and where its hosts are named. */
function heldAt(article: Article, sentence: Sentence, clause: Sentence): Found | null {
  const { text } = article;
  const held = HELD_AT.exec(text.slice(clause.start, clause.end));
  if (!held) return null;
  const at = clause.start + held.index;
  const quote = evidence(article, clause.start, clause.end);
  const object = OBJECT.exec(text.slice(at + held[0].length, clause.end));
  if (object) return { name: unquote(object[1]!), place: held[1]!.trim(), sentence, evidence: quote, hosts: [clause.start, at] };
  const name = subjectBefore(text, clause, at);
  return name.length >= 4 ? { name, place: held[1]!.trim(), sentence, evidence: quote, hosts: null } : null;
}

function eventIn(article: Article, sentence: Sentence, dated: boolean): Found | null {
  const { text } = article;
  const parts = clauses(text, sentence);
  for (const clause of parts) {
    const held = heldAt(article, sentence, clause);
    if (held) return held;
    const holds = HOLDS.exec(text.slice(clause.start, clause.end));
    if (holds) return { name: unquote(holds[1]!), place: null, sentence, evidence: evidence(article, clause.start, clause.end), hosts: [clause.start, clause.start + holds.index] };
  }
  if (!dated) return null;
  for (const clause of parts) {
    const done = CARRIES_OUT.exec(text.slice(clause.start, clause.end));
    if (done && done[1]!.length >= 4) {
      const name = done[1]!.replace(/^[^\p{Script=Han}]+/u, '');
      return { name, place: null, sentence, evidence: evidence(article, clause.start, clause.end), hosts: [clause.start, clause.start + done.index] };
    }
  }
  return happened(article, sentence, parts);
}

/**
 * 11月6日,通州区科协副主席吴小末一行来我馆调研: the clause names what happened that day (up to its verb
 * when the whole clause is too long for a name).
 */
function happened(article: Article, sentence: Sentence, parts: Sentence[]): Found | null {
  for (const clause of parts) {
    const verb = HAPPENED.exec(article.text.slice(clause.start, clause.end));
    if (!verb) continue;
    const end = clause.end - clause.start <= MAX_NAME ? clause.end : clause.start + verb.index + verb[0].length;
    const name = article.text.slice(Math.max(clause.start, end - MAX_NAME), end).replace(DATELINE, '').replace(/^[^\p{Script=Han}“「]+/u, '');
    if (name.length >= 4) return { name, place: null, sentence, evidence: evidence(article, clause.start, clause.end), hosts: null };
  }
  return null;
}

/** The hosts, organizers and supporters a sentence names (由…主办, …承办, …协办). */
function rolesIn(text: string, sentence: Sentence): EventMention['organizations'] {
  const slice = text.slice(sentence.start, sentence.end);
  return ROLES.flatMap(({ kind, pattern }) => {
    const m = pattern.exec(slice);
    if (!m) return [];
    // 由甲主办、乙承办: the organizers' span starts after the hosts' verb, not at the sentence's 由.
    const names = m[1]!.replace(/^.*(?:主办|承办|协办)[、,]?/, '');
    return names.split(/[、和及与]/).map((name) => ({ name: name.trim(), kind })).filter((o) => o.name.length >= 2);
  });
}

/**
 * Events: a sentence saying something was held (在…召开/举行/举办, 举办了“…”活动), with the first date
 * of that sentence and the hosts and organizers it names. Names are cut from the simplified text for
 * matching and then quoted from the article.
 */
export function findEvents(article: Article, dates: DateSpan[], agents: Agents): EventMention[] {
  const events: EventMention[] = [];
  // 本次活动由…主办 in a sentence that reports no event of its own: the roles of the article's event.
  const unattached: EventMention['organizations'] = [];
  for (const sentence of sentences(article.text)) {
    // Longer "sentences" are not news prose: skipping them keeps the patterns fast on any input.
    if (sentence.end - sentence.start > MAX_SENTENCE) continue;
    const date = firstDateIn(dates, sentence.start, sentence.end);
    // 此次活动…在七个地点开展丰富多彩的活动: an undated sentence that refers back reports no new event.
    const refersBack = !date?.from && BACK_REFERENCE.test(article.text.slice(sentence.start, sentence.end));
    const found = refersBack ? null : eventIn(article, sentence, !!date?.from);
    const roles = rolesIn(article.text, sentence).map((o) => ({ ...o, name: original(article, sentence, o.name) }));
    if (!found) {
      unattached.push(...roles);
      continue;
    }
    const { hosts, ...mention } = found;
    const hostNames = hosts ? organizationsIn(article, agents.named, agents.main, ...hosts) : [];
    const organizations = withRoles(roles, hostNames.map((name) => ({ name, kind: 'HOST' as const })));
    const name = original(article, sentence, found.name);
    const place = found.place ? original(article, sentence, found.place) : null;
    const event = { ...mention, name, place, aliases: [], startDate: date?.from ?? null, endDate: date?.to ?? null, organizations };
    const same = events.find((e) => sameEvent(e.name, name));
    if (same) Object.assign(same, mergeMentions(same, event));
    else events.push(event);
  }
  if (events[0]) events[0].organizations = withRoles(events[0].organizations, unattached);
  return events;
}

/** The organizations an event's report names, and where the article's organizations are known. */
interface Agents {
  named: readonly OrgRef[];
  main: OrgRef | null;
}

/** Roles added to those already known, one per organization (the first one stated wins). */
function withRoles(known: EventMention['organizations'], more: EventMention['organizations']): EventMention['organizations'] {
  return [...known, ...more.filter((o) => !known.some((k) => k.name === o.name))];
}

/** A headline's 周末科学“星空之旅”主题科普活动 and the body's “星空之旅”主题科普活动 are one event. */
function sameEvent(a: string, b: string): boolean {
  const [x, y] = [normalizeName(unquote(a)), normalizeName(unquote(b))];
  return x.includes(y) || y.includes(x);
}

/** The longer name with the shorter as an alias; what either mention says of date, place and organizers. */
function mergeMentions(a: EventMention, b: EventMention): EventMention {
  const [long, short] = a.name.length >= b.name.length ? [a, b] : [b, a];
  return {
    ...long,
    aliases: [...new Set([...long.aliases, ...short.aliases, short.name])].filter((n) => n !== long.name),
    startDate: long.startDate ?? short.startDate,
    endDate: long.startDate ? long.endDate : short.endDate,
    place: long.place ?? short.place,
    organizations: withRoles(long.organizations, short.organizations),
  };
}

/** The article's own spelling of a phrase found in the simplified text of a sentence. */
export function original(article: Article, sentence: Sentence, simplified: string): string {
  // Looked for inside the sentence only: a phrase not written as such (unquoted) costs no scan of the rest.
  const within = article.text.slice(sentence.start, sentence.end).indexOf(simplified);
  const at = sentence.start + within;
  return within >= 0 ? article.original.slice(at, at + simplified.length) : simplified;
}
