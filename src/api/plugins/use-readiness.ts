import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../graph/port.js';
import type { SearchIndex } from '../../search/port.js';

/**
 * /readyz answers 200 when both the graph store and the search index answer, else 503, with each one's
 * state in the body (never an internal message: that goes to the log).
 */
export function useReadiness(graph: GraphStore, search: SearchIndex): Plugin {
  const state = (p: Promise<void>) => p.then(() => 'up' as const, () => 'down' as const);
  return useReadinessCheck({
    endpoint: '/readyz',
    async check({ fetchAPI }) {
      const [graphState, searchState] = await Promise.all([state(graph.ping()), state(search.ping())]);
      const ready = graphState === 'up' && searchState === 'up';
      const body = JSON.stringify({ ready, graph: { kind: graph.kind, state: graphState }, search: { kind: search.kind, state: searchState } });
      return new fetchAPI.Response(body, { status: ready ? 200 : 503, headers: { 'content-type': 'application/json' } });
    },
  });
}
