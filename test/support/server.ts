import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApi, listen, type ApiOptions } from '../../src/api/server.js';
import type { GraphStore } from '../../src/graph/port.js';
import type { SearchIndex } from '../../src/search/port.js';

/** The API listening on a free loopback port, for tests that go over real HTTP. */
export async function startServer(graph: GraphStore, search: SearchIndex, options: Partial<ApiOptions> = {}) {
  const api = createApi({ graph, search, logger: pino({ level: 'silent' }), ...options });
  const { server, port } = await listen(api, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  async function query(query: string, variables?: Record<string, unknown>) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  }
  return { url, query, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
