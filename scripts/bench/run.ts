import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { measureColdStart } from './cold-start.js';
import { measureExtraction } from './extract.js';
import { measureHttp } from './http.js';
import { loadEmbedded, loadKept } from './load.js';
import { disableNagle } from '../../src/graph/neo4j/no-delay.js';
import { measureNeo4jLoad } from './load-neo4j.js';
import { measureMeilisearch, MEILI_SKIPPED, MEILI_URL, meiliSkipped } from './meilisearch.js';
import { measureMerge } from './merge.js';
import { mib, ms, skipped, spread, time, type Row } from './measure.js';
import { NEO4J_SKIPPED, NEO4J_URI, openDriver, openEmptyStore, replay } from './neo4j.js';
import { measureSearch, searchQueries } from './search.js';
import { HEAP_LIMIT_MIB, measureStartup, releaseMemory, serve } from './server.js';
import { measureMemoryView, measureNeo4jViews } from './view.js';

// As the adapter does on its first connection: every driver here, the naive baselines' too, runs on
// sockets with Nagle's algorithm off, so no comparison is won or lost on TCP stalls.
disableNagle();

/**
 * `npm run bench -- --scale S`: loads a generated corpus of scale S (corpus.ts) and measures each figure
 * against its baseline in this process and run, then prints one table of medians. Sample sizes and
 * durations grow with S so that S=1 takes under a minute.
 */
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    markdown: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    // Keeps the loaded corpus in this directory and reuses it on the next run of the same scale.
    data: { type: 'string' },
    // Meilisearch answers in seconds on a loaded machine at S=10: fewer rounds keep such a run short.
    'meili-rounds': { type: 'string', default: '5' },
  },
});
const meiliRounds = Number(values['meili-rounds']);
if (!Number.isInteger(meiliRounds) || meiliRounds < 1) throw new Error(`--meili-rounds must be a positive integer, not ${values['meili-rounds']}`);
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error(`--scale must be a positive number, not ${values.scale}`);
/** `--skip view,search,meili,extract,neo4j,cold,http`: leaves those rows out (the load always runs). */
const STEPS = ['view', 'search', 'meili', 'extract', 'neo4j', 'cold', 'http'] as const;
const skip = new Set(values.skip.split(',').filter(Boolean));
for (const s of skip) if (!STEPS.includes(s as never)) throw new Error(`--skip takes ${STEPS.join(', ')}, not ${s}`);
const SKIPPED = 'skipped (--skip)';

const head = ['measurement', 'median', 'baseline', 'ratio', 'target', 'notes'];
const cells = (r: Row) => [r.measurement, r.value, r.baseline, r.ratio, r.target, r.note ?? ''];
const markdownRow = (r: Row) => `| ${cells(r).join(' | ')} |`;
const commit = (() => {
  try {
    const at = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${at} (src/ modified)` : at;
  } catch {
    return 'unknown commit';
  }
})();
const started = new Date();

// Every row goes to stderr as soon as it is measured: a long run that dies later keeps what it measured.
const rows: Row[] = new Proxy([] as Row[], {
  get(target, key, receiver) {
    if (key !== 'push') return Reflect.get(target, key, receiver);
    return (...added: Row[]) => {
      for (const r of added) process.stderr.write(`bench S=${scale}: row ${markdownRow(r)}\n`);
      return target.push(...added);
    };
  },
});
const step = (name: string) => process.stderr.write(`bench S=${scale} ${new Date().toISOString().slice(11, 19)}: ${name}\n`);
step(`commit ${commit}, V8 heap limit ${HEAP_LIMIT_MIB} MiB, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const directory = values.data ?? (await mkdtemp(join(tmpdir(), 'tupu-bench-')));
const inProcess = ['view', 'search', 'meili', 'neo4j'].some((name) => !skip.has(name));

/**
 * Everything measured inside this process, on the stores it loaded (or opened, for a kept corpus); it
 * returns only the sampled event ids and queries, so that the stores can be let go before `tupu serve`
 * holds the same corpus (at S=300 both would not fit the machine).
 */
async function inProcessSteps(): Promise<{ events: string[]; queries: string[]; entities: number }> {
  step('loading the corpus into the embedded default');
  const recordChanges = NEO4J_URI !== null && !skip.has('neo4j');
  // A kept corpus opens its search index only when a step searches in this process.
  const loaded = values.data ? await loadKept(scale, directory, recordChanges, commit, inProcess) : await loadEmbedded(scale, directory, recordChanges);
  const { graph, search } = loaded.ports;
  rows.push(loaded.row);
  const sample = async (label: 'Event' | 'Person') => spread((await graph.list(label, { first: 1_000_000 })).items, 200).map((i) => i.node.id);
  const events = await sample('Event');
  const queries = await searchQueries(graph, 100);
  if (skip.has('view')) rows.push(skipped('3-level view, embedded default', SKIPPED));
  else {
    step('3-level view');
    rows.push(await measureMemoryView(graph, search, events));
  }
  if (skip.has('search')) rows.push(skipped('search (index build, direct, via GraphQL)', SKIPPED));
  else {
    step('search');
    rows.push(...(await measureSearch(graph, search, queries)));
  }
  if (!MEILI_URL || skip.has('meili')) rows.push(meiliSkipped(MEILI_URL ? SKIPPED : MEILI_SKIPPED));
  else {
    step('Meilisearch beside the embedded engine');
    rows.push(...(await measureMeilisearch(graph, search, queries, meiliRounds)));
  }
  if (skip.has('extract')) rows.push(skipped('extraction (extractFacts) vs nodejieba.cut', SKIPPED));
  else {
    step('extraction');
    rows.push(await measureExtraction(5));
  }

  if (NEO4J_URI && !skip.has('neo4j')) {
    step('Neo4j load, adapter vs naive');
    rows.push(...(await measureNeo4jLoad(scale)));
    const driver = openDriver();
    try {
      step('Neo4j: replaying the embedded load');
      const store = await openEmptyStore(driver);
      let batches = 0;
      const replayed = await time(async () => (batches = await replay(store, loaded.changesFile!)));
      const nodes = Object.values((await store.stats()).nodes).reduce((a, b) => a + b, 0);
      await store.close();
      rows.push({ measurement: 'Neo4j: apply the whole corpus (recorded changes)', value: ms(replayed), baseline: '', ratio: '', target: '', note: `${batches} documents, ${nodes} nodes; ${ms(replayed / batches)} a document` });
      step('Neo4j MERGE with and without constraints');
      rows.push(await measureMerge(driver, nodes, Math.max(5, Math.min(20, 2 * scale))));
      step('Neo4j views: tupu, @neo4j/graphql, hand-written Cypher');
      rows.push(...(await measureNeo4jViews(driver, search, { Event: events, Person: await sample('Person') })));
    } finally {
      await driver.close();
    }
  } else {
    for (const m of ['load → Neo4j (ingestDocuments, batched)', 'MERGE with vs without constraints', 'views on Neo4j: tupu vs @neo4j/graphql vs one Cypher query']) {
      rows.push(skipped(m, NEO4J_URI ? SKIPPED : NEO4J_SKIPPED));
    }
  }

  return { events, queries, entities: loaded.entities };
}

try {
  const { events, queries, entities } = await inProcessSteps();
  step(`in-process stores released: RSS of this process ${mib(releaseMemory())}`);
  let seedsRss = NaN;
  if (skip.has('cold')) rows.push(skipped('cold start: npm start → first answered search', SKIPPED));
  else {
    step('cold start');
    const cold = await measureColdStart(3);
    rows.push(cold.row);
    seedsRss = cold.seedsRss;
  }
  if (skip.has('http')) rows.push(skipped('memory of tupu serve, HTTP load', SKIPPED));
  else {
    step('tupu serve holding the corpus, HTTP load');
    const served = await serve(directory);
    try {
      rows.push(await measureStartup(served, scale, entities));
      rows.push(...(await measureHttp(served, scale, events, queries, Math.min(20, Math.max(3, 2 * scale)), seedsRss)));
    } finally {
      await served.stop();
    }
  }
} finally {
  if (!values.data) await rm(directory, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, V8 heap limit ${HEAP_LIMIT_MIB} MiB`;
const wall = (Date.now() - started.getTime()) / 1000;
console.log(`tupu benchmark, scale S=${scale} — ${machine}; commit ${commit}; started ${started.toISOString()}, ${Math.floor(wall / 60)} min ${Math.round(wall % 60)} s`);
if (values.markdown) {
  console.log([markdownRow({ measurement: head[0]!, value: head[1]!, baseline: head[2]!, ratio: head[3]!, target: head[4]!, note: head[5] }), `| ${head.map(() => '---').join(' | ')} |`, ...rows.map(markdownRow)].join('\n'));
} else {
  const table = new Table({ head, wordWrap: true, colWidths: [34, 24, 18, 14, 16, 40], style: { head: [], border: [] } });
  table.push(...rows.map(cells));
  console.log(table.toString());
}
