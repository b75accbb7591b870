import DataLoader from 'dataloader';
import type { EdgeQuery, GraphStore, Step } from '../graph/port.js';
import type { EdgeRecord, NodeRecord, RelType, ParticipationKind } from '../model/index.js';

/**
 * Per-request loaders: every node and every hop asked for in one tick of one request goes to the store as
 * one batched call, so a request costs a number of store calls bounded by its depth, not by its rows.
 */
export function createLoaders(graph: GraphStore) {
  const nodes = new DataLoader<string, NodeRecord | null>((ids) => graph.nodes(ids));
  // Each step brings the node at its far end: it goes into the node loader, so resolving it costs nothing.
  const steps = new DataLoader<EdgeQuery, Step[], string>(
    async (queries) => {
      const answers = await graph.traverse(queries);
      for (const step of answers.flat()) nodes.prime(step.node.id, step.node);
      return answers;
    },
    { cacheKeyFn: (q) => `${q.node}|${q.type}|${q.direction}|${q.kind ?? ''}` },
  );

  async function node(id: string): Promise<NodeRecord | null> {
    return nodes.load(id);
  }

  async function hop(node: string, type: RelType, direction: 'out' | 'in', kind?: ParticipationKind | null): Promise<EdgeRecord[]> {
    return (await steps.load({ node, type, direction, kind: kind ?? null })).map((s) => s.edge);
  }

  /** The nodes at the other end of one kind of edge. */
  async function related(node: string, type: RelType, direction: 'out' | 'in'): Promise<NodeRecord[]> {
    return (await steps.load({ node, type, direction, kind: null })).map((s) => s.node);
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
