import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { ArticleError } from '../extract/errors.js';
import { BadCursorError } from '../graph/cursor.js';
import { GraphStoreUnavailableError } from '../graph/errors.js';
import { BadInputError } from '../ingest/errors.js';
import { SearchUnavailableError } from '../search/errors.js';
import { QueryTooLargeError } from './loaders.js';

/** An argument that is well-typed but meaningless (first: -1, from after to). */
export class BadArgumentError extends Error {
  override name = 'BadArgumentError';
}

/** An id that must name something stored and does not (path, neighborhood, retractDocument). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(readonly id: string) {
    super(`nothing has the id "${id.slice(0, 80)}"`);
  }
}

/** A request without a valid token (401) or whose token lacks the scope it needs (403). */
export class AccessError extends Error {
  override name = 'AccessError';
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
  }
}

type Known = [new (...args: never[]) => Error, string, (e: Error) => string];

/** The error codes clients can rely on, in `extensions.code`. */
const known: Known[] = [
  [GraphStoreUnavailableError, 'GRAPH_STORE_UNAVAILABLE', () => 'The graph store is unavailable; try again shortly.'],
  [SearchUnavailableError, 'SEARCH_UNAVAILABLE', () => 'The search service is unavailable; graph queries still work.'],
  [BadCursorError, 'BAD_USER_INPUT', (e) => e.message],
  [BadArgumentError, 'BAD_USER_INPUT', (e) => e.message],
  [BadInputError, 'BAD_USER_INPUT', (e) => e.message], // an article whose facts do not validate
  [ArticleError, 'BAD_USER_INPUT', (e) => e.message], // empty, binary or oversized text
  [NotFoundError, 'NOT_FOUND', (e) => e.message],
  [QueryTooLargeError, 'QUERY_TOO_LARGE', (e) => e.message],
];

/**
 * A GraphQL error for the client, with its code and, when the whole request fails, its HTTP status
 * (`spec: false`, or yoga answers validation errors with 200 to clients that accept application/json).
 */
export function codedError(code: string, message: string, status?: number, path?: readonly (string | number)[]): GraphQLError {
  // yoga's own constructor: the GraphQLError class of the graphql build yoga loaded (CommonJS or ESM), so
  // that yoga recognises the error and keeps its status instead of wrapping it.
  return createGraphQLError(message, { path, extensions: status ? { code, http: { status, spec: false } } : { code } });
}

/** A whole response refused before GraphQL runs, in the same shape as a GraphQL error. */
export function refusal(fetchAPI: { Response: typeof Response }, status: number, code: string, message: string): Response {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  return new fetchAPI.Response(body, { status, headers: { 'content-type': 'application/json' } });
}

// Plugins built as CommonJS throw the CommonJS build's GraphQLError, which `instanceof` does not recognise.
const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof Error && error.name === 'GraphQLError';

/**
 * The one place where thrown values become GraphQL errors. Known failures get a code and a message written
 * for the client; anything else is masked (no stack, no internals), and the original goes to the log.
 */
export function createMaskError(log: (error: unknown) => void) {
  return (error: unknown, message: string): Error => {
    const original = isGraphQLError(error) && error.originalError ? error.originalError : error;
    const path = isGraphQLError(error) ? error.path : undefined;
    if (isGraphQLError(original)) {
      // Validation and limits come coded; a variable of the wrong type does not, and fails the whole
      // request (no path): the outer error is the one that names the variable.
      if (original.extensions?.code) return original;
      return codedError('BAD_USER_INPUT', (error as GraphQLError).message, path ? undefined : 400, path);
    }
    if (original instanceof AccessError) return codedError(original.code, original.message, original.code === 'UNAUTHENTICATED' ? 401 : 403, path);
    for (const [type, code, text] of known) {
      if (original instanceof type) return codedError(code, text(original), undefined, path);
    }
    log(original);
    return codedError('INTERNAL_SERVER_ERROR', message, undefined, path);
  };
}
