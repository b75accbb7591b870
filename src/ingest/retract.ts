import type { GraphStore } from '../graph/port.js';
import type { Retraction } from '../graph/retract.js';
import { isEntityLabel } from '../model/index.js';
import { buildSearchDocuments } from '../search/documents.js';
import { asOneWriter, type Ports } from './writer.js';

export interface RetractSummary {
  documentId: string;
  removedNodes: number;
  removedEdges: number;
  /** Records another document still supports, kept without this one's evidence. */
  keptNodes: number;
  keptEdges: number;
}

/**
 * Entities whose search document may have changed: the rewritten ones and the surviving ends of every
 * edge that changed or went, and the holders of a surviving role among them (a person's description
 * names the organizations of their roles, two edges away).
 */
async function touchedEntities(graph: GraphStore, plan: Retraction): Promise<string[]> {
  const removed = new Set(plan.removedNodes.map((n) => n.id));
  const ends = [...plan.edges, ...plan.removedEdges].flatMap((e) => [e.from, e.to]);
  const ids = [...new Set([...plan.nodes.map((n) => n.id), ...ends])].filter((id) => !removed.has(id));
  const roles = (await graph.nodes(ids)).filter((n) => n?.label === 'Role').map((n) => n!.id);
  const holders = (await graph.edges(roles.map((node) => ({ node, type: 'HOLDS' as const, direction: 'in' as const })))).flat().map((e) => e.from);
  return [...new Set([...ids, ...holders])];
}

/**
 * Takes a document back out (`tupu retract`, the `retractDocument` mutation): the graph drops its support
 * in one write, then the index drops the entities that went and is updated for those that changed, the
 * two as one writer (asOneWriter).
 * Null when no document has that id.
 */
export async function retractDocument(documentId: string, ports: Ports): Promise<RetractSummary | null> {
  const { graph, search } = ports;
  return asOneWriter(ports, async () => {
    const plan = await graph.retract(documentId);
    if (!plan) return null;
    const gone = plan.removedNodes.filter((n) => isEntityLabel(n.label)).map((n) => n.id);
    if (gone.length) await search.remove(gone);
    await search.upsert(await buildSearchDocuments(graph, await touchedEntities(graph, plan)));
    return {
      documentId,
      removedNodes: plan.removedNodes.length,
      removedEdges: plan.removedEdges.length,
      keptNodes: plan.nodes.length,
      keptEdges: plan.edges.length,
    };
  });
}
