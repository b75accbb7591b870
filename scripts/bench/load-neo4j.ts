import type { GraphStore } from '../../src/graph/port.js';
import type { GraphChanges } from '../../src/model/index.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { corpus } from './corpus.js';
import { ingest } from './load.js';
import { median, rate, ratio, time, type Row } from './measure.js';
import type { Driver } from 'neo4j-driver';
import { fingerprint, naiveWrite, openDriver, openEmptyStore, wipe } from './neo4j.js';

/** Documents loaded into Neo4j each way: the naive loader is slow, so a sample that grows with the scale. */
export const neo4jSample = (scale: number) => Math.min(Math.round(100 * scale), Math.round(10 * Math.sqrt(scale)));

/** Times `apply` separately and keeps the changes it wrote, so the naive loader can write the very same. */
function timingApply(graph: GraphStore, log: { changes: GraphChanges; ms: number }[]): GraphStore {
  return new Proxy(graph, {
    get(target, key, receiver) {
      if (key !== 'apply') return Reflect.get(target, key, receiver);
      return async (changes: GraphChanges) => {
        log.push({ changes, ms: await time(() => target.apply(changes)) });
      };
    },
  });
}

/**
 * The first documents of the corpus into an empty Neo4j twice: through the adapter (`ingestDocument`:
 * resolution reads, one transaction of batched UNWIND statements, search documents) and then, into an
 * emptied database again, the same change batches written by the naive loader, one statement each. The
 * two databases are compared (every node and relationship with its properties) before any figure is
 * reported.
 */
/** Documents written each way, untimed, before the measured loads: a Neo4j just started plans and compiles. */
export const WARMUP_DOCUMENTS = 5;

/** The first documents through the adapter and then through the naive loader, untimed; the database is emptied after. */
async function warmUp(driver: Driver, scale: number): Promise<void> {
  const graph = await openEmptyStore(driver);
  const log: { changes: GraphChanges; ms: number }[] = [];
  const ports = { graph: timingApply(graph, log), search: createEmbeddedIndex() };
  let n = 0;
  for (const facts of corpus(scale)) {
    if (n++ === WARMUP_DOCUMENTS) break;
    await ingest(facts, ports);
  }
  await graph.close();
  await wipe(driver);
  const written = new Set<string>();
  for (const { changes } of log) await naiveWrite(driver, changes, written);
  await wipe(driver);
}

export async function measureNeo4jLoad(scale: number): Promise<Row[]> {
  const driver = openDriver();
  const documents = neo4jSample(scale);
  try {
    await warmUp(driver, scale);
    const graph = await openEmptyStore(driver);
    const log: { changes: GraphChanges; ms: number }[] = [];
    const ports = { graph: timingApply(graph, log), search: createEmbeddedIndex() };
    const adapter: { entities: number; ms: number }[] = [];
    let n = 0;
    for (const facts of corpus(scale)) {
      if (n++ === documents) break;
      let entities = 0;
      const ms = await time(async () => (entities = await ingest(facts, ports)));
      adapter.push({ entities, ms });
    }
    await graph.close();
    if (log.length !== adapter.length) throw new Error(`${adapter.length} documents but ${log.length} apply calls: rates would be misaligned`);
    const adapterGraph = await fingerprint(driver);

    await wipe(driver);
    const naive: number[] = [];
    const written = new Set<string>();
    let naiveStatements = 0;
    for (const { changes } of log) naive.push(await time(async () => (naiveStatements += await naiveWrite(driver, changes, written))));
    const naiveWritten = await fingerprint(driver);
    if (naiveWritten.hash !== adapterGraph.hash) {
      const other = new Set(naiveWritten.rows);
      const differing = adapterGraph.rows.filter((r) => !other.has(r));
      throw new Error(
        `the naive loader wrote a different graph (${naiveWritten.nodes} nodes, ${naiveWritten.relationships} relationships vs ${adapterGraph.nodes}, ${adapterGraph.relationships}); first difference: ${differing[0]}`,
      );
    }

    const perSecond = (i: number, ms: number) => adapter[i]!.entities / (ms / 1000);
    const rates = (times: number[]) => median(times.map((ms, i) => perSecond(i, ms)));
    const ingestRate = rates(adapter.map((a) => a.ms));
    const applyRate = rates(log.map((l) => l.ms));
    const naiveRate = rates(naive);
    const records = log.reduce((s, l) => s + l.changes.nodes.length + l.changes.edges.length, 0);
    const note = `${documents} documents, after ${WARMUP_DOCUMENTS} untimed each way; naive loader: ${naiveStatements} statements for ${records} node/edge records (a read before re-writing one already written); same graph written both ways (${adapterGraph.nodes} nodes, ${adapterGraph.relationships} relationships, hash ${adapterGraph.hash})`;
    return [
      { measurement: 'load → Neo4j (ingestDocument, batched)', value: rate(ingestRate, 'entities'), baseline: rate(naiveRate, 'entities'), ...ratio(ingestRate, naiveRate, 20, true), note: `${note}; includes resolution reads and search indexing` },
      { measurement: 'load → Neo4j, write path only (apply)', value: rate(applyRate, 'entities'), baseline: rate(naiveRate, 'entities'), ...ratio(applyRate, naiveRate, 20, true), note: 'the same change batches, one transaction each vs one auto-commit statement per node/edge' },
    ];
  } finally {
    await driver.close();
  }
}
