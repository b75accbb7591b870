import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentNode } from 'graphql';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Logger } from 'pino';
import type { GraphStore } from '../graph/port.js';
import type { SearchIndex } from '../search/port.js';
import type { WriteIntents } from '../storage/intents.js';
import { defaultLimits, type Context, type Limits } from './context.js';
import { createMaskError } from './errors.js';
import { corsFor, closedExposure, type Exposure } from './exposure.js';
import { boundedCache } from './limits/bounded-cache.js';
import { callerLookup, readsNeedToken, refusal, useAccess } from './plugins/use-access.js';
import { useExplorer } from './plugins/use-explorer.js';
import { useExport } from './plugins/use-export.js';
import { useLoaders } from './plugins/use-loaders.js';
import { useQueryLimits, type QueryLimits } from './plugins/use-query-limits.js';
import { useReadiness } from './plugins/use-readiness.js';
import { useRequestLimits, type RequestLimits } from './plugins/use-request-limits.js';
import { useRequestLog } from './plugins/use-request-log.js';
import { createApiSchema } from './schema.js';
import type { TokenEntry } from './tokens.js';
import { yogaLogger } from './yoga-logger.js';

export interface ApiOptions {
  graph: GraphStore;
  search: SearchIndex;
  logger: Logger;
  limits?: Partial<Limits>;
  queryLimits?: QueryLimits;
  requestLimits?: RequestLimits;
  /** CORS, GraphiQL, introspection; all closed unless given (the CLI derives them from the config). */
  exposure?: Partial<Exposure>;
  /** Bytes of parsed documents (estimated) and of parse errors kept for reuse. */
  cacheBytes?: number;
  /** Bearer tokens (hashed) that may write, or read when reads are closed; none: nobody may write. */
  tokens?: readonly TokenEntry[];
  /** The data directory's write notes: the write mutations leave one, as `tupu ingest` does. */
  intents?: WriteIntents;
}

const EXAMPLE_QUERY = `# 图谱: try a name, an alias, pinyin or traditional script
{
  search(query: "李建文") {
    hits { type highlight description entity { id name } }
  }
}
`;

/** The API: a graphql-yoga server composed of plugins, in order. It sees the ports, never an adapter. */
export function createApi(options: ApiOptions) {
  const { graph, search, logger, limits, queryLimits, requestLimits = {}, exposure, cacheBytes = 64 << 20, tokens = [], intents } = options;
  const resolved = { ...defaultLimits, ...limits };
  const shown = { ...closedExposure, ...exposure };
  const callerOf = callerLookup(tokens);
  const mayWrite = (request: Request) => {
    const caller = callerOf(request);
    return typeof caller === 'object' && caller.scope === 'write';
  };
  return createYoga<Context>({
    schema: createApiSchema(),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: shown.graphiql && { title: 'tupu 图谱', defaultQuery: EXAMPLE_QUERY },
    cors: corsFor(shown.corsOrigins),
    // Bounded in bytes, not entries: only documents the token limit let through are parsed and kept.
    parserAndValidationCache: { documentCache: boundedCache<DocumentNode>(cacheBytes), errorCache: boundedCache<object>(cacheBytes / 8) },
    renderGraphiQL, // GraphiQL from the package's own files: no CDN, so it opens on a closed network
    maskedErrors: { maskError: createMaskError((error) => logger.error({ err: error }, 'unexpected error')) },
    logging: yogaLogger(logger),
    context: { graph, search, limits: resolved, intents },
    plugins: [
      useRequestLimits(requestLimits, mayWrite), // malformed or oversized requests, before yoga reads them
      ...useQueryLimits(queryLimits, resolved.maxFirst), // costly documents, before anything runs
      ...(shown.introspection ? [] : [useDisableIntrospection()]), // schema discovery, off in production
      useAccess({ tokens, callerOf, logger }), // writes need a write token; reads one if configured
      useLoaders(graph, resolved.maxRecords), // per-request batching and record budget
      useReadiness(graph, search), // /readyz
      useRequestLog(logger),
      useExplorer(), // the explorer page at /
      useExport(graph, resolved, logger, (request) => refusal(callerOf(request), readsNeedToken(tokens) ? 'read' : null)), // /export/graph.*
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
