import type { EntityType } from '../model/index.js';

/**
 * What the search index holds for one entity, derived from the graph by documents.ts. Both engines index
 * the same documents; how each tokenises them is shared in tokenize.ts.
 */
export interface SearchDocument {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Titles held (people) or held within (organizations). */
  titles: string[];
  /** Organizations a person holds roles in, an organization's parents, an event's participants. */
  organizations: string[];
  organizationIds: string[];
  /** One line saying what the entity is and where it comes from, shown under a hit. */
  description: string;
  date: string | null;
  sources: string[];
  /** How much the graph says about the entity (sources, roles, participations): breaks ties between equal matches. */
  weight: number;
}

export interface SearchQuery {
  query: string;
  types?: readonly EntityType[] | null;
  first: number;
  /** An opaque cursor from an earlier page of the same query. */
  after?: string | null;
}

export interface SearchHit {
  id: string;
  type: EntityType;
  score: number;
  /** The matched name or alias with the matched characters marked <em>…</em>. */
  highlight: string | null;
  /** The indexed description: what the entity is and where it comes from. */
  description: string | null;
  cursor: string;
}

export interface SearchResults {
  /** Matches counted: every match when `totalIsExact`, else a lower bound (the engine's limits cut the candidates). */
  total: number;
  totalIsExact: boolean;
  hits: SearchHit[];
  hasNextPage: boolean;
}

/**
 * The search index port. Adapters: `embedded/` (in-process) and `meilisearch/`; both pass the contract
 * suite in test/search/index.contract.ts.
 */
export interface SearchIndex {
  readonly kind: string;
  /** Adds or replaces documents by id. */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResults>;
  /** Every indexed id with a fingerprint of its document, to compare the index with the graph. */
  fingerprints(): Promise<Map<string, string>>;
  clear(): Promise<void>;
  /** Resolves when the engine answers; rejects with SearchUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
