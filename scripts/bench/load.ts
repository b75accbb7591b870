import { appendFileSync, existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { ingestDocument, type Ports } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import type { FactsInput } from '../../src/model/facts.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { corpus, entityCount } from './corpus.js';
import { median, rate, type Row } from './measure.js';

/** Validates and ingests one document, as `tupu load` does; returns the entities it declared. */
export async function ingest(facts: FactsInput, ports: Ports): Promise<number> {
  await ingestDocument(validateFacts('bench', facts, null), ports);
  return entityCount(facts);
}

/** A graph store that also appends every change batch it applies to a file, for replaying into Neo4j. */
function recording(graph: GraphStore, file: string): GraphStore {
  return new Proxy(graph, {
    get(target, key, receiver) {
      if (key !== 'apply') return Reflect.get(target, key, receiver);
      return async (changes: Parameters<GraphStore['apply']>[0]) => {
        await target.apply(changes);
        appendFileSync(file, JSON.stringify(changes) + '\n');
      };
    },
  });
}

export interface Loaded {
  ports: Ports;
  /** The data directory, in the layout `tupu serve` reads (TUPU_DATA). */
  directory: string;
  /** Change batches in load order (one JSON line each), when asked for. */
  changesFile: string | null;
  entities: number;
  seconds: number;
  row: Row;
}

/**
 * Loads the whole corpus into the embedded default, journaled in `directory` exactly as `tupu load` does,
 * timing it in ten slices: the median slice rate is the figure, because the rate falls as the graph and
 * the index grow, and the spread between slices shows by how much.
 */
export async function loadEmbedded(scale: number, directory: string, recordChanges: boolean): Promise<Loaded> {
  const changesFile = recordChanges ? join(directory, 'changes.jsonl') : null;
  const graph = createMemoryStore({ directory: join(directory, 'graph') });
  const ports: Ports = { graph: changesFile ? recording(graph, changesFile) : graph, search: createEmbeddedIndex({ directory: join(directory, 'search') }) };
  const documents = Math.round(100 * scale);
  const slice = Math.max(1, Math.ceil(documents / 10));
  const rates: number[] = [];
  let entities = 0;
  let sliceEntities = 0;
  let done = 0;
  const start = performance.now();
  let sliceStart = start;
  for (const facts of corpus(scale)) {
    sliceEntities += await ingest(facts, ports);
    if (++done % slice === 0 || done === documents) {
      const now = performance.now();
      rates.push(sliceEntities / ((now - sliceStart) / 1000));
      entities += sliceEntities;
      sliceEntities = 0;
      sliceStart = now;
      process.stderr.write(`  loaded ${done}/${documents} documents\r`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const spread = `slices ${rate(Math.min(...rates), '')}–${rate(Math.max(...rates), 'entities')}`;
  return {
    ports: { graph, search: ports.search },
    directory,
    changesFile,
    entities,
    seconds,
    row: { measurement: 'load → embedded default (ingestDocument, journaled)', value: rate(median(rates), 'entities'), baseline: '', ratio: '', target: '', note: `${entities} entities in ${seconds.toFixed(1)} s; ${spread}` },
  };
}

/** What a kept data directory holds: the corpus of this scale, loaded by the run that wrote it. */
interface KeptCorpus {
  scale: number;
  entities: number;
  seconds: number;
  commit: string;
  changesFile: boolean;
}

const KEPT = 'bench-corpus.json';

/**
 * `--data DIR`: the corpus loaded once and kept. A directory that already holds this scale's corpus is
 * opened as `tupu serve` opens it (journal replay, index rebuild), not loaded again, so a run can measure
 * the server at S=100 or S=300 without paying the load each time; otherwise it is loaded into the directory
 * and marked. The load row then says which run loaded it.
 */
export async function loadKept(scale: number, directory: string, recordChanges: boolean, commit: string, openSearch = true): Promise<Loaded> {
  const marker = join(directory, KEPT);
  const kept = existsSync(marker) ? (JSON.parse(await readFile(marker, 'utf8')) as KeptCorpus) : null;
  if (kept && kept.scale !== scale) throw new Error(`${directory} holds the corpus of S=${kept.scale}, not S=${scale}: name another --data directory`);
  if (kept && recordChanges && !kept.changesFile) throw new Error(`${directory} was loaded without Neo4j's change batches: load it again with NEO4J_URI set, or --skip neo4j`);
  if (!kept) {
    const present = existsSync(directory) ? await readdir(directory) : [];
    if (present.length) throw new Error(`${directory} holds no finished corpus (${present.join(', ')}): a load was cut short; remove it first`);
    const loaded = await loadEmbedded(scale, directory, recordChanges);
    const mark: KeptCorpus = { scale, entities: loaded.entities, seconds: loaded.seconds, commit, changesFile: recordChanges };
    await writeFile(marker, JSON.stringify(mark));
    return loaded;
  }
  const start = performance.now();
  const graph = createMemoryStore({ directory: join(directory, 'graph') });
  const search = createEmbeddedIndex({ directory: join(directory, 'search') });
  await graph.ping();
  if (openSearch) await search.ping();
  const opened = (performance.now() - start) / 1000;
  return {
    ports: { graph, search },
    directory,
    changesFile: kept.changesFile ? join(directory, 'changes.jsonl') : null,
    entities: kept.entities,
    seconds: kept.seconds,
    row: {
      measurement: 'load → embedded default (ingestDocument, journaled)',
      value: 'kept corpus',
      baseline: '',
      ratio: '',
      target: '',
      note: `${kept.entities} entities loaded in ${kept.seconds.toFixed(1)} s by a run at ${kept.commit}; opened here in ${opened.toFixed(1)} s${openSearch ? '' : ' (the graph only)'}`,
    },
  };
}
