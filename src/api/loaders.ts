import DataLoader from 'dataloader';
import type { EdgeQuery, GraphStore } from '../graph/port.js';
import type { EdgeRecord, NodeRecord, RelType, ParticipationKind } from '../model/index.js';

/**
 * Per-request loaders: every node and every hop asked for in one tick of one request goes to the store as
 * one batched call, so a request costs a number of store calls bounded by its depth, not by its rows.
 */
export function createLoaders(graph: GraphStore) {
  const nodes = new DataLoader<string, NodeRecord | null>((ids) => graph.nodes(ids));
  const edges = new DataLoader<EdgeQuery, EdgeRecord[], string>((queries) => graph.edges(queries), {
    cacheKeyFn: (q) => `${q.node}|${q.type}|${q.direction}|${q.kind ?? ''}`,
  });

  async function node(id: string): Promise<NodeRecord | null> {
    return nodes.load(id);
  }

  async function hop(node: string, type: RelType, direction: 'out' | 'in', kind?: ParticipationKind | null) {
    return edges.load({ node, type, direction, kind: kind ?? null });
  }

  /** The nodes at the other end of one kind of edge. */
  async function related(node: string, type: RelType, direction: 'out' | 'in'): Promise<NodeRecord[]> {
    const found = await hop(node, type, direction);
    const others = await nodes.loadMany(found.map((e) => (direction === 'out' ? e.to : e.from)));
    return others.filter((n): n is NodeRecord => !!n && !(n instanceof Error));
  }

  async function one(node: string, type: RelType, direction: 'out' | 'in'): Promise<NodeRecord | null> {
    return (await related(node, type, direction))[0] ?? null;
  }

  async function many(ids: readonly string[]): Promise<NodeRecord[]> {
    const found = await nodes.loadMany(ids);
    return found.filter((n): n is NodeRecord => !!n && !(n instanceof Error));
  }

  return { node, hop, related, one, many };
}

export type Loaders = ReturnType<typeof createLoaders>;
