import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import type { GraphStore } from '../../src/graph/port.js';
import { reindex } from '../../src/ingest/index-sync.js';
import { createMeilisearchIndex } from '../../src/search/meilisearch/index.js';
import type { SearchIndex } from '../../src/search/port.js';
import { ms, skipped, time, type Row } from './measure.js';
import { searchRows } from './search.js';

/** The Meilisearch to measure: MEILI_URL and MEILI_MASTER_KEY, e.g. from `npm run meili:start`. */
export const MEILI_URL = process.env.MEILI_URL || null;
const MEILI_MASTER_KEY = process.env.MEILI_MASTER_KEY || undefined;
export const MEILI_SKIPPED = 'skipped (MEILI_URL not set)';
export const meiliSkipped = (why: string) => skipped('Meilisearch (index build, search direct and via GraphQL, top-1 agreement)', why);

/**
 * Meilisearch beside the embedded engine, on the same graph and the same queries: the index built from the
 * graph (as `tupu reindex` does, into a new index deleted afterwards), query latency direct and through
 * GraphQL, and how often both engines put the same entity first (and the same ten in the same order).
 */
export async function measureMeilisearch(graph: GraphStore, embedded: SearchIndex, queries: string[], rounds = 5): Promise<Row[]> {
  const indexUid = `tupu_bench_${randomBytes(4).toString('hex')}`;
  // Task waits bounded generously: each new batch of names extends the dictionary, which reindexes.
  const meili = createMeilisearchIndex({ url: MEILI_URL!, indexUid, masterKey: MEILI_MASTER_KEY, taskTimeoutMs: 3_600_000 });
  try {
    let indexed = 0;
    const build = await time(async () => (indexed = await reindex({ graph, search: meili })));
    const [direct, viaGraphql] = await searchRows('Meilisearch', graph, meili, queries, rounds);
    return [
      { measurement: 'Meilisearch index build (reindex from the graph)', value: ms(build), baseline: '', ratio: '', target: '', note: `${indexed} entities, batches of 500 as tupu reindex sends them` },
      direct!,
      viaGraphql!,
      await agreement(embedded, meili, queries),
    ];
  } finally {
    await new Meilisearch({ host: MEILI_URL!, apiKey: MEILI_MASTER_KEY }).deleteIndex(indexUid).waitTask({ timeout: 600_000 }).catch(() => {});
  }
}

async function agreement(embedded: SearchIndex, meili: SearchIndex, queries: string[]): Promise<Row> {
  let top1 = 0;
  let top10 = 0;
  for (const query of queries) {
    const [a, b] = await Promise.all([embedded.search({ query, first: 10 }), meili.search({ query, first: 10 })]);
    if (a.hits[0]?.id === b.hits[0]?.id) top1++;
    if (a.hits.map((h) => h.id).join() === b.hits.map((h) => h.id).join()) top10++;
  }
  const share = (n: number) => `${n}/${queries.length} (${((100 * n) / queries.length).toFixed(0)}%)`;
  return { measurement: 'top-1 agreement, embedded vs Meilisearch', value: share(top1), baseline: '', ratio: '', target: '100%', note: `same ten hits in the same order: ${share(top10)}` };
}
