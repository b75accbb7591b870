import type { GraphStore, Subgraph } from '../graph/port.js';
import { definition, NODE_LABELS, REL_TYPES, WORLD_TYPES, type NodeLabel, type NodeRecord, type RelType } from '../model/index.js';
import { ExportError } from './errors.js';

/** Which part of the graph to export: all of it, or what lies within `hops` of one entity. */
export interface ExportScope {
  around?: string | null;
  hops?: number;
  /** Refuse (rather than truncate) a graph of more nodes plus edges than this: a partial export misleads. */
  maxRecords?: number;
  /** Largest neighbourhood, in nodes, around one entity (the API's own cap). */
  maxNodes?: number;
}

const SCAN_BATCH = 500;

/** Reads the exported part of the graph through the port: nodes first, then each node's outgoing edges. */
export async function collectGraph(graph: GraphStore, scope: ExportScope): Promise<Subgraph> {
  const subgraph = sortById(scope.around ? await around(graph, scope.around, scope) : await whole(graph));
  const records = subgraph.nodes.length + subgraph.edges.length;
  if (scope.maxRecords !== undefined && records > scope.maxRecords) {
    throw new ExportError(`the export would hold ${records} nodes and edges, more than the ${scope.maxRecords} allowed; export around one entity (around=ID&hops=N) or use tupu export`);
  }
  return subgraph;
}

async function around(graph: GraphStore, id: string, { hops = 1, maxNodes = 500 }: ExportScope): Promise<Subgraph> {
  if (!Number.isInteger(hops) || hops < 1 || hops > 3) throw new ExportError(`hops must be an integer from 1 to 3, not ${hops}`);
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
