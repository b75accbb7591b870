import type { QueryResult } from 'neo4j-driver';
import { NODE_LABELS, REL_TYPES } from '../../model/index.js';
import { planRetraction, type Retraction } from '../retract.js';
import * as cypher from './cypher.js';
import { edgeFromProperties, edgeProperties, nodeFromProperties, nodeProperties } from './properties.js';

type Runner = (statement: string, parameters?: Record<string, unknown>) => Promise<QueryResult>;

/**
 * Retracts a document inside one write transaction: reads what it supports, plans with the same
 * function as the embedded store, then rewrites and removes. Rewritten records replace the stored
 * properties (`SET n = row`), so nothing of the retracted document survives a merge.
 */
export async function retractDocument(tx: Runner, documentId: string): Promise<Retraction | null> {
  const found = await tx(cypher.documentExists, { doc: documentId });
  if (!found.records.length) return null;
  const [nodeResult, edgeResult] = await Promise.all([tx(cypher.supportedNodes, { doc: documentId }), tx(cypher.supportedEdges, { doc: documentId })]);
  const nodes = nodeResult.records.map((r) => nodeFromProperties(r.get('label'), r.get('props')));
  const edges = edgeResult.records.map((r) => edgeFromProperties(r.get('type'), r.get('from'), r.get('to'), r.get('props')));
  const plan = planRetraction(documentId, { nodes, edges: edges.filter((e) => e.sources.includes(documentId)) }, edges);

  const statements: [string, Record<string, unknown>][] = [];
  if (plan.removedEdges.length) statements.push([cypher.removeEdges, { rows: plan.removedEdges.map(({ id, from, to }) => ({ id, from, to })) }]);
  if (plan.removedNodes.length) statements.push([cypher.removeNodes, { ids: plan.removedNodes.map((n) => n.id) }]);
  for (const l of NODE_LABELS) {
    const rows = plan.nodes.filter((n) => n.label === l).map(nodeProperties);
    if (rows.length) statements.push([cypher.writeNodes(l), { rows }]);
  }
  for (const t of REL_TYPES) {
    const rows = plan.edges.filter((e) => e.type === t).map((e) => ({ from: e.from, to: e.to, id: e.id, props: edgeProperties(e) }));
    if (rows.length) statements.push([cypher.writeEdges(t), { rows }]);
  }
  // In order: removals first, so a rewrite never lands on an edge about to go.
  for (const [statement, parameters] of statements) await tx(statement, parameters);
  return plan;
}
