import type { NodeLabel, ParticipationKind, RelType } from './index.js';

/** Where a fact was read: the document id, the quoted words and their offset in the document text. */
export interface Evidence {
  document: string;
  quote: string;
  offset: number | null;
}

/** A figure reported about an event (参加人数 10000, 满意度 99.8 %). */
export interface Figure {
  label: string;
  value: number;
  unit: string | null;
  evidence: Evidence[];
}

/**
 * A node as the ports store it. Every node has a name (a role's name is its title); the optional fields
 * belong to the labels noted beside them. Merging two records of one id keeps the union of the lists.
 */
export interface NodeRecord {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  sources: string[];
  evidence: Evidence[];
  title?: string | null; // Role, Agreement, Document
  startDate?: string | null; // Event
  endDate?: string | null; // Event
  signedOn?: string | null; // Agreement
  publishedAt?: string | null; // Document
  url?: string | null; // Document
  section?: string | null; // Document
  text?: string | null; // Document
  figures?: Figure[]; // Event
}

export interface EdgeRecord {
  id: string;
  type: RelType;
  from: string;
  to: string;
  kind: ParticipationKind | null; // TOOK_PART only
  sources: string[];
  evidence: Evidence[];
}

/** What one document adds to the graph; a store applies it completely or not at all. */
export interface GraphChanges {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}
