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
 * to be a real query. Breadth is bounded by `first`, capped in the resolvers.
 */
export function useLimits({ maxDepth = 12, maxAliases = 20, maxBodyBytes = 100_000 }: QueryLimits = {}): Plugin[] {
  const bodyLimit: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBodyBytes) {
        const errors = [{ message: `Request body of ${length} bytes is over the ${maxBodyBytes}-byte limit.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }];
        endResponse(new fetchAPI.Response(JSON.stringify({ errors }), { status: 413, headers: { 'content-type': 'application/json' } }));
      }
    },
  };
  return [
    bodyLimit,
    maxDepthPlugin({ n: maxDepth, flattenFragments: true, exposeLimits: true }),
    maxAliasesPlugin({ n: maxAliases, exposeLimits: true }),
  ] as Plugin[];
}
