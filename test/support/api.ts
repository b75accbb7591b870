import type { Limits } from '../../src/api/context.js';
import { pino } from 'pino';
import { createApi } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/port.js';
import type { SearchIndex } from '../../src/search/port.js';

/** The API over given ports, called in-process (yoga.fetch), as most tests do. */
export function apiClient(graph: GraphStore, search: SearchIndex, limits?: Partial<Limits>) {
  const api = createApi({ graph, search, limits, logger: pino({ level: process.env.TEST_LOG ?? 'silent' }, pino.destination(1)) });
  async function post(body: unknown) {
    const response = await api.fetch('http://tupu.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  }
  return {
    api,
    query: async (query: string, variables?: Record<string, unknown>) => (await post({ query, variables })).body,
    post,
  };
}

/** Wraps a store to count the calls that reach it: one call is one round trip for a real database. */
export function countingStore(store: GraphStore): GraphStore & { calls: () => number; reset: () => void } {
  let calls = 0;
  const counted = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || ['close', 'calls', 'reset'].includes(String(key))) return value;
      return (...args: unknown[]) => {
        calls++;
        return value.apply(target, args);
      };
    },
  });
  return Object.assign(counted, { calls: () => calls, reset: () => void (calls = 0) });
}
