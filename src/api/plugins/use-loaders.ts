import type { Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../graph/port.js';
import { createLoaders, type Loaders } from '../loaders.js';

/**
 * Gives each request fresh DataLoaders, so batching spans one request and caching never leaks across, and
 * a budget of `maxRecords` records read.
 */
export function useLoaders(graph: GraphStore, maxRecords: number): Plugin<{ loaders: Loaders }> {
  return {
    onContextBuilding({ extendContext }) {
      extendContext({ loaders: createLoaders(graph, maxRecords) });
    },
  };
}
