import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { Subgraph } from '../graph/port.js';
import { EDGE_COLUMNS, NODE_COLUMNS, edgeLabel, joined, type Column } from './attributes.js';

/** GEXF 1.3 for Gephi, written by graphology-gexf from a graphology multigraph (two people may share several edges). */
export function writeGexf(subgraph: Subgraph): string {
  const graph = new MultiDirectedGraph();
  for (const node of subgraph.nodes) graph.addNode(node.id, { label: node.name, ...flat(NODE_COLUMNS, node) });
  for (const edge of subgraph.edges) graph.addDirectedEdgeWithKey(edge.id, edge.from, edge.to, { ...flat(EDGE_COLUMNS, edge), label: edgeLabel(edge) });
  return write(graph, { pretty: true });
}

/** Present properties only: GEXF attributes left unset stay absent rather than empty strings. */
function flat<R>(columns: Column<R>[], record: R): Record<string, string> {
  return Object.fromEntries(columns.flatMap(({ name, read }) => {
    const value = joined(read(record));
    return value === null ? [] : [[name, value]];
  }));
}
