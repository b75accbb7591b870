import type { MultiSearchQuery } from 'meilisearch';
import { ENTITY_TYPES, type EntityType } from '../../model/index.js';
import { candidateTerms, wholeTerms, type AnalyzedQuery } from '../tokenize.js';
import { RANKED_FIELDS } from './documents.js';
import { MAX_CANDIDATES } from './settings.js';

/**
 * The queries that fetch candidates for one search, sent together in one multi-search request. rank.ts
 * then scores every candidate exactly as the embedded engine does, so both engines answer alike; what is
 * asked of Meilisearch is only that the right entities be among the candidates:
 *
 * - exact terms, by equality on the term fields (filter): whole names and aliases, parts of names,
 *   titles and organizations, the same for the query's short-form variants (北大 → 北京大学), surnames and
 *   given names equal to the whole query, and the query's pinyin (homophones, typed pinyin, initials). Equality does
 *   not depend on how Meilisearch's own segmenter (jieba without HMM) would cut the query;
 * - Chinese text (prefix search on names, parts and context), for the start of a name (刘润 → 刘润达);
 * - pinyin text (prefix search on the pinyin keys): zhuang → zhuangjia, and 刘润 → liurun → liurunda
 *   should Meilisearch segment the Chinese prefix apart (刘/润: jieba without HMM does not know it).
 */
export function candidateQueries(indexUid: string, q: AnalyzedQuery, types?: readonly EntityType[] | null): MultiSearchQuery[] {
  const known = (types ?? []).filter((t) => ENTITY_TYPES.includes(t)); // nothing else reaches a filter
  if (!q.whole || (types?.length && !known.length)) return [];
  const typeFilter = known.length ? inList('type', known) : null;
  const common = { indexUid, limit: MAX_CANDIDATES, attributesToRetrieve: [...RANKED_FIELDS] };
  const filtered = (...conditions: (string | null)[]) => {
    const all = [...conditions, typeFilter].filter((c): c is string => !!c);
    return all.length ? { filter: all } : {};
  };
  const terms = candidateTerms(q);
  const termFields = q.latin ? ['names', 'pinyin'] : ['names', 'parts', 'context'];
  const exact = [
    ...termFields.map((field) => inList(field, terms)),
    ...(q.latin ? [] : [inList('personal', wholeTerms(q))]), // surnames and given names: whole queries only, as rank.ts compares
    ...(q.pinyin && !q.latin ? [inList('pinyin', [q.pinyin])] : []),
  ].join(' OR ');

  const queries: MultiSearchQuery[] = [{ ...common, q: '', sort: ['weight:desc'], ...filtered(exact) }];
  if (!q.latin) {
    queries.push({ ...common, q: q.whole, attributesToSearchOn: ['names', 'parts', 'context'], locales: ['cmn'], matchingStrategy: 'all', ...filtered() });
  }
  if (q.pinyin) {
    const on = q.latin ? ['pinyin', 'names'] : ['pinyin'];
    queries.push({ ...common, q: q.pinyin, attributesToSearchOn: on, locales: ['eng'], matchingStrategy: 'all', ...filtered() });
  }
  return queries;
}

export function inList(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(quote).join(', ')}]`;
}

/** A filter string literal: double quotes, with backslashes and double quotes escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
