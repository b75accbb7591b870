import { Meilisearch, type EnqueuedTask, type MultiSearchParams } from 'meilisearch';
import type { SearchIndex, SearchResults } from '../port.js';
import { searchOffset, searchPage } from '../select.js';
import { analyzeQuery } from '../tokenize.js';
import { fromIndexed, toIndexed, type IndexedDocument, type RankedFields } from './documents.js';
import { Failures, hasCode } from './failures.js';
import { candidateQueries } from './queries.js';
import { MAX_CANDIDATES, pendingSettings, STATIC_SETTINGS } from './settings.js';
import { Vocabulary } from './vocabulary.js';

export interface MeilisearchIndexOptions {
  url: string;
  indexUid: string;
  /** Key for writes and settings; falls back to masterKey. */
  indexKey?: string;
  /** Key for queries (a search-only key is enough); falls back to indexKey, then masterKey. */
  searchKey?: string;
  masterKey?: string;
  /** Limit on each HTTP request (default 10 s). */
  timeoutMs?: number;
  /** Limit on waiting for one task (default 5 min): a dictionary change reindexes every document. */
  taskTimeoutMs?: number;
  /** Documents per addDocuments task (default 1000). */
  batchSize?: number;
}

const NONE: SearchResults = { total: 0, totalIsExact: true, hits: [], hasNextPage: false };

/**
 * The Meilisearch adapter of the SearchIndex port. Documents carry the terms tokenize.ts derives (the
 * embedded engine indexes the same ones); Meilisearch finds candidates (queries.ts) and rank.ts orders
 * them, so both engines answer alike. Writes and settings go through the indexing key, queries through the
 * search key; neither ever appears in an error.
 */
export function createMeilisearchIndex(options: MeilisearchIndexOptions): SearchIndex {
  const { url, indexUid, masterKey, timeoutMs = 10_000, taskTimeoutMs = 300_000, batchSize = 1000 } = options;
  const indexKey = options.indexKey || masterKey;
  const searchKey = options.searchKey || indexKey;
  const failures = new Failures(url, [options.indexKey, options.searchKey, masterKey]);
  const guard = async <T>(doing: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw failures.translate(error, doing);
    }
  };
  const connect = (apiKey: string | undefined) => {
    try {
      return new Meilisearch({ host: url, apiKey, timeout: timeoutMs, defaultWaitOptions: { timeout: taskTimeoutMs } });
    } catch (error) {
      throw failures.translate(error, 'connect to Meilisearch');
    }
  };
  const [writer, reader] = [connect(indexKey), connect(searchKey)];
  const writes = writer.index<IndexedDocument>(indexUid);

  /** Waits for a task; a failure other than the tolerated codes becomes a SearchError naming the task. */
  async function settle(enqueued: EnqueuedTask | Promise<EnqueuedTask>, tolerate: readonly string[] = []): Promise<void> {
    const task = await writer.tasks.waitForTask(await enqueued, { timeout: taskTimeoutMs });
    if (task.status !== 'succeeded' && !(task.error && tolerate.includes(task.error.code))) throw failures.taskFailed(task);
  }

  const vocabulary = new Vocabulary(writes, (task) => settle(task));

  let prepared: Promise<void> | null = null;
  /** Creates the index and applies the static settings once, only what differs (no needless reindex). */
  function prepare(): Promise<void> {
    prepared ??= guard('prepare the index', async () => {
      let current = await ifIndexExists(writes.getSettings(), null);
      if (!current) {
        await settle(writer.createIndex(indexUid, { primaryKey: 'id' }), ['index_already_exists']);
        current = await writes.getSettings();
      }
      const pending = pendingSettings(current, STATIC_SETTINGS);
      if (Object.keys(pending).length) await settle(writes.updateSettings(pending));
      vocabulary.remember(current.dictionary, current.synonyms);
    }).catch((error: unknown) => {
      prepared = null;
      throw error;
    });
    return prepared;
  }

  /** Enqueues batches in order (a later version of a document wins), then waits for each. */
  async function inBatches<T>(items: readonly T[], send: (batch: T[]) => Promise<EnqueuedTask>, tolerate?: string[]) {
    const tasks: EnqueuedTask[] = [];
    for (let i = 0; i < items.length; i += batchSize) tasks.push(await send(items.slice(i, i + batchSize)));
    for (const task of tasks) await settle(task, tolerate);
  }

  return {
    kind: `meilisearch (${failures.host}/${indexUid})`,

    async upsert(documents) {
      if (!documents.length) return;
      await prepare();
      await guard('update the dictionary and synonyms', () => vocabulary.extend(documents));
      const indexed = documents.map(toIndexed); // after learning, so parts are cut as the embedded engine cuts them
      await guard('add documents', () => inBatches(indexed, (batch) => writes.addDocuments(batch, { primaryKey: 'id' })));
    },

    async remove(ids) {
      if (!ids.length) return;
      await guard('remove documents', () => inBatches(ids, (batch) => writes.deleteDocuments(batch), ['index_not_found']));
    },

    async search({ query, types, first, after }) {
      if (after) searchOffset(after); // a bad cursor is the client's error, found before any request
      await vocabulary.refresh();
      const q = analyzeQuery(query);
      const queries = candidateQueries(indexUid, q, types);
      if (!queries.length) return NONE;
      const response = await guard('search', () => ifIndexExists(reader.multiSearch<MultiSearchParams, RankedFields>({ queries }), null));
      if (!response) return NONE;
      const candidates = new Map(response.results.flatMap((r) => r.hits).map((hit) => [hit.id, hit]));
      // A query that filled its limit may have left matches behind: the total is then a lower bound.
      const complete = response.results.every((r) => r.hits.length < MAX_CANDIDATES);
      return searchPage({ candidates: [...candidates.values()].map(fromIndexed), complete }, q, { types, first, after });
    },

    async fingerprints() {
      const found = new Map<string, string>();
      await guard('list documents', async () => {
        for (let offset = 0; ; offset += batchSize) {
          const fields: ('id' | 'fingerprint')[] = ['id', 'fingerprint'];
          const page = await ifIndexExists(writes.getDocuments({ fields, limit: batchSize, offset }), null);
          for (const d of page?.results ?? []) found.set(d.id, d.fingerprint);
          if (!page || page.results.length < batchSize || offset + batchSize >= page.total) break;
        }
      });
      return found;
    },

    async clear() {
      await guard('clear the index', () => settle(writes.deleteAllDocuments(), ['index_not_found']));
    },

    async ping() {
      await guard('reach the search service', async () => {
        await reader.health();
        // health needs no key: a search (the one action a search key has) shows a wrong one
        await ifIndexExists(reader.index(indexUid).search('', { limit: 0 }), null);
        if (options.indexKey || masterKey) await writer.tasks.getTasks({ indexUids: [indexUid], limit: 1 });
      });
    },

    close: async () => {},
  };
}

/** What a read of an index that does not exist (yet) gives instead: nothing was indexed. */
async function ifIndexExists<T, F>(read: Promise<T>, missing: F): Promise<T | F> {
  try {
    return await read;
  } catch (error) {
    if (hasCode(error, 'index_not_found')) return missing;
    throw error;
  }
}
