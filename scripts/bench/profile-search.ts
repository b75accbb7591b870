/**
 * A profiling harness, not a benchmark row: loads the corpus of --scale S into memory (no journal), or
 * opens a kept data directory (`--data DIR`, from `npm run bench -- --data DIR`) as `tupu serve` does,
 * then runs the benchmark's search queries for --seconds, through GraphQL in-process or, with --direct,
 * against the search index alone. Prints the searches per second and the slowest queries (by median). Run it under
 * `node --cpu-prof --import tsx scripts/bench/profile-search.ts --scale 10` and summarise the profile with
 * `node scripts/bench/top-frames.mjs FILE.cpuprofile`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient } from '../../test/support/api.js';
import { corpus } from './corpus.js';
import { ingest } from './load.js';
import { searchQueries } from './search.js';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '10' }, data: { type: 'string' }, seconds: { type: 'string', default: '20' }, direct: { type: 'boolean', default: false } },
});
const graph = createMemoryStore({ directory: values.data ? join(values.data, 'graph') : null });
const search = createEmbeddedIndex({ directory: values.data ? join(values.data, 'search') : null });
if (!values.data) for (const facts of corpus(Number(values.scale))) await ingest(facts, { graph, search });
const opening = performance.now();
await search.ping();
console.log(`opened in ${((performance.now() - opening) / 1000).toFixed(1)} s`);
const queries = await searchQueries(graph, 100);
const client = apiClient(graph, search);
const SEARCH = 'query ($q: String!) { search(query: $q, first: 10) { total hits { type highlight entity { id name } } } }';
const run = values.direct ? (q: string) => search.search({ query: q, first: 10 }) : (q: string) => client.query(SEARCH, { q });
const started = performance.now();
const until = started + Number(values.seconds) * 1000;
const times = new Map<string, number[]>();
let n = 0;
while (performance.now() < until) {
  for (const q of queries) {
    const t = performance.now();
    await run(q);
    const ms = performance.now() - t;
    times.set(q, [...(times.get(q) ?? []), ms]);
    n++;
  }
}
const perSecond = n / ((performance.now() - started) / 1000);
// By median: the slowest single time of a query is mostly a GC pause that fell into it.
const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
const slowest = [...times].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 12);
const show = ([q, list]: [string, number[]]) => `${q} ${median(list).toFixed(1)} ms (max ${Math.max(...list).toFixed(1)})`;
console.log(`${n} searches, ${perSecond.toFixed(0)}/s; slowest by median:`, slowest.map(show).join(', '));
