/**
 * A profiling harness, not a benchmark row: the embedded load of run.ts (journaled, as `tupu load` does)
 * over the first --documents of the corpus of --scale S, printing every --every documents where the time
 * went since the last line: the journal's compactions (each rewrites the whole graph or index as one
 * JSON snapshot), its appends (fsync), the graph's apply, the search upsert, and the rest of the ingest
 * (resolution reads, building search documents), with the heap and the snapshot sizes.
 * `npx tsx scripts/bench/profile-load.ts --scale 100 --documents 3000 --every 250`
 * (add NODE_OPTIONS=--max-old-space-size=… for long runs, --expose-gc for the live heap; `--no-journal` loads
 * in memory only, `--no-search` into no search index; `--reindex` then times `reindex` into a fresh index, the
 * benchmark's "search index build" row, printing when it starts so a CPU profile can be cut there).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { reindex } from '../../src/ingest/index-sync.js';
import type { Ports } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import type { SearchIndex } from '../../src/search/port.js';
import { fingerprint } from '../../src/search/documents.js';
import { EmbeddedEngine } from '../../src/search/embedded/engine.js';
import type { SearchDocument } from '../../src/search/port.js';
import { analyzeDocument, type AnalyzedDocument } from '../../src/search/tokenize.js';
import { Journal } from '../../src/storage/journal.js';
import { corpus } from './corpus.js';
import { ingest } from './load.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '100' },
    documents: { type: 'string', default: '2000' },
    every: { type: 'string', default: '250' },
    'no-journal': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    reindex: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const documents = Number(values.documents);
const every = Number(values.every);

const spent = { compact: 0, compactions: 0, append: 0, reads: 0, apply: 0, upsert: 0 };
type Key = 'compact' | 'append' | 'read';
// Reads overlap (resolution issues them concurrently), so they are counted, not timed.
for (const key of ['compact', 'append', 'read'] as Key[]) {
  const original = Journal.prototype[key] as (...args: unknown[]) => Promise<unknown>;
  (Journal.prototype as unknown as Record<Key, unknown>)[key] = async function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      if (key === 'read') spent.reads++;
      else spent[key] += performance.now() - start;
      if (key === 'compact') spent.compactions++;
    }
  };
}
// Documents the engine indexes, and how many of them replace an entry with the very same content
// (same fingerprint): those are removed from every posting list and added again for nothing.
// Also how many keep the same terms in every FlexSearch field (names, pinyin, parts, context): for those
// the posting lists would not need to change at all.
const upserts = { documents: 0, existing: 0, unchanged: 0, sameTerms: 0 };
const FIELDS = ['names', 'pinyin', 'parts', 'context'] as const;
const termsOf = (t: AnalyzedDocument) => JSON.stringify(FIELDS.map((f) => t[f]));
const upsert = EmbeddedEngine.prototype.upsert;
EmbeddedEngine.prototype.upsert = function (this: EmbeddedEngine, documents: readonly SearchDocument[]) {
  const entries = (this as unknown as { entries: Map<string, { fingerprint: string; terms: AnalyzedDocument }> }).entries;
  for (const doc of documents) {
    upserts.documents++;
    const entry = entries.get(doc.id);
    if (entry) upserts.existing++;
    if (entry?.fingerprint === fingerprint(doc)) upserts.unchanged++;
    if (entry && termsOf(entry.terms) === termsOf(analyzeDocument(doc))) upserts.sameTerms++;
  }
  return upsert.call(this, documents);
};

function timed<T extends object>(target: T, method: 'apply' | 'upsert'): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      const value = Reflect.get(t, key, receiver);
      if (key !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await value.apply(t, args);
        } finally {
          spent[method] += performance.now() - start;
        }
      };
    },
  });
}

function dropping(): SearchIndex {
  const index = createEmbeddedIndex();
  return { ...index, upsert: async () => {} };
}

const directory = await mkdtemp(join(tmpdir(), 'tupu-profile-load-'));
const journaled = !values['no-journal'];
const ports: Ports = {
  graph: timed<GraphStore>(createMemoryStore({ directory: journaled ? join(directory, 'graph') : null }), 'apply'),
  // --no-search: an index that drops everything, to tell the graph's share of time and heap from the index's.
  search: timed<SearchIndex>(values['no-search'] ? dropping() : createEmbeddedIndex({ directory: journaled ? join(directory, 'search') : null }), 'upsert'),
};
const size = async (path: string) => ((await stat(path).catch(() => null))?.size ?? 0) / 2 ** 20;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
console.log(`S=${scale}, first ${documents} documents, ${journaled ? 'journaled' : 'in memory only'}${values['no-search'] ? ', no search index' : ''}; seconds per slice of ${every} documents:`);
console.log('(apply and upsert include their journal appends and compactions; other = wall − apply − upsert: resolution, search documents)');
console.log('docs\twall s\tentities/s\tcompact s (n)\tappend s\tjournal reads\tapply s\tupsert s\tother s\theap MiB\trss MiB\tgraph snap MiB\tsearch snap MiB\tsearch documents indexed so far (re-indexed; identical; same terms)');
try {
  let done = 0;
  let entities = 0;
  let last = { ...spent, at: performance.now() };
  for (const facts of corpus(scale)) {
    if (done === documents) break;
    entities += await ingest(facts, ports);
    if (++done % every !== 0 && done !== documents) continue;
    const now = performance.now();
    const d = (k: keyof typeof spent) => (spent[k] - last[k]) / 1000;
    const wall = (now - last.at) / 1000;
    const other = wall - d('apply') - d('upsert'); // compact and append happen inside apply and upsert
    (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: live heap, not garbage (outside the slice's time)
    const { heapUsed, rss } = process.memoryUsage();
    const [graphSnap, searchSnap] = [await size(join(directory, 'graph', 'graph.snapshot.json')), await size(join(directory, 'search', 'search.snapshot.json'))];
    console.log(
      [done, wall.toFixed(1), Math.round(entities / wall), `${d('compact').toFixed(1)} (${spent.compactions - last.compactions})`, d('append').toFixed(1), spent.reads - last.reads, d('apply').toFixed(1), d('upsert').toFixed(1), other.toFixed(1), mb(heapUsed), mb(rss), graphSnap.toFixed(0), searchSnap.toFixed(0), `${upserts.documents} (${upserts.existing}; ${upserts.unchanged}; ${upserts.sameTerms})`].join('\t'),
    );
    entities = 0;
    last = { ...spent, at: performance.now() };
  }
  if (values.reindex) {
    const fresh = createEmbeddedIndex();
    console.log(`reindex starts at ${(performance.now() / 1000).toFixed(1)} s of the process`);
    const start = performance.now();
    const indexed = await reindex({ graph: ports.graph, search: fresh });
    console.log(`reindex: ${indexed} entities in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
} finally {
  await rm(directory, { recursive: true, force: true });
}
