import { normalizeName } from '../model/values/name.js';
import { joinedPinyin } from '../model/values/pinyin.js';
import { highlight } from './highlight.js';
import { isCommonWord, splitPersonName } from './person-names.js';
import { BadCursorError, decodeCursor, encodeCursor } from '../graph/cursor.js';
import type { SearchDocument, SearchResults } from './port.js';
import type { AnalyzedDocument, AnalyzedQuery } from './tokenize.js';

export interface Ranked {
  score: number;
  highlight: string;
}

/**
 * Scores one candidate for a query: why it matched decides the score, strongest reason first. A whole
 * name beats an alias, which beats a pinyin reading, which beats a prefix, which beats parts of a name,
 * which beat a given name or surname typed alone, which beat context (titles, organizations). The query
 * read through the short-forms lexicon (北大 as 北京大学) counts a little less than the query as typed.
 * Returns null when the candidate does not really match (the engine's candidates are generous).
 * `personsOnly`: the search asks for people, so a surname alone or a common word as a given name is meant.
 */
export function rank(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery, personsOnly = false): Ranked | null {
  let best = rankReading(doc, terms, q, personsOnly);
  for (const variant of q.variants) {
    const ranked = rankReading(doc, terms, variant, personsOnly);
    if (ranked && (!best || ranked.score - VARIANT_COST > best.score)) best = { ...ranked, score: ranked.score - VARIANT_COST };
  }
  return best;
}

const VARIANT_COST = 5;

function rankReading(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery, personsOnly: boolean): Ranked | null {
  const [name, ...aliases] = terms.spellings;
  const evidenceBonus = Math.min(doc.weight, 40) / 100; // ties go to the better evidenced, never past a reason
  const marked = (score: number, shown: string, matched = normalizeName(shown)) => ({ score: score + evidenceBonus, highlight: highlight(shown, [matched]) });

  if (name?.key === q.whole) return marked(100, name.shown);
  const alias = aliases.find((a) => a.key === q.whole);
  if (alias) return marked(95, alias.shown);
  const pinyinHit = pinyinMatch(terms, q);
  if (pinyinHit) return marked(pinyinHit.score, pinyinHit.shown, pinyinHit.matched);
  if (!q.latin) {
    const prefixed = terms.spellings.find((s) => q.whole.length > 1 && s.key.startsWith(q.whole));
    if (prefixed) return marked(75, prefixed.shown, q.whole);
  }
  // terms.personal holds the surnames and given names indexed: a cheap test before splitting names again.
  const personal = terms.personal.includes(q.whole) ? personalMatch(terms, q, personsOnly) : null;
  if (personal) return marked(personal.score, personal.shown, personal.matched);
  return coverage(doc, terms, q, evidenceBonus);
}

interface Reason {
  score: number;
  /** The spelling shown, and the part of it the query matched (the whole of it unless said). */
  shown: string;
  matched?: string;
}

/**
 * Pinyin typed in letters (full, joined, initials, or a prefix), a Chinese query that sounds like the name,
 * or the pinyin of one word of an organization's name typed alone (bowuguan: the museums).
 */
function pinyinMatch(terms: AnalyzedDocument, q: AnalyzedQuery): Reason | null {
  if (!q.pinyin) return null;
  for (const { name, key, full, initials } of terms.readings) {
    if (q.latin && q.pinyin === full) return { score: 90, shown: name };
    if (!q.latin && q.pinyin === full && q.whole.length === key.length) return { score: 85, shown: name }; // homophone
    if (q.latin && q.pinyin === initials && q.pinyin.length > 1) return { score: 70, shown: name };
    if (q.latin && q.pinyin.length >= 3 && full.startsWith(q.pinyin)) return { score: 60, shown: name };
  }
  const part = q.latin && q.pinyin.length >= 4 ? terms.parts.find((p) => p.length > 1 && joinedPinyin(p) === q.pinyin) : undefined;
  const spelling = part && terms.spellings.find((s) => s.key.includes(part));
  return spelling ? { score: 62, shown: spelling.shown, matched: part } : null;
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
      return { score: 58, shown, matched: split.given };
    }
    if (personsOnly && q.whole === split.surname) return { score: 50, shown, matched: split.surname };
  }
  return null;
}

/** Query words found among the name's parts (or inside it) and in the context; all must be found somewhere. */
function coverage(doc: SearchDocument, terms: AnalyzedDocument, q: AnalyzedQuery, bonus: number): Ranked | null {
  if (!q.words.length || q.latin) return null;
  const primary = q.words.filter((w) => w.length > 1 || q.words.length === 1);
  const words = primary.length ? primary : q.words;
  const isPerson = doc.type === 'PERSON';
  const inName = (w: string) => terms.names.includes(w) || terms.parts.includes(w) || (!isPerson && terms.names.some((n) => n.includes(w)));
  const inContext = (w: string) => terms.context.includes(w) || terms.context.some((c) => c.includes(w));
  const whole = !isPerson && terms.names.some((n) => n.includes(q.whole));
  const nameShare = whole ? 1 : words.filter(inName).length / words.length;
  const contextShare = words.filter((w) => !inName(w) && inContext(w)).length / words.length;
  if (nameShare + contextShare < 0.999) return null;
  // Among equal reasons: a whole title or organization beats a part of one (馆长 over 副馆长), and a name
  // the query covers more of beats a longer one (天文馆: 北京天文馆 before 北京天文馆科普教育部).
  const wholeContext = words.filter((w) => terms.wholeContext.includes(w)).length / words.length;
  const covered = whole ? q.whole.length / Math.min(...terms.names.filter((n) => n.includes(q.whole)).map((n) => n.length)) : 0;
  const score = 20 + 45 * nameShare + 25 * contextShare + 2 * wholeContext + 4 * covered + bonus;
  const matched = whole ? [q.whole] : words.filter(inName);
  return { score, highlight: highlight(doc.name, matched) };
}

export type Match = Ranked & { doc: SearchDocument };

/**
 * Ranks an engine's candidates and orders the matches: score, then the shorter name, then the id. Both
 * engines end here, so they answer in the same order.
 */
export function rankCandidates(
  candidates: Iterable<{ doc: SearchDocument; terms: AnalyzedDocument }>,
  q: AnalyzedQuery,
  types: readonly string[] | null | undefined,
): Match[] {
  const matches: Match[] = [];
  const personsOnly = types?.length === 1 && types[0] === 'PERSON';
  for (const { doc, terms } of candidates) {
    if (types?.length && !types.includes(doc.type)) continue;
    const ranked = rank(doc, terms, q, personsOnly);
    if (ranked) matches.push({ ...ranked, doc });
  }
  return matches.sort((a, b) => b.score - a.score || a.doc.name.length - b.doc.name.length || (a.doc.id < b.doc.id ? -1 : 1));
}

/** One page of ordered matches; cursors carry the offset of the next hit. */
export function pageOfMatches(matches: readonly Match[], first: number, after: string | null | undefined): SearchResults {
  const offset = after ? searchOffset(after) : 0;
  return {
    total: matches.length,
    hasNextPage: offset + first < matches.length,
    hits: matches.slice(offset, offset + first).map((m, i) => ({
      id: m.doc.id,
      type: m.doc.type,
      score: Math.round(m.score * 1000) / 1000,
      highlight: m.highlight,
      description: m.doc.description || null,
      cursor: encodeCursor([String(offset + i + 1)]),
    })),
  };
}

/** The offset a search cursor carries; BadCursorError for one this server did not produce. */
export function searchOffset(cursor: string): number {
  const [value] = decodeCursor(cursor);
  const offset = Number(value);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new BadCursorError(cursor);
  return offset;
}
