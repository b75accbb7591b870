/**
 * A profiling harness, not a benchmark row: loads the corpus of --scale S into memory (no journal), then
 * runs the benchmark's search queries through GraphQL in-process for --seconds. Run it under
 * `node --cpu-prof --import tsx scripts/bench/profile-search.ts --scale 10` and summarise the profile with
 * `node scripts/bench/top-frames.mjs FILE.cpuprofile`.
 */
import { parseArgs } from 'node:util';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient } from '../../test/support/api.js';
import { corpus } from './corpus.js';
import { ingest } from './load.js';
import { searchQueries } from './search.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '10' }, seconds: { type: 'string', default: '20' } } });
const graph = createMemoryStore();
const search = createEmbeddedIndex();
for (const facts of corpus(Number(values.scale))) await ingest(facts, { graph, search });
const queries = await searchQueries(graph, 100);
const client = apiClient(graph, search);
const SEARCH = 'query ($q: String!) { search(query: $q, first: 10) { total hits { type highlight entity { id name } } } }';
const until = performance.now() + Number(values.seconds) * 1000;
const slow = new Map<string, number>();
let n = 0;
while (performance.now() < until) {
  for (const q of queries) {
    const t = performance.now();
    await client.query(SEARCH, { q });
    const ms = performance.now() - t;
    slow.set(q, Math.max(slow.get(q) ?? 0, ms));
    n++;
  }
}
console.log(`${n} searches; slowest:`, [...slow].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([q, ms]) => `${q} ${ms.toFixed(1)} ms`).join(', '));
