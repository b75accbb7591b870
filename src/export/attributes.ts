import { definition, type EdgeRecord, type NodeRecord } from '../model/index.js';

/**
 * The flat properties of nodes and edges that GraphML, GEXF and CSV share. Each is declared once, with the
 * record field it reads: the writers derive their key declarations and column headers from these lists.
 */
export interface Column<R> {
  name: string;
  /** Lists are kept as lists: CSV writes them with its array delimiter, XML formats join them. */
  read: (record: R) => string | string[] | null | undefined;
}

const quotes = (r: { evidence: { quote: string }[] }) => [...new Set(r.evidence.map((e) => e.quote))];

export const NODE_COLUMNS: Column<NodeRecord>[] = [
  { name: 'kind', read: (n) => n.label },
  { name: 'name', read: (n) => n.name },
  { name: 'aliases', read: (n) => n.aliases },
  { name: 'title', read: (n) => n.title },
  { name: 'startDate', read: (n) => n.startDate },
  { name: 'endDate', read: (n) => n.endDate },
  { name: 'signedOn', read: (n) => n.signedOn },
  { name: 'publishedAt', read: (n) => n.publishedAt },
  { name: 'url', read: (n) => n.url },
  { name: 'sources', read: (n) => n.sources },
  { name: 'evidence', read: quotes },
];

export const EDGE_COLUMNS: Column<EdgeRecord>[] = [
  { name: 'type', read: (e) => e.type },
  { name: 'label', read: edgeLabel },
  { name: 'kind', read: (e) => e.kind },
  { name: 'sources', read: (e) => e.sources },
  { name: 'evidence', read: quotes },
];

/** The human reading of an edge: the model's label, with the participation kind where there is one (参与·主持). */
export function edgeLabel(edge: EdgeRecord): string {
  const label = definition.relationships[edge.type].label;
  return edge.kind ? `${label}·${definition.participationKinds[edge.kind]}` : label;
}

/** A column's value as one string for formats without lists; lists are joined with `; `. */
export function joined(value: string | string[] | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.join('; ') : null;
  return value;
}
