import { joinedPinyin } from '../model/values/pinyin.js';
import { isCommonWord, splitPersonName } from './person-names.js';
import type { SearchDocument } from './port.js';
import { coverageWords, type AnalyzedDocument, type AnalyzedQuery } from './tokenize.js';

/** Why a candidate matches: its score, the spelling shown, and the parts of it the query matched. */
export interface Reason {
  score: number;
  shown: string;
  matched: readonly string[];
}

/**
 * Scores one candidate for a query: why it matched decides the score, strongest reason first. A whole
 * name beats an alias, which beats a pinyin reading, which beats a prefix, which beats parts of a name,
 * which beat a given name or surname typed alone, which beat context (titles, organizations). The query
 * read through the short-forms lexicon (北大 as 北京大学) counts a little less than the query as typed.
 * Returns null when the candidate does not really match (the engine's candidates are generous).
 * `personsOnly`: the search asks for people, so a surname alone or a common word as a given name is meant.
 */
export function rank(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery, personsOnly = false): Reason | null {
  let best: Reason | null = null;
  for (const [reading, cost] of readings(q)) {
    const ranked = rankReading(doc, terms, reading, personsOnly);
    if (ranked && (!best || ranked.score - cost > best.score)) best = { ...ranked, score: ranked.score - cost };
  }
  return best;
}

/**
 * The score `rank` gives, or null where it gives none, worked out without building what only a listed hit
 * needs (the spelling shown, the matched parts): a search scores every candidate and ranks only its page.
 * `nameable` false: the engine knows no name, alias, pinyin or personal name of the candidate can match
 * (select.ts), so only coverage is tried.
 */
export function score(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery, personsOnly = false, nameable = true): number | null {
  let best: number | null = null;
  for (const [reading, cost] of readings(q)) {
    const reason = nameable ? nameReason(terms, reading, personsOnly) : null;
    const found = reason ? reason.score + evidenceBonus(doc) : coverageScore(doc, terms, reading);
    if (found !== null && (best === null || found - cost > best)) best = found - cost;
  }
  return best;
}

const VARIANT_COST = 5;

const readingsOf = new WeakMap<AnalyzedQuery, [AnalyzedQuery, number][]>();

/** The query as typed and its variants, each with what it costs: asked once per candidate, made once per query. */
function readings(q: AnalyzedQuery): [AnalyzedQuery, number][] {
  let found = readingsOf.get(q);
  if (!found) readingsOf.set(q, (found = [[q, 0], ...q.variants.map((v): [AnalyzedQuery, number] => [v, VARIANT_COST])]));
  return found;
}

/** Ties go to the better evidenced, never past a reason. */
function evidenceBonus(doc: SearchDocument): number {
  return Math.min(doc.weight, 40) / 100;
}

function rankReading(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery, personsOnly: boolean): Reason | null {
  const reason = nameReason(terms, q, personsOnly);
  if (reason) return { ...reason, score: reason.score + evidenceBonus(doc) };
  return coverage(doc, terms, q);
}

/** Every reason but coverage, in order: whole name, alias, pinyin, prefix, given name or surname. */
function nameReason(terms: AnalyzedDocument, q: AnalyzedQuery, personsOnly: boolean): Reason | null {
  // Plain loops: this runs for every candidate and every reading of the query, and a callback made per
  // call (find, findIndex) cost more than the comparisons themselves (CPU profile at S=10).
  const { spellings } = terms;
  for (let i = 0; i < spellings.length; i++) {
    if (spellings[i]!.key === q.whole) return { score: i === 0 ? 100 : 95, shown: spellings[i]!.shown, matched: [q.whole] }; // name, then alias
  }
  const pinyinHit = pinyinMatch(terms, q);
  if (pinyinHit) return pinyinHit;
  if (!q.latin && q.whole.length > 1) {
    for (const s of spellings) if (s.key.startsWith(q.whole)) return { score: 75, shown: s.shown, matched: [q.whole] };
  }
  // terms.personal holds the surnames and given names indexed: a cheap test before splitting names again.
  return terms.personal.includes(q.whole) ? personalMatch(terms, q, personsOnly) : null;
}

/**
 * Pinyin typed in letters (full, joined, initials, or a prefix), a Chinese query that sounds like the name,
 * or the pinyin of one word of an organization's name typed alone (bowuguan: the museums).
 */
function pinyinMatch(terms: AnalyzedDocument, q: AnalyzedQuery): Reason | null {
  if (!q.pinyin) return null;
  for (const { name, key, full, initials } of terms.readings) {
    const score = readingScore(q, q.pinyin, key, full, initials);
    if (score) return { score, shown: name, matched: [key] };
  }
  const part = q.latin && q.pinyin.length >= 4 ? terms.parts.find((p) => p.length > 1 && joinedPinyin(p) === q.pinyin) : undefined;
  const spelling = part && terms.spellings.find((s) => s.key.includes(part));
  return spelling ? { score: 62, shown: spelling.shown, matched: [part] } : null;
}

function readingScore(q: AnalyzedQuery, pinyin: string, key: string, full: string, initials: string): number | null {
  if (q.latin && pinyin === full) return 90;
  if (!q.latin && pinyin === full && q.whole.length === key.length) return 85; // homophone
  if (q.latin && pinyin === initials && pinyin.length > 1) return 70;
  if (q.latin && pinyin.length >= 3 && full.startsWith(pinyin)) return 60;
  return null;
}

/**
 * A given name typed alone (雪竹 finds 丁雪竹), unless it is a common word (明星 is not 刘明星) and the search
 * does not ask for people; a surname alone (刘) only when it does.
 */
function personalMatch(terms: AnalyzedDocument, q: AnalyzedQuery, personsOnly: boolean): Reason | null {
  for (const { shown, key } of terms.spellings) {
    const split = splitPersonName(key);
    if (!split) continue;
    if (split.given.length > 1 && q.whole === split.given && (personsOnly || !isCommonWord(q.whole))) {
      return { score: 58, shown, matched: [split.given] };
    }
    if (personsOnly && q.whole === split.surname) return { score: 50, shown, matched: [split.surname] };
  }
  return null;
}

/**
 * A word among a name's parts or inside it. Parts are pieces of the names (and persons have none), so
 * the names alone are read: whole for a person (明星 is not in 刘明星), inside for anything else.
 */
function inName(doc: SearchDocument, terms: AnalyzedDocument, word: string): boolean {
  return doc.type === 'PERSON' ? terms.names.includes(word) : holds(terms.names, word);
}

/** A word among the titles and organizations or their parts: the parts are pieces of the whole ones. */
function inContext(terms: AnalyzedDocument, word: string): boolean {
  return holds(terms.wholeContext, word);
}

function holds(texts: readonly string[], word: string): boolean {
  for (const text of texts) if (text.includes(word)) return true;
  return false;
}

/** A non-person name holding the whole query, and how much of the shortest such name it covers (0 if none). */
function wholeCovered(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery): number {
  if (doc.type === 'PERSON') return 0;
  let shortest = Infinity;
  for (const n of terms.names) if (n.length < shortest && n.includes(q.whole)) shortest = n.length;
  return shortest < Infinity ? q.whole.length / shortest : 0;
}

/**
 * Query words found among the name's parts (or inside it) and in the context; all must be found somewhere.
 * Among equal reasons: a whole title or organization beats a part of one (馆长 over 副馆长), and a name
 * the query covers more of beats a longer one (天文馆: 北京天文馆 before 北京天文馆科普教育部).
 */
function coverageScore(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery): number | null {
  if (!q.words.length || q.latin) return null;
  const words = coverageWords(q);
  let [named, contextual, wholeContext] = [0, 0, 0];
  for (const w of words) {
    if (inName(doc, terms, w)) named++;
    else if (inContext(terms, w)) contextual++;
    else return null;
    if (terms.wholeContext.includes(w)) wholeContext++;
  }
  const covered = wholeCovered(doc, terms, q);
  const nameShare = covered ? 1 : named / words.length;
  return 20 + 45 * nameShare + 25 * (contextual / words.length) + 2 * (wholeContext / words.length) + 4 * covered + evidenceBonus(doc);
}

function coverage(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery): Reason | null {
  const score = coverageScore(doc, terms, q);
  if (score === null) return null;
  const matched = wholeCovered(doc, terms, q) ? [q.whole] : coverageWords(q).filter((w) => inName(doc, terms, w));
  return { score, shown: doc.name, matched };
}
