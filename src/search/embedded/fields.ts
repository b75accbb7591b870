import { Index } from 'flexsearch';
import type { AnalyzedDocument } from '../tokenize.js';

/**
 * The engine's field indexes: which terms of a document each holds, and how a query term finds them.
 * Names are indexed by prefixes ('forward'), so 刘润 finds 刘润达; parts, context, surnames and given
 * names need whole terms.
 *
 * Typed pinyin matches a name's full pinyin by any prefix of three letters or more, its initials whole,
 * and the pinyin of one part of a name (bowuguan) whole; a Chinese query matches by pinyin only a whole
 * name that sounds like it (rank.ts `readingScore`, `pinyinMatch`). So `pinyin` holds the full readings
 * and initials whole and the full readings' prefixes of 3 to 12 letters (FlexSearch's 'forward' mode
 * would add every prefix of every key, once the most of the index's work at start-up: an organization's
 * full pinyin runs to 30 letters); a longer query is looked up whole and by its first 12 letters, and
 * rank.ts checks the rest. The parts' pinyin is its own field, asked only by typed pinyin: a kind word's
 * (技术局, jishuju) is in thousands of organizations, and would make every one of them a name candidate
 * of the Chinese query.
 */
export type Field = 'names' | 'pinyin' | 'partPinyin' | 'parts' | 'context' | 'personal';

interface FieldSpec {
  tokenize: 'forward' | 'strict';
  /** The lists of analysed terms the field is made from: when they are unchanged, so is the field. */
  from: readonly TermList[];
  tokens(terms: AnalyzedDocument): readonly string[];
}

type TermList = 'names' | 'pinyin' | 'parts' | 'context' | 'personal';

const PINYIN_PREFIX_MAX = 12;

const FIELDS: Record<Field, FieldSpec> = {
  names: { tokenize: 'forward', from: ['names'], tokens: (terms) => terms.names },
  pinyin: { tokenize: 'strict', from: ['names', 'pinyin'], tokens: readingTokens },
  partPinyin: { tokenize: 'strict', from: ['names', 'pinyin'], tokens: (terms) => terms.pinyin.filter((key) => !isReadingKey(terms, key)) },
  parts: { tokenize: 'strict', from: ['parts'], tokens: (terms) => terms.parts },
  context: { tokenize: 'strict', from: ['context'], tokens: (terms) => terms.context },
  personal: { tokenize: 'strict', from: ['personal'], tokens: (terms) => terms.personal },
};

/** Where a word counts for coverage: inside a name (names are indexed by prefix, parts whole) or the context. */
export const COVERAGE_FIELDS = ['names', 'parts', 'context'] as const satisfies readonly Field[];

// Terms arrive already tokenised (tokenize.ts); FlexSearch only splits on the spaces we put between them.
const passThrough = (text: string) => text.split(' ').filter(Boolean);

// fastupdate keeps a reverse map so that remove (every re-upsert) does not walk the whole index:
// without it a load slows quadratically with the index size (measured in scripts/bench).
export function createFieldIndexes(): Record<Field, Index> {
  const entries = Object.entries(FIELDS).map(([field, { tokenize }]) => [field, new Index({ tokenize, encode: passThrough, fastupdate: true })]);
  return Object.fromEntries(entries) as Record<Field, Index>;
}

/** What the field index holds for a document, space-separated. */
export function fieldText(field: Field, terms: AnalyzedDocument): string {
  return FIELDS[field].tokens(terms).join(' ');
}

/** Whether the field holds the same for both versions of a document's terms. */
export function sameField(field: Field, a: AnalyzedDocument, b: AnalyzedDocument): boolean {
  return FIELDS[field].from.every((list) => a[list].length === b[list].length && a[list].every((term, i) => term === b[list][i]));
}

/** The terms of the `pinyin` field to look a query's pinyin up by. */
export function pinyinLookups(pinyin: string): string[] {
  return pinyin.length > PINYIN_PREFIX_MAX ? [pinyin, pinyin.slice(0, PINYIN_PREFIX_MAX)] : [pinyin];
}

function readingTokens(terms: AnalyzedDocument): string[] {
  const tokens = new Set<string>();
  for (const { full, initials } of terms.readings) {
    for (let n = 3; n < Math.min(full.length, PINYIN_PREFIX_MAX + 1); n++) tokens.add(full.slice(0, n));
    tokens.add(full).add(initials);
  }
  return [...tokens];
}

const isReadingKey = (terms: AnalyzedDocument, key: string) => terms.readings.some((r) => r.full === key || r.initials === key);
