/**
 * A profiling harness, not a benchmark row: opens a kept data directory (`npm run bench -- --data DIR`)
 * the way `tupu serve` does, the graph first and then the search index, and prints for each step the
 * time it took and the live heap it added (after a full GC), so that start-up memory and time can be
 * split between journal replay and index rebuild. `--heap-snapshot FILE` then writes a V8 heap snapshot
 * of the opened process (summarise it with `node scripts/bench/heap-summary.mjs FILE`; keep to S≤1, the
 * snapshot is several times the heap).
 *   node --expose-gc --import tsx scripts/bench/profile-memory.ts --data DIR [--heap-snapshot FILE]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ENTITY_LABELS } from '../../src/model/index.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { analyzeDocument, words } from '../../src/search/tokenize.js';
import { Journal } from '../../src/storage/journal.js';
import { Index } from 'flexsearch';
import type { SearchDocument } from '../../src/search/port.js';
import { mib } from './measure.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, 'heap-snapshot': { type: 'string' }, breakdown: { type: 'boolean', default: false } } });
if (!values.data) throw new Error('--data DIR: a data directory kept by `npm run bench -- --data DIR`');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const live = () => {
  gc();
  return getHeapStatistics().used_heap_size;
};
const rss = () => process.memoryUsage().rss;

async function step(name: string, task: () => Promise<unknown>): Promise<void> {
  const before = live();
  const start = performance.now();
  const cpu = process.cpuUsage();
  await task();
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  // CPU time beside the wall clock: on a shared machine the wall clock also counts waiting for a core.
  console.log(`${name}: ${seconds.toFixed(1)} s (CPU ${((user + system) / 1e6).toFixed(1)} s), live heap +${mib(live() - before)}, RSS ${mib(rss())}`);
}

words('北京天文馆'); // nodejieba's dictionaries, as the server loads them before it opens anything
console.log(`baseline: live heap ${mib(live())}, RSS ${mib(rss())}`);
const graph = createMemoryStore({ directory: join(values.data, 'graph') });
const search = createEmbeddedIndex({ directory: join(values.data, 'search') });
await step('graph: journal replay', () => graph.ping());
await step('search: journal replay and index rebuild', () => search.ping());
const stats = await graph.stats();
const nodes = Object.values(stats.nodes).reduce((a, b) => a + b, 0);
const edges = Object.values(stats.relationships).reduce((a, b) => a + b, 0);
const entities = ENTITY_LABELS.reduce((sum, label) => sum + stats.nodes[label], 0);
console.log(`${nodes} nodes, ${edges} relationships, ${entities} entities indexed; live heap ${mib(live())}, RSS ${mib(rss())}`);
if (values.breakdown) await breakdown();
if (values['heap-snapshot']) console.log(`heap snapshot: ${writeHeapSnapshot(values['heap-snapshot'])}`);

/**
 * `--breakdown`: the search side rebuilt piece by piece beside the opened stores, each piece's live heap
 * measured: the documents as the journal holds them, their analysed terms, the terms joined per field
 * (what the engine keeps to compare a re-upsert), and the FlexSearch indexes of the five fields.
 */
async function breakdown(): Promise<void> {
  const keep: unknown[] = [];
  const documents = new Map<string, SearchDocument>();
  const journal = new Journal<{ upsert: SearchDocument[]; remove: string[] }>(join(values.data!, 'search'), 'search');
  await step('breakdown: search documents (journal read)', async () => {
    await journal.read({
      reset: () => documents.clear(),
      apply: (batch) => {
        for (const id of batch.remove) documents.delete(id);
        for (const doc of batch.upsert) documents.set(doc.id, doc);
      },
    });
  });
  let terms: ReturnType<typeof analyzeDocument>[] = [];
  await step('breakdown: analysed terms', async () => (terms = [...documents.values()].map((doc) => analyzeDocument(doc))));
  const fields = ['names', 'pinyin', 'parts', 'context', 'personal'] as const;
  await step('breakdown: terms joined per field', async () => keep.push(terms.map((t) => fields.map((f) => t[f].join(' ')))));
  for (const field of fields) {
    const index = new Index({ tokenize: field === 'names' || field === 'pinyin' ? 'forward' : 'strict', encode: (text: string) => text.split(' ').filter(Boolean), fastupdate: true });
    const ids = [...documents.keys()];
    await step(`breakdown: FlexSearch index of ${field}`, async () => terms.forEach((t, i) => index.add(ids[i]!, t[field].join(' '))));
    keep.push(index);
  }
  console.log(`breakdown: ${documents.size} documents; ${keep.length} pieces kept`);
}
