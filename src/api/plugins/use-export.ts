import { Readable } from 'node:stream';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { exportGraph, ExportError, FORMATS, parseHops } from '../../export/index.js';
import { GraphStoreUnavailableError } from '../../graph/errors.js';
import type { GraphStore } from '../../graph/port.js';
import type { Limits } from '../context.js';

const ROUTE = /^\/export\/graph\.(.+)$/;

/**
 * `GET /export/graph.{graphml,gexf,csv.zip,ftm.json}[?around=ID&hops=N]`: what `tupu export` writes, under
 * the API's own limits (neighbourhood hops and nodes, records a request may read) so an export costs no
 * more than a query could.
 */
export function useExport(graph: GraphStore, limits: Limits, logger: Logger, mayNotRead: (request: Request) => GraphQLError | null): Plugin {
  const byExtension = new Map(Object.entries(FORMATS).map(([name, format]) => [format.extension, { name, format }]));
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      const match = ROUTE.exec(url.pathname);
      if (!match || request.method !== 'GET') return;
      const json = (status: number, error: string) =>
        endResponse(new fetchAPI.Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json' } }));
      // An export is a read: closed to those without a token exactly when queries are.
      const refused = mayNotRead(request);
      if (refused) return json(refused.extensions.code === 'FORBIDDEN' ? 403 : 401, refused.message);
      const found = byExtension.get(match[1]!);
      if (!found) return json(404, `no export /export/graph.${match[1]}; use one of ${[...byExtension.keys()].map((e) => `graph.${e}`).join(', ')}`);
      try {
        const scope = scopeOf(url.searchParams, limits);
        const stream = await exportGraph(graph, found.name, { ...scope, maxRecords: limits.maxRecords, maxNodes: limits.maxNeighborhoodNodes });
        const headers = { 'content-type': found.format.contentType, 'content-disposition': `attachment; filename="tupu.${found.format.extension}"` };
        endResponse(new fetchAPI.Response(Readable.toWeb(Readable.from(stream)) as ReadableStream, { headers }));
      } catch (error) {
        if (error instanceof ExportError) return json(400, error.message);
        if (error instanceof GraphStoreUnavailableError) return json(503, 'The graph store is unavailable; try again shortly.');
        logger.error({ err: error }, 'export failed');
        return json(500, 'the export failed');
      }
    },
  };
}

function scopeOf(params: URLSearchParams, limits: Limits) {
  const around = params.get('around');
  if (params.has('hops') && !around) throw new ExportError('hops needs around=ID');
  return { around, hops: parseHops(params.get('hops'), limits.maxNeighborhoodHops) };
}
