import type { GraphStore, Subgraph } from '../graph/port.js';
import { definition, NODE_LABELS, REL_TYPES, WORLD_TYPES, type NodeLabel, type NodeRecord, type RelType } from '../model/index.js';
import { ExportError } from './errors.js';

/** Which part of the graph to export: all of it, or what lies within `hops` of one entity. */
export interface ExportScope {
  around?: string | null;
  /** From parseHops. */
  hops?: number;
  /** The whole graph is refused when it holds more nodes plus edges than this (the API's record budget). */
  maxRecords?: number;
  /** Largest neighbourhood, in nodes, around one entity (the API's own cap). */
  maxNodes?: number;
}

const SCAN_BATCH = 500;
export const MAX_HOPS = 3;

/** `--hops` or `?hops=`, checked in one place for both: a whole number from 1 to `max`; 1 when absent. */
export function parseHops(text: string | null | undefined, max = MAX_HOPS): number {
  if (text === null || text === undefined) return 1;
  const hops = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(hops >= 1 && hops <= max)) throw new ExportError(`hops must be a whole number from 1 to ${max}, not ${text}`);
  return hops;
}

/** Reads the exported part of the graph through the port: nodes first, then each node's outgoing edges. */
export async function collectGraph(graph: GraphStore, scope: ExportScope): Promise<Subgraph> {
  if (scope.around) return sortById(await around(graph, scope.around, scope));
  if (scope.maxRecords !== undefined) await refuseLarger(graph, scope.maxRecords);
  return sortById(await whole(graph));
}

/** Refuses before reading anything, from the store's counts, rather than truncate: a partial export misleads. */
async function refuseLarger(graph: GraphStore, maxRecords: number) {
  const stats = await graph.stats();
  const records = [...Object.values(stats.nodes), ...Object.values(stats.relationships)].reduce((a, b) => a + b, 0);
  if (records > maxRecords) {
    throw new ExportError(`the export would hold ${records} nodes and edges, more than the ${maxRecords} allowed; export around one entity (around=ID&hops=N) or use tupu export`);
  }
}

async function around(graph: GraphStore, id: string, { hops = 1, maxNodes = 500 }: ExportScope): Promise<Subgraph> {
  const [node] = await graph.nodes([id]);
  if (!node) throw new ExportError(`no node has the id ${id}`);
  // Documents are left out, as in the API's neighbourhood: through them every entity of an article is two hops away.
  return graph.neighborhood(id, hops, maxNodes, WORLD_TYPES);
}

/** In id order, whatever order the store reads in: two exports of one graph are the same file, and diff well. */
function sortById({ nodes, edges }: Subgraph): Subgraph {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...nodes].sort(byId), edges: [...edges].sort(byId) };
}

/** The relationship types that may start at a label, from the model. */
function outgoingTypes(label: NodeLabel): RelType[] {
  return REL_TYPES.filter((type) => (definition.relationships[type].from as readonly string[]).includes(label));
}

async function whole(graph: GraphStore): Promise<Subgraph> {
  const result: Subgraph = { nodes: [], edges: [] };
  for await (const batch of graph.scan(NODE_LABELS, SCAN_BATCH)) {
    result.nodes.push(...batch);
    const queries = batch.flatMap((node: NodeRecord) => outgoingTypes(node.label).map((type) => ({ node: node.id, type, direction: 'out' as const })));
    for (const edges of await graph.edges(queries)) result.edges.push(...edges);
  }
  return result;
}
