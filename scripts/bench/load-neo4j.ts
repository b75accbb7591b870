import type { Driver } from 'neo4j-driver';
import type { GraphStore } from '../../src/graph/port.js';
import { ingestDocuments } from '../../src/ingest/load.js';
import { validateFacts, type FactsDocument } from '../../src/ingest/read.js';
import { resolveFacts } from '../../src/ingest/resolve.js';
import type { GraphChanges } from '../../src/model/index.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { corpus, entityCount } from './corpus.js';
import { rate, ratio, time, type Row } from './measure.js';
import { fingerprint, naiveWrite, openDriver, openEmptyStore, wipe } from './neo4j.js';

/** Documents loaded into Neo4j each way: the naive loader is slow, so a sample that grows with the scale. */
export const neo4jSample = (scale: number) => Math.min(Math.round(100 * scale), Math.round(10 * Math.sqrt(scale)));

/** Documents written each way, untimed, before the measured loads: a Neo4j just started plans and compiles. */
export const WARMUP_DOCUMENTS = 5;
/** Timed runs of the batched ingest; the median is reported, every run in the note. */
const BATCHED_RUNS = 3;

/** Times every `apply` the store is asked for (the write path alone). */
function timingApply(graph: GraphStore, applies: number[]): GraphStore {
  return new Proxy(graph, {
    get(target, key, receiver) {
      if (key !== 'apply') return Reflect.get(target, key, receiver);
      return async (changes: GraphChanges) => {
        applies.push(await time(() => target.apply(changes)));
      };
    },
  });
}

type Fingerprint = Awaited<ReturnType<typeof fingerprint>>;

/** Fails the run unless two loads wrote the same graph: no figure is reported for different work. */
function requireSame(what: string, expected: Fingerprint, found: Fingerprint): void {
  if (found.hash === expected.hash) return;
  const other = new Set(found.rows);
  const differing = expected.rows.filter((r) => !other.has(r));
  throw new Error(
    `${what} wrote a different graph (${found.nodes} nodes, ${found.relationships} relationships vs ${expected.nodes}, ${expected.relationships}); first difference: ${differing[0]}`,
  );
}

/**
 * The reference: each document resolved against Neo4j itself and applied on its own, as ingest worked
 * before batching. Returns each document's changes (what the naive loader writes) and the statements sent.
 */
async function oneByOne(driver: Driver, documents: readonly FactsDocument[]): Promise<{ changes: GraphChanges[]; statements: number }> {
  let statements = 0;
  const store = await openEmptyStore(driver, () => statements++);
  statements = 0; // the schema statements of opening the store are not the ingest's
  const changes: GraphChanges[] = [];
  try {
    for (const { facts, text } of documents) {
      const resolved = await resolveFacts(store, facts, text);
      await store.apply(resolved.changes);
      changes.push(resolved.changes);
    }
  } finally {
    await store.close();
  }
  return { changes, statements };
}

/** The adapter's ingest (`tupu load`): batches of validated documents, search documents included. */
async function batched(driver: Driver, documents: readonly FactsDocument[]) {
  let statements = 0;
  const applies: number[] = [];
  const graph = await openEmptyStore(driver, () => statements++);
  statements = 0;
  try {
    const ms = await time(() => ingestDocuments(documents, { graph: timingApply(graph, applies), search: createEmbeddedIndex() }));
    return { ms, applyMs: applies.reduce((a, b) => a + b, 0), batches: applies.length, statements };
  } finally {
    await graph.close();
  }
}

async function naive(driver: Driver, changes: readonly GraphChanges[]): Promise<{ ms: number; statements: number }> {
  await wipe(driver);
  const written = new Set<string>();
  let statements = 0;
  const ms = await time(async () => {
    for (const c of changes) statements += await naiveWrite(driver, c, written);
  });
  return { ms, statements };
}

/**
 * The first documents of the corpus into an empty Neo4j three times: one by one, resolving against Neo4j
 * (the reference graph, and the changes of each document); through the adapter's batched ingest (timed:
 * one read of what resolution consults, resolution in memory, one write transaction, search documents);
 * and, into an emptied database again, each document's changes written by the naive loader, one statement
 * per record (timed). The three graphs must be equal before any figure is reported. A rate is the sample's
 * declared entities over the time to load all of it: the same numerator both ways, whatever a batch holds.
 */
export async function measureNeo4jLoad(scale: number): Promise<Row[]> {
  const driver = openDriver();
  const documents = [...take(corpus(scale), neo4jSample(scale) + WARMUP_DOCUMENTS)].map((facts, i) => validateFacts(`bench-${i}`, facts, null));
  const [warmup, sample] = [documents.slice(0, WARMUP_DOCUMENTS), documents.slice(WARMUP_DOCUMENTS)];
  const entities = sample.reduce((n, d) => n + entityCount(d.facts), 0);
  try {
    await batched(driver, warmup);
    await naive(driver, (await oneByOne(driver, warmup)).changes);

    const reference = await oneByOne(driver, sample);
    const expected = await fingerprint(driver);
    // The batched ingest takes about a second at S=10, so one run is at the mercy of a busy core or Neo4j
    // planning a statement for the first time: it runs BATCHED_RUNS times, each into an emptied database
    // and checked, and the median run is the figure (the naive loader's one run lasts a minute).
    const runs: Awaited<ReturnType<typeof batched>>[] = [];
    for (let i = 0; i < BATCHED_RUNS; i++) {
      runs.push(await batched(driver, sample));
      requireSame('batched ingest', expected, await fingerprint(driver));
    }
    const adapter = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(BATCHED_RUNS / 2)]!;
    const baseline = await naive(driver, reference.changes);
    requireSame('the naive loader', expected, await fingerprint(driver));

    const perSecond = (ms: number) => entities / (ms / 1000);
    const [ingestRate, applyRate, naiveRate] = [perSecond(adapter.ms), perSecond(adapter.applyMs), perSecond(baseline.ms)];
    const perDocument = (statements: number) => (statements / sample.length).toFixed(2);
    const records = reference.changes.reduce((s, c) => s + c.nodes.length + c.edges.length, 0);
    const note = `${sample.length} documents (${entities} entities) in ${adapter.batches} batch(es), after ${WARMUP_DOCUMENTS} untimed each way; batched runs ${runs.map((r) => `${Math.round(r.ms)} ms`).join(', ')} (median reported), naive ${Math.round(baseline.ms)} ms; statements per document: ${perDocument(adapter.statements)} batched vs ${perDocument(reference.statements)} resolving one by one against Neo4j; naive loader: ${baseline.statements} statements for ${records} node/edge records; same graph all three ways (${expected.nodes} nodes, ${expected.relationships} relationships, hash ${expected.hash})`;
    return [
      { measurement: 'load → Neo4j (ingestDocuments, batched)', value: rate(ingestRate, 'entities'), baseline: rate(naiveRate, 'entities'), ...ratio(ingestRate, naiveRate, 20, true), note: `${note}; includes resolution reads, the writer lock and search indexing` },
      { measurement: 'load → Neo4j, write path only (apply)', value: rate(applyRate, 'entities'), baseline: rate(naiveRate, 'entities'), ...ratio(applyRate, naiveRate, 20, true), note: 'the same documents: one transaction per batch vs one auto-commit statement per node/edge of each document' },
    ];
  } finally {
    await driver.close();
  }
}

function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let n = 0;
  for (const item of items) {
    yield item;
    if (++n === count) return;
  }
}
