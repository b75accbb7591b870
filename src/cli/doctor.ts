import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { createMemoryStore } from '../graph/memory/store.js';
import { GraphStoreError } from '../graph/errors.js';
import type { GraphStore } from '../graph/port.js';
import { reindex } from '../ingest/index-sync.js';
import type { GraphChanges } from '../model/index.js';
import { createEmbeddedIndex } from '../search/embedded/index.js';
import { StorageError } from '../storage/errors.js';
import { nodeFiles } from '../storage/files.js';
import { readLegacyStore } from '../storage/legacy.js';
import { scanFile, type FileScan } from '../storage/salvage.js';

/** The embedded store's files under TUPU_DATA, graph first. */
const STORE_FILES = ['graph/graph.snapshot', 'graph/graph.journal', 'search/search.snapshot', 'search/search.journal'];

type Marked = { tupu?: string; generation?: number };

/**
 * `tupu doctor [--salvage DIR]`: checks every record of every store file and prints one JSON line per file;
 * exit 1 when any is damaged. With --salvage, copies every valid graph record into a new data directory
 * and rebuilds its search index from that graph (the index is derived data); the damaged directory is
 * never changed, so nothing is repaired in place and nothing needs a backup. A store in the earlier line
 * format (storage/legacy.ts) is salvaged the same way.
 */
export async function doctorCommand(config: Config, options: { salvage?: string }): Promise<number> {
  const data = resolve(config.TUPU_DATA);
  const scans = await Promise.all(STORE_FILES.map((file) => scanFile(nodeFiles, join(data, file))));
  for (const scan of scans) console.log(JSON.stringify(describe(scan)));
  const damaged = scans.filter((s) => s.damage.length);
  if (!options.salvage) {
    if (!damaged.length) return 0;
    process.stderr.write(`tupu: ${damaged.length} store file(s) damaged; \`tupu doctor --salvage NEW_DIR\` copies every valid record into a new data directory\n`);
    return 1;
  }
  const target = resolve(options.salvage);
  const legacy = await readLegacyStore<GraphChanges>(nodeFiles, join(data, 'graph'), 'graph');
  const summary = await salvageGraph([...legacy.batches, ...graphBatches(scans[0]!, scans[1]!)], target);
  console.log(JSON.stringify(summary));
  process.stderr.write(`tupu: salvaged into ${target}; look at it with TUPU_DATA=${target} tupu stats, then point TUPU_DATA there (${data} is left as it was)\n`);
  return 0;
}

function describe({ file, exists, records, damage, tornAt }: FileScan) {
  const status = !exists ? 'absent' : damage.length ? 'damaged' : tornAt !== null ? 'torn last record (dropped at the next write)' : 'ok';
  return { file, status, records: records.length, damage, tornAt };
}

/** The graph's batches in the order they were written: the snapshot's, then the journal's if not older. */
function graphBatches(snapshot: FileScan, journal: FileScan): GraphChanges[] {
  const generation = (scan: FileScan) => (scan.records[0]?.value as Marked | undefined)?.generation;
  const batches = (scan: FileScan) => scan.records.map((r) => r.value as GraphChanges & Marked).filter((v) => v && !v.tupu);
  const journalIsOlder = (generation(journal) ?? Infinity) < (generation(snapshot) ?? 0);
  return [...batches(snapshot), ...(journalIsOlder ? [] : batches(journal))];
}

async function salvageGraph(batchesToCopy: GraphChanges[], target: string) {
  const existing = await nodeFiles.list(target);
  if (existing.length) throw new StorageError(`${target} is not empty: --salvage writes only into a new, empty directory`);
  const graph = createMemoryStore({ directory: join(target, 'graph') });
  let batches = 0;
  let edgesDropped = 0;
  for (const batch of batchesToCopy) {
    edgesDropped += await applySalvaged(graph, batch);
    batches++;
  }
  const search = createEmbeddedIndex({ directory: join(target, 'search') });
  const indexed = await reindex({ graph, search });
  return { target, batches, edgesDropped, indexed, stats: await graph.stats() };
}

/** Applies a batch; if an edge's end was lost with a damaged record, applies the rest without such edges. */
async function applySalvaged(graph: GraphStore, batch: GraphChanges): Promise<number> {
  try {
    await graph.apply(batch);
    return 0;
  } catch (error) {
    if (!(error instanceof GraphStoreError)) throw error;
  }
  const ids = new Set(batch.nodes.map((n) => n.id));
  const ends = [...new Set(batch.edges.flatMap((e) => [e.from, e.to]))].filter((id) => !ids.has(id));
  const found = await graph.nodes(ends);
  ends.forEach((id, i) => found[i] && ids.add(id));
  const edges = batch.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  await graph.apply({ nodes: batch.nodes, edges });
  return batch.edges.length - edges.length;
}
