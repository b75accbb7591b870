import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../graph/port.js';
import type { SearchIndex } from '../../search/port.js';

/** An adapter's kind without what follows it: kinds name a data directory or an address for the log. */
const adapterName = (kind: string) => kind.split(/[\s(]/)[0];

/**
 * /readyz answers 200 when both the graph store and the search index answer, else 503, with each one's
 * adapter and state in the body (never a path, an address or an internal message: those go to the log).
 */
export function useReadiness(graph: GraphStore, search: SearchIndex): Plugin {
  const state = (p: Promise<void>) => p.then(() => 'up' as const, () => 'down' as const);
  return useReadinessCheck({
    endpoint: '/readyz',
    async check({ fetchAPI }) {
      const [graphState, searchState] = await Promise.all([state(graph.ping()), state(search.ping())]);
      const ready = graphState === 'up' && searchState === 'up';
      const body = JSON.stringify({ ready, graph: { kind: adapterName(graph.kind), state: graphState }, search: { kind: adapterName(search.kind), state: searchState } });
      return new fetchAPI.Response(body, { status: ready ? 200 : 503, headers: { 'content-type': 'application/json' } });
    },
  });
}
