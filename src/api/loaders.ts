import DataLoader from 'dataloader';
import type { EdgeQuery, GraphStore, Step } from '../graph/port.js';
import { countRecords, type NodeSelection, type ViewNode } from '../graph/view.js';
import type { NodeRecord, RelType, ParticipationKind } from '../model/index.js';

/** A request read more records than its budget: a query too broad to answer (lists nested in lists). */
export class QueryTooLargeError extends Error {
  constructor(readonly budget: number) {
    super(`The query reads more than ${budget} records; ask for fewer levels or smaller pages.`);
    this.name = 'QueryTooLargeError';
  }
}

/**
 * Per-request loaders. A root field reads its whole selection as one view (one store call); what a view
 * did not read (fields the planner does not know) falls back on batching: every node and every hop asked
 * for in one tick of one request goes to the store as one call, bounded by the depth, not by the rows.
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

  /** The edges of one kind from a node, each with the node at its far end. */
  function hop(node: string, type: RelType, direction: 'out' | 'in', kind: ParticipationKind | null): Promise<Step[]> {
    return steps.load({ node, type, direction, kind });
  }

  /** Root nodes read with everything `selection` follows below them, in one store call. */
  async function view(ids: readonly string[], selection: NodeSelection, variables: Record<string, unknown>): Promise<(ViewNode | null)[]> {
    spend(ids.length);
    const found = await graph.view(ids, selection, variables);
    spend(countRecords(found));
    return found;
  }

  async function many(ids: readonly string[]): Promise<NodeRecord[]> {
    const found = await nodes.loadMany(ids);
    return found.filter((n): n is NodeRecord => !!n && !(n instanceof Error));
  }

  return { node, hop, view, many };
}

export type Loaders = ReturnType<typeof createLoaders>;
