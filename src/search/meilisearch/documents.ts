import { fingerprint } from '../documents.js';
import type { SearchDocument } from '../port.js';
import { analyzeDocument, type AnalyzedDocument } from '../tokenize.js';

/**
 * What Meilisearch stores for one entity: the SearchDocument as built from the graph, the terms
 * tokenize.ts derives from it (the same terms the embedded engine indexes), and its fingerprint. Ids hold
 * only [a-z0-9_], which Meilisearch accepts as document ids.
 */
export type IndexedDocument = SearchDocument & AnalyzedDocument & { fingerprint: string };

/** The fields a search needs back to rank a candidate with rank.ts and to describe the hit. */
export type RankedFields = Omit<IndexedDocument, 'fingerprint' | 'sources' | 'organizationIds' | 'date'>;

export const RANKED_FIELDS = [
  'id',
  'type',
  'name',
  'aliases',
  'titles',
  'organizations',
  'description',
  'weight',
  'names',
  'parts',
  'pinyin',
  'personal',
  'readings',
  'context',
  'spellings',
  'wholeContext',
] as const satisfies readonly (keyof RankedFields)[];

/** Call after the document's names are learned (learnNames), so parts are cut as the embedded engine cuts them. */
export function toIndexed(document: SearchDocument): IndexedDocument {
  return { ...document, ...analyzeDocument(document), fingerprint: fingerprint(document) };
}

/** Splits a candidate back into the document and its terms, as rank() takes them (it reads only RankedFields). */
export function fromIndexed(stored: RankedFields): { doc: SearchDocument; terms: AnalyzedDocument } {
  const { names, parts, pinyin, personal = [], readings, context, spellings, wholeContext } = stored;
  // `personal` came with the given-name search: documents indexed before it lack it until `tupu reindex`.
  return { doc: stored as unknown as SearchDocument, terms: { names, parts, pinyin, personal, readings, context, spellings, wholeContext } };
}
