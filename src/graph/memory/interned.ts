import type { EdgeRecord, Evidence, NodeRecord } from '../../model/index.js';
import { Interner } from '../../interned.js';

/**
 * Graph records as the memory graph keeps them: document ids (in sources and evidence), evidence quotes
 * (one role's quote is on the role, its HOLDS and its IN), labels and relationship types shared through
 * one pool, and an edge's ends sharing the stored node's own id string. Measured at S=10, this took the
 * replayed graph from 107 to 75 MiB of heap.
 */
export class SharedRecords {
  private readonly pool = new Interner();

  private evidence = (evidence: Evidence[]): Evidence[] => evidence.map((e) => ({ ...e, document: this.pool.one(e.document), quote: this.pool.one(e.quote) }));

  node(node: NodeRecord): NodeRecord {
    const { one, all } = this.pool;
    const shared: NodeRecord = { ...node, label: one(node.label) as NodeRecord['label'], sources: all(node.sources), evidence: this.evidence(node.evidence) };
    if (node.figures) shared.figures = node.figures.map((f) => ({ ...f, evidence: this.evidence(f.evidence) }));
    return shared;
  }

  /** `end` gives the stored node's own id string for an edge's end, so node ids need no pool of their own. */
  edge(edge: EdgeRecord, end: (id: string) => string): EdgeRecord {
    const { one, all } = this.pool;
    return {
      ...edge,
      type: one(edge.type) as EdgeRecord['type'],
      kind: edge.kind && (one(edge.kind) as EdgeRecord['kind']),
      from: end(edge.from),
      to: end(edge.to),
      sources: all(edge.sources),
      evidence: this.evidence(edge.evidence),
    };
  }
}
