import type { EdgeRecord, Evidence, NodeRecord } from '../../model/index.js';

/**
 * One copy of each string that many records repeat. A journal replay parses a fresh copy of every string
 * of every record (V8 shares only very short ones): a document id in `sources` and evidence, a label, a
 * relationship type, the ids at an edge's ends. Measured at S=1, the copies of document ids alone were a
 * tenth of the graph's heap. Keys are the values themselves, so an answer never changes, only its memory.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  one = (value: string): string => {
    const found = this.strings.get(value);
    if (found !== undefined) return found;
    this.strings.set(value, value);
    return value;
  };

  private evidence = (evidence: Evidence[]): Evidence[] => evidence.map((e) => ({ ...e, document: this.one(e.document) }));

  node(node: NodeRecord): NodeRecord {
    const shared: NodeRecord = { ...node, label: this.one(node.label) as NodeRecord['label'], sources: node.sources.map(this.one), evidence: this.evidence(node.evidence) };
    if (node.figures) shared.figures = node.figures.map((f) => ({ ...f, evidence: this.evidence(f.evidence) }));
    return shared;
  }

  /** `end` gives the stored node's own id string for an edge's end, so ids are not pooled twice. */
  edge(edge: EdgeRecord, end: (id: string) => string): EdgeRecord {
    return {
      ...edge,
      type: this.one(edge.type) as EdgeRecord['type'],
      kind: edge.kind && (this.one(edge.kind) as EdgeRecord['kind']),
      from: end(edge.from),
      to: end(edge.to),
      sources: edge.sources.map(this.one),
      evidence: this.evidence(edge.evidence),
    };
  }
}
