import { GraphQLError } from 'graphql';
import { BadCursorError } from '../graph/cursor.js';
import { GraphStoreUnavailableError } from '../graph/errors.js';
import { SearchUnavailableError } from '../search/errors.js';
import { QueryTooLargeError } from './loaders.js';

/** The error codes clients can rely on, in `extensions.code`. */
const known: [new (...args: never[]) => Error, string, (e: Error) => string][] = [
  [GraphStoreUnavailableError, 'GRAPH_STORE_UNAVAILABLE', () => 'The graph store is unavailable; try again shortly.'],
  [SearchUnavailableError, 'SEARCH_UNAVAILABLE', () => 'The search service is unavailable; graph queries still work.'],
  [BadCursorError, 'BAD_USER_INPUT', (e) => e.message],
  [QueryTooLargeError, 'QUERY_TOO_LARGE', (e) => e.message],
];

// Plugins built as CommonJS throw the CommonJS build's GraphQLError, which `instanceof` does not recognise.
const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof Error && error.name === 'GraphQLError';

/**
 * The one place where thrown values become GraphQL errors. Known failures get a code and a message written
 * for the client; anything else is masked (no stack, no internals), and the original goes to the log.
 */
export function createMaskError(log: (error: unknown) => void) {
  return (error: unknown, message: string): Error => {
    const original = isGraphQLError(error) && error.originalError ? error.originalError : error;
    if (isGraphQLError(original)) return original; // validation, armor limits, bad arguments: meant for clients
    const path = isGraphQLError(error) ? error.path : undefined;
    for (const [type, code, text] of known) {
      if (original instanceof type) return new GraphQLError(text(original), { path, extensions: { code } });
    }
    log(original);
    return new GraphQLError(message, { path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
