import { normalizeName } from '../../model/values/name.js';
import { bracketedShortNames, fullNameOf, organizationsIn } from './agents.js';
import type { OrgRef } from './context.js';
import { firstDateIn, type DateSpan } from './dates.js';
import { evidence, type Evidence } from './evidence.js';
import { original, type EventMention } from './events.js';
import type { Article } from './normalise.js';
import { clauses, sentences, type Sentence } from './sentences.js';

/** An agreement signed or reached between parties the article names. */
export interface AgreementMention {
  title: string;
  parties: string[];
  signedOn: string | null;
  /** The event it was signed at, by that event's name. */
  event: string | null;
  evidence: Evidence;
}

const SIGNING = /签署|签订|签约|签下|缔结|达成/;
// Bounded classes, no nested quantifiers: linear on any clause.
const QUOTED = /^[^,。]{0,12}?(?:《([^》]{2,80})》|“([^”]{2,80})”)/;
const NAMED = /^了?([^,。、《》“”]{0,20}?(?:框架协议|协议书|协议|合作意向书|意向书|合作意向|备忘录|合同|协定|姊妹馆|友好馆))/;
/** Longer sentences are not news prose (and would make the search slow). */
const MAX_SENTENCE = 600;
/** An event at which something was signed, by its name. */
const SIGNING_EVENT = /签约|签署|签字|签订|协议|备忘录/;

/** How a title was found: written in 《》 or “” (the same title is the same agreement), named, or made up. */
enum Titled {
  Described,
  Named,
  Quoted,
}

interface Signing extends AgreementMention {
  titled: Titled;
}

/** What was signed: a title in 《》 or “” right after the verb, else the noun of the agreement. */
function titleAfter(text: string): { title: string; titled: Titled } | null {
  const quoted = QUOTED.exec(text);
  if (quoted) return { title: (quoted[1] ?? quoted[2])!, titled: Titled.Quoted };
  const named = NAMED.exec(text);
  return named ? { title: named[1]!.replace(/^(?:了|的|一份|一项)+/, ''), titled: Titled.Named } : null;
}

/**
 * The parties: the organizations before the verb in its clause, else anywhere before it in the sentence;
 * those after 代表 or 见证 when people sign for them or witness it (甲和乙分别代表A和B签订, 甲见证A与B签署).
 */
function partiesBefore(article: Article, named: readonly OrgRef[], main: OrgRef | null, sentence: Sentence, clause: Sentence, verb: number): string[] {
  const represented = Math.max(article.text.lastIndexOf('代表', verb), article.text.lastIndexOf('见证', verb));
  const from = (start: number) => (represented >= start ? represented + 2 : start);
  const inClause = organizationsIn(article, named, main, from(clause.start), verb);
  return inClause.length >= 2 ? inClause : organizationsIn(article, named, main, from(sentence.start), verb);
}

/** The event a signing happened at: the one reported in its sentence, else one named for a signing. */
function signedAt(events: readonly EventMention[], sentence: Sentence): EventMention | null {
  return events.find((e) => e.sentence.start === sentence.start) ?? events.find((e) => SIGNING_EVENT.test(normalizeName(e.name))) ?? null;
}

function signingsIn(article: Article, sentence: Sentence, context: Context): Signing[] {
  const { text } = article;
  const out: Signing[] = [];
  for (const clause of clauses(text, sentence)) {
    const verb = SIGNING.exec(text.slice(clause.start, clause.end));
    if (!verb) continue;
    const at = clause.start + verb.index;
    const named = partiesBefore(article, context.named, context.main, sentence, clause, at);
    const parties = [...new Set(named.map((p) => context.shortNames.get(normalizeName(p)) ?? fullNameOf(context.names, p)))];
    if (parties.length < 2) continue;
    const after = text.slice(at + verb[0].length, sentence.end);
    // 双方正式签约 names no title: the signing is described by its parties.
    const what = titleAfter(after) ?? (verb[0] === '签约' ? { title: `${parties.join('与')}签约`, titled: Titled.Described } : null);
    if (!what) continue;
    const date = firstDateIn(context.dates, sentence.start, sentence.end);
    const event = signedAt(context.events, sentence);
    out.push({
      title: original(article, sentence, what.title),
      titled: what.titled,
      parties,
      signedOn: date?.from ?? event?.startDate ?? null,
      event: event?.name ?? null,
      evidence: evidence(article, clause.start, Math.min(sentence.end, at + verb[0].length + what.title.length + 4)),
    });
  }
  return out;
}

interface Context {
  dates: readonly DateSpan[];
  events: readonly EventMention[];
  named: readonly OrgRef[];
  main: OrgRef | null;
  /** Every organization name the article writes, for the full forms of short ones. */
  names: readonly string[];
  /** Short names declared in brackets (中国科协), to the full name. */
  shortNames: Map<string, string>;
}

/**
 * Agreements: a clause naming two or more organizations and then a verb of signing with what was signed
 * (签署《…》, 达成了“…合作意向”, 签订合作协议, 正式签约). Dated by its sentence, else by the event it was
 * signed at; one agreement per signing however often the article reports it (headline and body), with the
 * parties' full names where the article gives them.
 */
export function findAgreements(article: Article, given: Omit<Context, 'names' | 'shortNames'>): AgreementMention[] {
  const names = [...new Set(given.named.map((o) => o.name))];
  const context = { ...given, names, shortNames: bracketedShortNames(article, names) };
  const found: Signing[] = [];
  for (const sentence of sentences(article.text)) {
    if (sentence.end - sentence.start > MAX_SENTENCE || !SIGNING.test(article.text.slice(sentence.start, sentence.end))) continue;
    for (const signing of signingsIn(article, sentence, context)) {
      const same = found.find((f) => sameSigning(f, signing));
      if (same) Object.assign(same, merged(same, signing));
      else found.push(signing);
    }
  }
  return found.map(({ titled: _, ...a }) => a);
}

const partyKey = (parties: readonly string[]) => parties.map(normalizeName).sort().join('+');

/** 《协议》 after 《关于…的合作框架协议》(《协议》): a title that only names the kind refers back. */
const GENERIC = /^(?:合作)?(?:框架)?(?:协议书?|备忘录|意向书|合同)$/;

/** Not on two dates; the same title, or the same parties unless both titles name different agreements. */
function sameSigning(a: Signing, b: Signing): boolean {
  if (a.signedOn && b.signedOn && a.signedOn !== b.signedOn) return false;
  const [x, y] = [normalizeName(a.title), normalizeName(b.title)];
  if (x === y) return true;
  const distinct = a.titled === Titled.Quoted && b.titled === Titled.Quoted && !GENERIC.test(x) && !GENERIC.test(y);
  return !distinct && partyKey(a.parties) === partyKey(b.parties);
}

/** One signing reported twice: the better-found (then longer) title, the longer party names, any date. */
function merged(a: Signing, b: Signing): Signing {
  const [main, other] = a.titled > b.titled || (a.titled === b.titled && a.title.length >= b.title.length) ? [a, b] : [b, a];
  const longer = (x: string[], y: string[]) => (x.join('').length >= y.join('').length ? x : y);
  return { ...main, parties: longer(main.parties, other.parties), signedOn: main.signedOn ?? other.signedOn, event: main.event ?? other.event };
}
