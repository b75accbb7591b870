import type {
  EdgeRecord,
  EntityLabel,
  GraphChanges,
  NodeLabel,
  NodeRecord,
  ParticipationKind,
  RelType,
} from '../model/index.js';
import type { Retraction } from './retract.js';
import type { NodeSelection, ViewNode } from './view.js';

/** One hop to follow from a node: its edges of one type in one direction (and one participation kind). */
export interface EdgeQuery {
  node: string;
  type: RelType;
  direction: 'out' | 'in';
  kind?: ParticipationKind | null;
}

/** One edge followed, and the node at its far end. */
export interface Step {
  edge: EdgeRecord;
  node: NodeRecord;
}

export interface ListOptions {
  first: number;
  /** An opaque cursor returned by an earlier page of the same listing. */
  after?: string | null;
  /** Events only: keep those whose [startDate, endDate] overlaps [from, to]. */
  from?: string | null;
  to?: string | null;
}

export interface Page<T> {
  items: { cursor: string; node: T }[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface Subgraph {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

/**
 * What resolving some documents against the graph consults, asked for all at once: the entities of these
 * labels and names (or aliases), and around them what resolution reads — see src/graph/resolution-context.ts.
 */
export interface ResolutionQuery {
  names: { label: EntityLabel; name: string }[];
  /** Position titles: an organization's roles of one of these titles are read with their holders. */
  titles: string[];
}

export interface GraphStats {
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelType, number>;
}

/**
 * The graph store port. Every method is batched over its inputs so that a GraphQL request costs a number of
 * calls bounded by its depth, not by its rows. Adapters: `memory/` (embedded default) and `neo4j/`; both
 * pass the contract suite in test/graph/store.contract.ts.
 */
export interface GraphStore {
  readonly kind: string;
  /** Merges one document's nodes and edges, atomically: all of it is stored or none. Idempotent. */
  apply(changes: GraphChanges): Promise<void>;
  /**
   * Takes a document's support out of the graph, atomically: its evidence and its id in `sources` leave
   * every record, and a record no other document supports is removed, with the edges touching a removed
   * node. Returns what changed, or null when no document has that id.
   */
  retract(documentId: string): Promise<Retraction | null>;
  /**
   * Runs `task` as the only writer: no other writer, in this process or another, applies changes until it
   * ends, and reads inside it see every write before it. Resolving a document and writing it inside one
   * `exclusive` makes concurrent loads give a graph some serial order gives. Re-entrant: `apply` inside
   * does not wait for itself.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** The nodes of the given ids, in the same order, null where absent. */
  nodes(ids: readonly string[]): Promise<(NodeRecord | null)[]>;
  /** For each query, the matching edges ordered by type, kind, then the other end's id. */
  edges(queries: readonly EdgeQuery[]): Promise<EdgeRecord[][]>;
  /** As `edges`, each edge with the node at its far end: one round trip per level of a GraphQL view. */
  traverse(queries: readonly EdgeQuery[]): Promise<Step[][]>;
  /** Each root id's node read as `selection` says, with the hops it follows, nested; null where absent.
   * One round trip for the whole tree, whatever its depth; only the selected properties are read. */
  view(ids: readonly string[], selection: NodeSelection, variables: Record<string, unknown>): Promise<(ViewNode | null)[]>;
  /** Nodes of a label whose name or an alias equals `name` once normalised (simplified, no spaces),
   * best evidenced first (most sources, then most evidence, then id). */
  findByName(label: EntityLabel, name: string): Promise<NodeRecord[]>;
  /**
   * The part of the graph that resolving documents naming these entities reads, in one round trip, so that
   * resolution runs in memory against it (documents come without their text, which resolution never reads).
   */
  resolutionContext(query: ResolutionQuery): Promise<Subgraph>;
  /** A page of one label ordered by name then id (events by start date, then name, then id). */
  list(label: NodeLabel, options: ListOptions): Promise<Page<NodeRecord>>;
  /** A shortest path ignoring edge direction, at most `maxHops` edges of the given types; null when none. */
  path(from: string, to: string, maxHops: number, types: readonly RelType[]): Promise<Subgraph | null>;
  /** Nodes within `hops` edges of the given types of `id` (direction ignored), at most `limit` nodes, and
   * the edges of those types among them. */
  neighborhood(id: string, hops: number, limit: number, types: readonly RelType[]): Promise<Subgraph>;
  /** Every node of some labels, in batches, for rebuilding the search index. */
  scan(labels: readonly NodeLabel[], batchSize: number): AsyncIterable<NodeRecord[]>;
  stats(): Promise<GraphStats>;
  /** Resolves when the store answers; rejects with GraphStoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
