import {
  NODE_LABELS,
  REL_TYPES,
  type EdgeRecord,
  type EntityLabel,
  type GraphChanges,
  type NodeLabel,
  type NodeRecord,
  type RelType,
} from '../../model/index.js';
import { mergeEdge, mergeNode } from '../../model/merge.js';
import { normalizeName } from '../../model/values/name.js';
import { checkChanges } from '../check.js';
import { compareKeys, decodeCursor, encodeCursor, sortKeyOf } from '../cursor.js';
import { GraphStoreError } from '../errors.js';
import type { EdgeQuery, GraphStats, ListOptions, Page, Subgraph } from '../port.js';
import { planRetraction, type Retraction } from '../retract.js';
import { overlaps } from '../../model/values/date.js';
import { inBatches } from '../../storage/snapshot.js';
import { SharedRecords } from './interned.js';

const byEvidence = (a: NodeRecord, b: NodeRecord) =>
  b.sources.length - a.sources.length || b.evidence.length - a.evidence.length || (a.id < b.id ? -1 : 1);

/** The in-process graph: records, adjacency and a name index, queried the way the port describes. */
export class MemoryGraph {
  private readonly nodeById = new Map<string, NodeRecord>();
  private readonly edgeById = new Map<string, EdgeRecord>();
  private readonly adjacent = new Map<string, Set<string>>(); // node id → ids of edges touching it
  private readonly byName = new Map<string, Set<string>>(); // normalised name or alias → node ids
  private sorted = new Map<NodeLabel, NodeRecord[]>(); // per label, in list order; rebuilt lazily
  private readonly shared = new SharedRecords();
  private readonly nodeIdOf = (id: string) => this.nodeById.get(id)?.id ?? id;

  /** Checks a batch against the model and the graph without changing anything. */
  validate(changes: GraphChanges): void {
    checkChanges(changes);
    const incoming = new Set(changes.nodes.map((n) => n.id));
    for (const edge of changes.edges) {
      for (const end of [edge.from, edge.to]) {
        if (!incoming.has(end) && !this.nodeById.has(end)) {
          throw new GraphStoreError(`edge ${edge.type} ${edge.from} → ${edge.to}: node ${end} does not exist`);
        }
      }
    }
  }

  /** Merges a batch; validate it first, since a batch that fails half-way would stay half-applied. */
  apply(changes: GraphChanges): void {
    for (const node of changes.nodes) this.putNode(mergeNode(this.nodeById.get(node.id), node));
    for (const edge of changes.edges) this.putEdge(mergeEdge(this.edgeById.get(edge.id), edge));
    if (changes.nodes.length) this.sorted = new Map();
  }

  /** What retracting a document would change; null when no document has that id. */
  retraction(documentId: string): Retraction | null {
    if (this.nodeById.get(documentId)?.label !== 'Document') return null;
    const nodes = [...this.nodeById.values()].filter((n) => n.sources.includes(documentId));
    const edges = [...this.edgeById.values()].filter((e) => e.sources.includes(documentId));
    const touching = nodes.flatMap((n) => [...(this.adjacent.get(n.id) ?? [])].map((id) => this.edgeById.get(id)!));
    return planRetraction(documentId, { nodes, edges }, touching);
  }

  /** Applies a retraction: its records replace the stored ones (no merge), its removals go. */
  retract(plan: Retraction): void {
    for (const edge of plan.removedEdges) this.dropEdge(edge.id);
    for (const node of plan.removedNodes) this.dropNode(node.id);
    for (const node of plan.nodes) this.putNode(node);
    for (const edge of plan.edges) this.putEdge(edge);
    this.sorted = new Map();
  }

  /** A journal entry, whichever kind it is. */
  replay(batch: GraphChanges | Retraction): void {
    if ('removedNodes' in batch) this.retract(batch);
    else this.apply(batch);
  }

  private dropNode(id: string): void {
    const node = this.nodeById.get(id);
    if (!node) return;
    for (const name of [node.name, ...node.aliases]) this.byName.get(normalizeName(name))?.delete(id);
    this.nodeById.delete(id);
    this.adjacent.delete(id);
  }

  private dropEdge(id: string): void {
    const edge = this.edgeById.get(id);
    if (!edge) return;
    for (const end of [edge.from, edge.to]) this.adjacent.get(end)?.delete(id);
    this.edgeById.delete(id);
  }

  private putNode(record: NodeRecord): void {
    const node = this.shared.node(record);
    const old = this.nodeById.get(node.id);
    if (old) for (const name of [old.name, ...old.aliases]) this.byName.get(normalizeName(name))?.delete(old.id);
    this.nodeById.set(node.id, node);
    for (const name of [node.name, ...node.aliases]) {
      const key = normalizeName(name);
      this.byName.set(key, (this.byName.get(key) ?? new Set()).add(node.id));
    }
  }

  private putEdge(record: EdgeRecord): void {
    const edge = this.shared.edge(record, this.nodeIdOf);
    this.edgeById.set(edge.id, edge);
    for (const end of [edge.from, edge.to]) this.adjacent.set(end, (this.adjacent.get(end) ?? new Set()).add(edge.id));
  }

  node(id: string): NodeRecord | null {
    return this.nodeById.get(id) ?? null;
  }

  edges(query: EdgeQuery): EdgeRecord[] {
    const end = query.direction === 'out' ? 'from' : 'to';
    const other = query.direction === 'out' ? 'to' : 'from';
    return [...(this.adjacent.get(query.node) ?? [])]
      .map((id) => this.edgeById.get(id)!)
      .filter((e) => e.type === query.type && e[end] === query.node && (!query.kind || e.kind === query.kind))
      .sort((a, b) => compareKeys([a.type, a.kind, a[other]], [b.type, b.kind, b[other]]));
  }

  findByName(label: EntityLabel, name: string): NodeRecord[] {
    return [...(this.byName.get(normalizeName(name)) ?? [])]
      .map((id) => this.nodeById.get(id)!)
      .filter((n) => n.label === label)
      .sort(byEvidence);
  }

  list(label: NodeLabel, { first, after, from, to }: ListOptions): Page<NodeRecord> {
    const dated = from || to;
    const all = this.sortedOf(label).filter((n) => !dated || (n.startDate && overlaps(n.startDate, n.endDate, from, to)));
    const afterKey = after ? decodeCursor(after) : null;
    const start = afterKey ? all.findIndex((n) => compareKeys(sortKeyOf(n), afterKey) > 0) : 0;
    const rest = start < 0 ? [] : all.slice(start);
    const items = rest.slice(0, first).map((node) => ({ cursor: encodeCursor(sortKeyOf(node)), node }));
    return { items, totalCount: all.length, hasNextPage: rest.length > first };
  }

  private sortedOf(label: NodeLabel): NodeRecord[] {
    let list = this.sorted.get(label);
    if (!list) {
      list = [...this.nodeById.values()].filter((n) => n.label === label);
      list.sort((a, b) => compareKeys(sortKeyOf(a), sortKeyOf(b)));
      this.sorted.set(label, list);
    }
    return list;
  }

  /** Breadth-first from `id`, direction ignored, visiting neighbours in edge-id order (deterministic). */
  private *walk(id: string, hops: number, types: readonly RelType[]): Generator<{ node: string; via: EdgeRecord | null; depth: number }> {
    if (!this.nodeById.has(id)) return;
    const seen = new Set([id]);
    let frontier = [id];
    yield { node: id, via: null, depth: 0 };
    for (let depth = 1; depth <= hops && frontier.length; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const edgeId of [...(this.adjacent.get(node) ?? [])].sort()) {
          const edge = this.edgeById.get(edgeId)!;
          if (!types.includes(edge.type)) continue;
          const other = edge.from === node ? edge.to : edge.from;
          if (seen.has(other)) continue;
          seen.add(other);
          next.push(other);
          yield { node: other, via: edge, depth };
        }
      }
      frontier = next;
    }
  }

  path(from: string, to: string, maxHops: number, types: readonly RelType[]): Subgraph | null {
    const via = new Map<string, EdgeRecord | null>();
    for (const step of this.walk(from, maxHops, types)) {
      via.set(step.node, step.via);
      if (step.node !== to) continue;
      const edges: EdgeRecord[] = [];
      const nodes = [this.nodeById.get(to)!];
      for (let at = to, edge = via.get(at); edge; edge = via.get(at)) {
        at = edge.from === at ? edge.to : edge.from;
        edges.unshift(edge);
        nodes.unshift(this.nodeById.get(at)!);
      }
      return { nodes, edges };
    }
    return null;
  }

  neighborhood(id: string, hops: number, limit: number, types: readonly RelType[]): Subgraph {
    const ids = new Set<string>();
    for (const step of this.walk(id, hops, types)) {
      if (ids.size >= limit) break;
      ids.add(step.node);
    }
    const touching = new Set([...ids].flatMap((n) => [...(this.adjacent.get(n) ?? [])]));
    const edges = [...touching]
      .map((e) => this.edgeById.get(e)!)
      .filter((e) => ids.has(e.from) && ids.has(e.to) && types.includes(e.type))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return { nodes: [...ids].map((n) => this.nodeById.get(n)!), edges };
  }

  *scan(labels: readonly NodeLabel[]): Generator<NodeRecord> {
    for (const node of this.nodeById.values()) if (labels.includes(node.label)) yield node;
  }

  stats(): GraphStats {
    const nodes = Object.fromEntries(NODE_LABELS.map((l) => [l, 0])) as GraphStats['nodes'];
    const relationships = Object.fromEntries(REL_TYPES.map((t) => [t, 0])) as GraphStats['relationships'];
    for (const n of this.nodeById.values()) nodes[n.label]++;
    for (const e of this.edgeById.values()) relationships[e.type]++;
    return { nodes, relationships };
  }

  /** The whole graph as batches of at most `size` nodes or edges, nodes first (edges need their ends). */
  *snapshot(size: number): Generator<GraphChanges> {
    for (const nodes of inBatches(this.nodeById.values(), size)) yield { nodes, edges: [] };
    for (const edges of inBatches(this.edgeById.values(), size)) yield { nodes: [], edges };
  }
}
