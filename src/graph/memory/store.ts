import type { GraphChanges } from '../../model/index.js';
import type { EdgeRecord } from '../../model/index.js';
import type { EdgeQuery, GraphStore, Step } from '../port.js';
import type { Retraction } from '../retract.js';
import { MemoryGraph } from './graph.js';
import { viewNodes } from './view.js';
import { readResolutionContext } from '../resolution-context.js';
import { exclusiveRunner } from '../../storage/exclusive.js';
import { Journal, replayed, type JournalOptions } from '../../storage/journal.js';
import { inBatches } from '../../storage/snapshot.js';

export interface MemoryStoreOptions extends JournalOptions {
  /** Where the graph is kept between runs; null keeps it in this process only. */
  directory?: string | null;
  /** Journal size after which the graph is rewritten as one snapshot. */
  compactAfterBytes?: number;
}

const SNAPSHOT_BATCH = 1000;

/**
 * The embedded default graph store: the whole graph in this process, persisted through a journal so that
 * `tupu load`, `tupu search` and the server see the same graph. Each call first replays what other
 * processes appended since the last call, which costs one stat when nothing changed.
 */
export function createMemoryStore({ directory = null, compactAfterBytes = 16 << 20, ...journalOptions }: MemoryStoreOptions = {}): GraphStore {
  const journal = directory ? new Journal<GraphChanges | Retraction>(directory, 'graph', journalOptions) : null;
  const refresh = replayed(journal, () => new MemoryGraph(), (graph, batch: GraphChanges | Retraction) => graph.replay(batch));
  const exclusive = exclusiveRunner(journal ? (task) => journal.locked(task) : undefined);

  async function write(changes: GraphChanges): Promise<void> {
    const current = await refresh();
    current.validate(changes);
    if (journal) await journal.append(changes);
    current.apply(changes);
    if (journal && journal.needsCompaction(compactAfterBytes)) await journal.compact(current.snapshot(SNAPSHOT_BATCH));
  }

  async function retract(documentId: string): Promise<Retraction | null> {
    const current = await refresh();
    const plan = current.retraction(documentId);
    if (!plan) return null;
    if (journal) await journal.append(plan);
    current.retract(plan);
    return plan;
  }

  return {
    kind: directory ? `memory (${directory})` : 'memory',
    apply: (changes) => exclusive(() => write(changes)),
    retract: (documentId) => exclusive(() => retract(documentId)),
    exclusive,
    nodes: async (ids) => {
      const g = await refresh();
      return ids.map((id) => g.node(id));
    },
    edges: async (queries) => {
      const g = await refresh();
      return queries.map((q) => g.edges(q));
    },
    traverse: async (queries) => traverse(await refresh(), queries),
    view: async (ids, selection, variables) => viewNodes(await refresh(), ids, selection, variables),
    findByName: async (label, name) => (await refresh()).findByName(label, name),
    // One definition of what resolution reads, walked over the graph as it is now (one journal check).
    resolutionContext: async (query) => {
      const g = await refresh();
      return readResolutionContext({ findByName: async (label, name) => g.findByName(label, name), traverse: async (queries) => traverse(g, queries) }, query);
    },
    list: async (label, options) => (await refresh()).list(label, options),
    path: async (from, to, maxHops, types) => (await refresh()).path(from, to, maxHops, types),
    neighborhood: async (id, hops, limit, types) => (await refresh()).neighborhood(id, hops, limit, types),
    async *scan(labels, batchSize) {
      yield* inBatches((await refresh()).scan(labels), batchSize);
    },
    stats: async () => (await refresh()).stats(),
    ping: async () => {
      await refresh();
    },
    close: async () => {},
  };
}

function traverse(g: MemoryGraph, queries: readonly EdgeQuery[]): Step[][] {
  const far = (q: EdgeQuery, e: EdgeRecord) => g.node(q.direction === 'out' ? e.to : e.from)!;
  return queries.map((q) => g.edges(q).map((edge) => ({ edge, node: far(q, edge) })));
}
