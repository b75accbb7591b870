/** The shapes of the API's answers that the explorer reads (see queries.ts). */
export interface Ref {
  id: string;
  name: string;
}

export interface Evidence {
  quote: string;
  offset: number | null;
  document: { id: string; title?: string };
}

export interface Hit {
  type: string;
  highlight: string | null;
  description: string | null;
  entity: Ref;
}

export interface GraphNode {
  __typename: string;
  id: string;
  name?: string;
  title?: string;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  type: string;
  label: string | null;
  kind: string | null;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** What `node(id)` returns, every kind's fields optional: the entity views read those of their kind. */
export type EntityData = Record<string, any> & { __typename: string; id: string; name: string; aliases: string[]; sources: { id: string; title: string }[] };
