import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Subgraph } from '../graph/port.js';
import { EDGE_COLUMNS, NODE_COLUMNS, joined, type Column } from './attributes.js';

const NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';

/**
 * GraphML as Gephi, yEd and NetworkX read it: one directed graph, every property a string key declared
 * up front. `label` repeats the name because that is the key Gephi shows on a node.
 */
export function writeGraphml(subgraph: Subgraph): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'graphml');
  const nodeColumns = [{ name: 'label', read: (n) => n.name }, ...NODE_COLUMNS] satisfies typeof NODE_COLUMNS;
  declareKeys(root, 'node', nodeColumns);
  declareKeys(root, 'edge', EDGE_COLUMNS);
  const graph = root.ele('graph', { id: 'tupu', edgedefault: 'directed' });
  for (const node of subgraph.nodes) addData(graph.ele('node', { id: node.id }), 'node', nodeColumns, node);
  for (const edge of subgraph.edges) addData(graph.ele('edge', { id: edge.id, source: edge.from, target: edge.to }), 'edge', EDGE_COLUMNS, edge);
  return root.end({ prettyPrint: true });
}

const keyId = (domain: string, name: string) => `${domain}_${name}`;

function declareKeys<R>(root: XMLBuilder, domain: 'node' | 'edge', columns: Column<R>[]) {
  for (const { name } of columns) root.ele('key', { id: keyId(domain, name), for: domain, 'attr.name': name, 'attr.type': 'string' });
}

function addData<R>(element: XMLBuilder, domain: 'node' | 'edge', columns: Column<R>[], record: R) {
  for (const { name, read } of columns) {
    const value = joined(read(record));
    if (value !== null) element.ele('data', { key: keyId(domain, name) }).txt(value);
  }
}
