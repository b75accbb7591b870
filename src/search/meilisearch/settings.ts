import type { Settings } from 'meilisearch';
import { hasHan, normalizeName } from '../../model/values/name.js';
import type { SearchDocument } from '../port.js';
import type { IndexedDocument } from './documents.js';

/**
 * The index settings, derived from the stored document shape (IndexedDocument) and from tokenize.ts. The
 * static part is applied once when a writer first uses the index; the dictionary and synonyms grow with
 * the documents. Needs Meilisearch ≥ 1.10 (localizedAttributes).
 */

type Field = keyof IndexedDocument;
const fields = <const T extends readonly Field[]>(...list: T) => list;

/** Attributes searched, in rank order: the `attribute` ranking rule puts a match in an earlier one first. */
export const SEARCHABLE = fields('names', 'pinyin', 'parts', 'context', 'description');
/** Written in Chinese, and in pinyin letters. */
export const CHINESE = fields('names', 'parts', 'context', 'description');
export const PINYIN = fields('pinyin');
/**
 * `type`, `organizationIds` and `date` filter searches; the term fields are filterable so that exact terms
 * can be looked up by equality, whatever Meilisearch's segmenter makes of them (see queries.ts).
 */
export const FILTERABLE = fields('type', 'organizationIds', 'date', 'names', 'parts', 'context', 'pinyin', 'personal');
/** Candidates found by equality come best-evidenced first. */
export const SORTABLE = fields('weight');
/** At most this many candidates per query; rank.ts then decides which match and in what order. */
export const MAX_CANDIDATES = 1000;

export const STATIC_SETTINGS = {
  searchableAttributes: [...SEARCHABLE],
  filterableAttributes: [...FILTERABLE],
  sortableAttributes: [...SORTABLE],
  displayedAttributes: ['*'],
  // A whole-word match beats a prefix, a name beats context; `weight` breaks the remaining ties.
  rankingRules: ['words', 'exactness', 'attribute', 'typo', 'proximity', 'sort', 'weight:desc'],
  // Chinese text is segmented as Mandarin, never guessed to be Japanese from its Han characters; pinyin keys
  // as English, never guessed to be German (whose segmenter would split liurunda into compound parts).
  localizedAttributes: [
    { attributePatterns: [...CHINESE], locales: ['cmn'] },
    { attributePatterns: [...PINYIN], locales: ['eng'] },
  ],
  // Misspelt names are found through pinyin (homophones), not edit distance: a typo in a name, a pinyin key
  // (zj, zhuangjia) or a two-character word matches somebody else. Free text keeps the default tolerance.
  typoTolerance: { enabled: true, disableOnAttributes: ['names', 'pinyin', 'parts', 'context'] },
  pagination: { maxTotalHits: MAX_CANDIDATES },
} satisfies Settings;

/** The names to keep whole: the ones tokenize.ts's learnNames adds to nodejieba, by the same rule. */
export function dictionaryWords(documents: readonly SearchDocument[]): string[] {
  const words = documents
    .flatMap((d) => [d.name, ...d.aliases, ...d.organizations, ...d.titles])
    .map(normalizeName)
    .filter((w) => w.length > 1 && hasHan(w));
  return [...new Set(words)];
}

/** Each alias finds its name and the name its aliases (科技部 ↔ 科学技术部). */
export function synonymsOf(documents: readonly SearchDocument[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  const link = (from: string, to: string) => {
    if (from && to && from !== to && !synonyms[from]?.includes(to)) (synonyms[from] ??= []).push(to);
  };
  for (const d of documents) {
    const name = normalizeName(d.name);
    for (const alias of d.aliases.map(normalizeName)) {
      link(alias, name);
      link(name, alias);
    }
  }
  return synonyms;
}

/** The union of a current dictionary and new words, sorted; null when nothing is new. */
export function mergeDictionary(current: readonly string[] | null | undefined, words: readonly string[]): string[] | null {
  const known = new Set(current ?? []);
  if (words.every((w) => known.has(w))) return null;
  return [...new Set([...known, ...words])].sort();
}

/** The union of current synonyms and new ones; null when nothing is new. */
export function mergeSynonyms(
  current: Record<string, string[]> | null | undefined,
  added: Record<string, string[]>,
): Record<string, string[]> | null {
  const merged: Record<string, string[]> = Object.fromEntries(Object.entries(current ?? {}).map(([k, v]) => [k, [...v]]));
  let changed = false;
  for (const [word, others] of Object.entries(added)) {
    for (const other of others) {
      if (merged[word]?.includes(other)) continue;
      (merged[word] ??= []).push(other);
      changed = true;
    }
  }
  return changed ? merged : null;
}

// Settings whose arrays are ordered; Meilisearch may return the others (sets) in another order.
const ORDERED = new Set<string>(['searchableAttributes', 'rankingRules']);

/**
 * The part of `desired` that `current` (as GET /settings returns it, defaults filled in) does not already
 * have, so that applying settings is idempotent and a restart does not reindex.
 */
export function pendingSettings(current: Settings, desired: Settings): Settings {
  const pending: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) {
    if (!covers((current as Record<string, unknown>)[key], value, ORDERED.has(key))) pending[key] = value;
  }
  return pending as Settings;
}

function covers(current: unknown, desired: unknown, ordered: boolean): boolean {
  if (Array.isArray(desired)) {
    if (!Array.isArray(current) || current.length !== desired.length) return false;
    const canon = (list: unknown[]) => list.map((v) => JSON.stringify(canonical(v)));
    const [a, b] = [canon(current), canon(desired)];
    if (!ordered) [a, b].forEach((l) => l.sort());
    return a.every((v, i) => v === b[i]);
  }
  if (desired && typeof desired === 'object') {
    if (!current || typeof current !== 'object') return false;
    return Object.entries(desired).every(([k, v]) => covers((current as Record<string, unknown>)[k], v, false));
  }
  return current === desired;
}

/** Object keys sorted and nested arrays sorted, for comparing set-like values. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}
