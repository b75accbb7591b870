import type { EdgeRecord, NodeLabel, NodeRecord, ParticipationKind, RelType } from '../model/index.js';

/**
 * A view: what one GraphQL root field reads, as a store-neutral tree. Each node of the tree names the
 * stored properties to read and the hops to follow from there; the memory store answers it with its own
 * walk, the Neo4j store with one statement. Built once per query document (src/api/selection.ts), so
 * arguments are references resolved against each request's variables, never values baked in.
 */

/** Stored node properties a selection may read; `id` and the label are always read. */
export const NODE_PROPERTIES = [
  'name', 'aliases', 'sources', 'evidence', 'title', 'startDate', 'endDate', 'signedOn', 'publishedAt', 'url', 'section', 'text', 'figures',
] as const;
export type NodeProperty = (typeof NODE_PROPERTIES)[number];

/** Stored relationship properties a selection may read. */
export const EDGE_PROPERTIES = ['kind', 'sources', 'evidence'] as const;
export type EdgeProperty = (typeof EDGE_PROPERTIES)[number];

/** An argument as the query document spells it: a literal, or a variable of the request. */
export type ArgumentRef = { value: unknown } | { variable: string };

export interface NodeSelection {
  /** The one label the nodes here can have, when the schema says so (a role's organization). */
  label?: NodeLabel;
  properties: NodeProperty[];
  hops: HopSelection[];
}

export interface HopSelection {
  type: RelType;
  direction: 'out' | 'in';
  /** Participation kind to keep; absent when the field has no such argument. */
  kind?: ArgumentRef;
  edge: EdgeProperty[];
  node: NodeSelection;
}

/** A node as a view returns it: id, label, the selected properties, and the hops followed, by hopKey. */
export type ViewNode = Pick<NodeRecord, 'id' | 'label'> & Partial<NodeRecord> & { [HOPS]?: Map<string, ViewStep[]> };
/** An edge as a view returns it: its ends and type always, the selected properties. */
export type ViewEdge = Pick<EdgeRecord, 'type' | 'from' | 'to'> & Partial<EdgeRecord>;
export interface ViewStep {
  edge: ViewEdge;
  node: ViewNode;
}

/** Where a viewed node keeps its followed hops: a symbol, so no GraphQL field can collide with it. */
export const HOPS = Symbol('hops');

export const argumentValue = (ref: ArgumentRef | undefined, variables: Record<string, unknown>): unknown =>
  ref === undefined ? undefined : 'value' in ref ? ref.value : variables[ref.variable];

/** The kind a hop keeps in this request: null when it keeps every kind. */
export const hopKind = (hop: HopSelection, variables: Record<string, unknown>) =>
  (argumentValue(hop.kind, variables) ?? null) as ParticipationKind | null;

/** One key per (type, direction, kind): how a resolver finds the hop it stands for among those viewed. */
export const hopKey = (type: RelType, direction: 'out' | 'in', kind: ParticipationKind | null | undefined) =>
  `${type}|${direction}|${kind ?? ''}`;

/**
 * The hops of one viewed node by key. Two hops of a tree can meet on one key in a request (the same field
 * without `kind` and with a `$kind` that is null), each read for its own selection: such a key is left
 * out, and the resolvers read it through the loaders instead of from the wrong selection.
 */
export function keyedHops(entries: readonly [string, ViewStep[]][]): Map<string, ViewStep[]> {
  const hops = new Map<string, ViewStep[]>();
  const clashing = new Set<string>();
  for (const [key, steps] of entries) (hops.has(key) ? clashing.add(key) : hops.set(key, steps));
  for (const key of clashing) hops.delete(key);
  return hops;
}

/** The steps a view already read for this hop of this node; undefined when the view did not follow it. */
export const viewedSteps = (node: object, key: string): ViewStep[] | undefined => (node as ViewNode)[HOPS]?.get(key);

/** Nodes and edges a view returned: what it costs against a request's record budget. */
export function countRecords(nodes: readonly (ViewNode | null)[]): number {
  let count = 0;
  for (const node of nodes) {
    if (!node) continue;
    count++;
    for (const steps of node[HOPS]?.values() ?? []) count += steps.length + countRecords(steps.map((s) => s.node));
  }
  return count;
}
