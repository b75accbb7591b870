import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import type { Plugin } from 'graphql-yoga';

export interface QueryLimits {
  /** Deepest selection accepted; the 3-level view (event → participations → person → roles) needs 7. */
  maxDepth?: number;
  maxAliases?: number;
  /** Largest request body, in bytes. */
  maxBodyBytes?: number;
}

/**
 * Refuses hostile queries before they run: too deep, too many aliases (graphql-armor), or a body too large
 * to be a real query or of undeclared length. Breadth is bounded by `first`, capped in the resolvers, and
 * by the per-request record budget of the loaders.
 */
export function useLimits({ maxDepth = 12, maxAliases = 20, maxBodyBytes = 100_000 }: QueryLimits = {}): Plugin[] {
  const bodyLimit: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      const refuse = (status: number, code: string, message: string) =>
        endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), { status, headers: { 'content-type': 'application/json' } }));
      const declared = request.headers.get('content-length');
      // A chunked body declares no length and would be read whole: the length must be known up front
      // (Node's HTTP parser then delivers no more than the declared bytes).
      if (declared === null && request.method === 'POST') return refuse(411, 'LENGTH_REQUIRED', 'A POST request needs a Content-Length header.');
      const length = Number(declared ?? 0);
      if (length > maxBodyBytes) refuse(413, 'PAYLOAD_TOO_LARGE', `Request body of ${length} bytes is over the ${maxBodyBytes}-byte limit.`);
    },
  };
  return [
    bodyLimit,
    maxDepthPlugin({ n: maxDepth, flattenFragments: true, exposeLimits: true }),
    maxAliasesPlugin({ n: maxAliases, exposeLimits: true }),
  ] as Plugin[];
}
