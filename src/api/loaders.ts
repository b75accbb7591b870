import DataLoader from 'dataloader';
import type { EdgeQuery, GraphStore, Step } from '../graph/port.js';
import type { EdgeRecord, NodeRecord, RelType, ParticipationKind } from '../model/index.js';

/** A request read more records than its budget: a query too broad to answer (lists nested in lists). */
export class QueryTooLargeError extends Error {
  constructor(readonly budget: number) {
    super(`The query reads more than ${budget} records; ask for fewer levels or smaller pages.`);
    this.name = 'QueryTooLargeError';
  }
}

/**
 * Per-request loaders: every node and every hop asked for in one tick of one request goes to the store as
 * one batched call, so a request costs a number of store calls bounded by its depth, not by its rows.
 * Unpaged lists nested in each other multiply (organization → roles → person → roles → …) within the
 * depth limit, so every record read counts against `budget` and the request fails once it is spent.
 */
export function createLoaders(graph: GraphStore, budget = Infinity) {
  let spent = 0;
  const spend = (records: number) => {
    spent += records;
    if (spent > budget) throw new QueryTooLargeError(budget);
  };
  const nodes = new DataLoader<string, NodeRecord | null>(async (ids) => {
    spend(ids.length);
    return graph.nodes(ids);
  });
  // Each step brings the node at its far end: it goes into the node loader, so resolving it costs nothing.
  const steps = new DataLoader<EdgeQuery, Step[], string>(
    async (queries) => {
      spend(queries.length);
      const answers = await graph.traverse(queries);
      const found = answers.flat();
      spend(2 * found.length); // an edge and the node at its end
      for (const step of found) nodes.prime(step.node.id, step.node);
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
