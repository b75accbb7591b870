import type { EdgeRecord, Evidence, NodeRecord } from '../model/index.js';
import { normalizeName } from '../model/values/name.js';

/**
 * What taking one document back out changes: the records it supported together with others, rewritten
 * without it (they replace the stored ones, never merge with them), and the records it alone supported,
 * removed. Both stores compute it with `planRetraction` and apply it in one write.
 */
export interface Retraction {
  documentId: string;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  removedNodes: NodeRecord[];
  removedEdges: EdgeRecord[];
}

const others = (evidence: readonly Evidence[], documentId: string) => evidence.filter((e) => e.document !== documentId);

/**
 * An alias leaves with the document when that document's quotes spell it and no remaining quote does.
 * Aliases are not recorded per document; one no quote spells (a curated alias) cannot be attributed to
 * any document and stays while its entity does.
 */
function remainingAliases(node: NodeRecord, documentId: string): string[] {
  const spells = (quotes: readonly Evidence[], alias: string) => quotes.some((e) => normalizeName(e.quote).includes(normalizeName(alias)));
  const retracted = node.evidence.filter((e) => e.document === documentId);
  const remaining = others(node.evidence, documentId);
  return node.aliases.filter((alias) => !spells(retracted, alias) || spells(remaining, alias));
}

function withoutNode(node: NodeRecord, documentId: string): NodeRecord {
  const kept: NodeRecord = {
    ...node,
    aliases: remainingAliases(node, documentId),
    sources: node.sources.filter((s) => s !== documentId),
    evidence: others(node.evidence, documentId),
  };
  if (node.figures) {
    // A figure stays while some evidence for it does; one reported without evidence cannot be attributed.
    kept.figures = node.figures
      .filter((f) => !f.evidence.length || others(f.evidence, documentId).length)
      .map((f) => ({ ...f, evidence: others(f.evidence, documentId) }));
  }
  return kept;
}

/**
 * The retraction of `documentId`, from the stored records whose sources name it (`supported`) and, for
 * stores that must delete edges themselves, the edges touching those records (`touching`). A record is
 * removed when no other document supports it, and so is every edge touching a removed node.
 */
export function planRetraction(
  documentId: string,
  supported: { nodes: readonly NodeRecord[]; edges: readonly EdgeRecord[] },
  touching: readonly EdgeRecord[] = [],
): Retraction {
  const plan: Retraction = { documentId, nodes: [], edges: [], removedNodes: [], removedEdges: [] };
  for (const node of supported.nodes) {
    if (node.sources.every((s) => s === documentId)) plan.removedNodes.push(node);
    else plan.nodes.push(withoutNode(node, documentId));
  }
  const removed = new Set(plan.removedNodes.map((n) => n.id));
  const edges = new Map([...supported.edges, ...touching].map((e) => [e.id, e]));
  for (const edge of edges.values()) {
    const alone = edge.sources.every((s) => s === documentId);
    if (alone || removed.has(edge.from) || removed.has(edge.to)) plan.removedEdges.push(edge);
    else if (edge.sources.includes(documentId)) plan.edges.push({ ...edge, sources: edge.sources.filter((s) => s !== documentId), evidence: others(edge.evidence, documentId) });
  }
  return plan;
}
