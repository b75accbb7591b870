import type { GraphStore } from '../graph/port.js';
import type { SearchIndex } from '../search/port.js';
import type { WriteIntents } from '../storage/intents.js';
import type { Loaders } from './loaders.js';

export interface Limits {
  /** Largest page of any connection or list argument. */
  maxFirst: number;
  maxPathHops: number;
  maxNeighborhoodHops: number;
  maxNeighborhoodNodes: number;
  /** Records (nodes, edges, hops asked) one request may read: bounds lists nested in lists. */
  maxRecords: number;
  /** Characters of a search: names are short, and every character is segmented and converted. */
  maxSearchLength: number;
}

export const defaultLimits: Limits = { maxFirst: 100, maxPathHops: 6, maxNeighborhoodHops: 3, maxNeighborhoodNodes: 500, maxRecords: 20_000, maxSearchLength: 200 };

/** What every resolver sees: the ports (never an adapter) and this request's loaders. */
export interface Context {
  graph: GraphStore;
  search: SearchIndex;
  loaders: Loaders;
  limits: Limits;
  /** Where writes note themselves, so a crash between the graph and the index is mended at the next start. */
  intents?: WriteIntents;
}
