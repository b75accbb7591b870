import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GraphStore } from '../graph/port.js';
import type { SearchIndex } from '../search/port.js';
import { defaultLimits, type Context, type Limits } from './context.js';
import { createMaskError } from './errors.js';
import { useLimits, type QueryLimits } from './plugins/use-limits.js';
import { useLoaders } from './plugins/use-loaders.js';
import { useReadiness } from './plugins/use-readiness.js';
import { useRequestLog } from './plugins/use-request-log.js';
import { createApiSchema } from './schema.js';

export interface ApiOptions {
  graph: GraphStore;
  search: SearchIndex;
  logger: Logger;
  limits?: Partial<Limits>;
  queryLimits?: QueryLimits;
  /** GraphiQL at /graphql for browsers; on by default. */
  graphiql?: boolean;
}

const EXAMPLE_QUERY = `# 图谱: try a name, an alias, pinyin or traditional script
{
  search(query: "李建文") {
    hits { type highlight description entity { id name } }
  }
}
`;

/** The API: a graphql-yoga server composed of plugins, in order. It sees the ports, never an adapter. */
export function createApi({ graph, search, logger, limits, queryLimits, graphiql = true }: ApiOptions) {
  const resolved = { ...defaultLimits, ...limits };
  return createYoga<Context>({
    schema: createApiSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: graphiql && { title: 'tupu 图谱', defaultQuery: EXAMPLE_QUERY },
    maskedErrors: { maskError: createMaskError((error) => logger.error({ err: error }, 'unexpected error')) },
    logging: logger,
    context: { graph, search, limits: resolved },
    plugins: [
      ...useLimits(queryLimits), // refuse hostile queries before any work
      useLoaders(graph, resolved.maxRecords), // per-request batching and record budget
      useReadiness(graph, search), // /readyz
      useRequestLog(logger),
    ],
  });
}

/** Serves the API over HTTP; resolves once listening, with the server and its actual port. */
export async function listen(api: ReturnType<typeof createApi>, port: number, host: string): Promise<{ server: Server; port: number }> {
  const server = createHttpServer(api);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port };
}
