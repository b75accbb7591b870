import { BadCursorError, decodeCursor, encodeCursor } from '../graph/cursor.js';
import { highlight } from './highlight.js';
import { rank, score, type Reason } from './rank.js';
import type { SearchDocument, SearchQuery, SearchResults } from './port.js';
import type { AnalyzedDocument, AnalyzedQuery } from './tokenize.js';

export interface Candidate {
  doc: SearchDocument;
  terms: AnalyzedDocument;
}

/** What an engine found for a query: its candidates, and whether its own limits cut them. */
export interface Candidates {
  candidates: Iterable<Candidate>;
  /** False when a candidate list reached the engine's limit: more entities may match than were found. */
  complete: boolean;
  /** The candidates a name, alias, pinyin or personal name may match, if the engine knows (else null: all may). */
  nameable?: ReadonlySet<string> | null;
}

export type Match = Reason & { doc: SearchDocument };

export interface Selection {
  /** The best `wanted` matches (fewer if fewer match), best first: score, then shorter name, then id. */
  matches: Match[];
  /** Every candidate that matches: all the entities that do when the candidates were complete. */
  total: number;
  totalIsExact: boolean;
}

interface Scored {
  candidate: Candidate;
  score: number;
  doc: SearchDocument;
}

/**
 * Ranks in two stages: every candidate is scored (rank.ts `score`: comparisons of a few short strings,
 * nothing built), and only the best `wanted` are ranked in full, with the spelling and parts a hit shows.
 * The work of a search is so bounded by its candidates, which the engines cap per term (embedded) or per
 * query (Meilisearch), however large the index; a query as broad as 人民医院 never ranks its thousands
 * of matches, only orders the scores of at most those candidates.
 */
export function selectMatches(found: Candidates, q: AnalyzedQuery, types: readonly string[] | null | undefined, wanted: number): Selection {
  const personsOnly = types?.length === 1 && types[0] === 'PERSON';
  const best: Scored[] = [];
  const { nameable } = found;
  let total = 0;
  for (const candidate of found.candidates) {
    if (types?.length && !types.includes(candidate.doc.type)) continue;
    const scored = score(candidate.doc, candidate.terms, q, personsOnly, nameable?.has(candidate.doc.id) ?? true);
    if (scored === null) continue;
    total++;
    keepBest(best, { candidate, score: scored, doc: candidate.doc }, wanted);
  }
  const matches = best.map(({ candidate: { doc, terms } }) => ({ ...rank(doc, terms, q, personsOnly)!, doc }));
  return { matches, total, totalIsExact: found.complete };
}

/** Best first: score, then the shorter name, then the id. Both engines end here, so they answer in the same order. */
function byOrder(a: { score: number; doc: SearchDocument }, b: { score: number; doc: SearchDocument }): number {
  return b.score - a.score || a.doc.name.length - b.doc.name.length || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
}

/** Inserts in order, keeping only the best `wanted`: most candidates are worse than the last kept, one comparison. */
function keepBest(best: Scored[], scored: Scored, wanted: number): void {
  if (best.length >= wanted && byOrder(best[wanted - 1]!, scored) <= 0) return;
  let [low, high] = [0, best.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byOrder(best[middle]!, scored) <= 0) low = middle + 1;
    else high = middle;
  }
  best.splice(low, 0, scored);
  if (best.length > wanted) best.pop();
}

/** One page of a search: the matches past the cursor's offset, highlighted. */
export function searchPage(found: Candidates, q: AnalyzedQuery, { types, first, after }: Omit<SearchQuery, 'query'>): SearchResults {
  const offset = after ? searchOffset(after) : 0;
  const { matches, total, totalIsExact } = selectMatches(found, q, types, offset + first + 1);
  return {
    total,
    totalIsExact,
    hasNextPage: offset + first < matches.length,
    hits: matches.slice(offset, offset + first).map((m, i) => ({
      id: m.doc.id,
      type: m.doc.type,
      score: Math.round(m.score * 1000) / 1000,
      highlight: highlight(m.shown, m.matched),
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
