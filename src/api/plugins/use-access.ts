import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { codedError } from '../errors.js';
import { identify, type Caller, type TokenEntry } from '../tokens.js';

/** Who sent a request: a caller, nobody (no Authorization header), or a token that is not valid. */
export type Presented = Caller | 'nobody' | 'invalid';

/** Finds each request's caller once (the body limit and the access check both ask). */
export function callerLookup(tokens: readonly TokenEntry[]): (request: Request) => Presented {
  const found = new WeakMap<Request, Presented>();
  return (request) => {
    let caller = found.get(request);
    if (caller === undefined) {
      const header = request.headers.get('authorization');
      const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
      caller = header === null ? 'nobody' : bearer ? (identify(tokens, bearer) ?? 'invalid') : 'invalid';
      found.set(request, caller);
    }
    return caller;
  };
}

/** Why a caller may not do what the operation needs, as the error to answer; null when it may. */
export function refusal(caller: Presented, needs: 'read' | 'write' | null) {
  if (caller === 'invalid') return codedError('UNAUTHENTICATED', 'The bearer token is not one this server knows.', 401);
  if (!needs) return null;
  if (caller === 'nobody') return codedError('UNAUTHENTICATED', `This operation needs a bearer token with the ${needs} scope.`, 401);
  if (needs === 'write' && caller.scope !== 'write') return codedError('FORBIDDEN', `The token "${caller.name}" may read, not write.`, 403);
  return null;
}

export interface AccessOptions {
  tokens: readonly TokenEntry[];
  callerOf: (request: Request) => Presented;
  logger: Logger;
}

/**
 * Mutations need a token with the write scope; queries need one only when a read token is configured.
 * The check runs before execution, so a refused write writes nothing. Every write is logged with the
 * name of its token (never the token) and what it returned.
 */
/** Whether reading needs a token: only once a read token is configured. */
export const readsNeedToken = (tokens: readonly TokenEntry[]) => tokens.some((t) => t.scope === 'read');

export function useAccess({ tokens, callerOf, logger }: AccessOptions): Plugin {
  const readNeeds = readsNeedToken(tokens) ? 'read' : null;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const caller = callerOf((args.contextValue as { request: Request }).request);
      const writes = getOperationAST(args.document, args.operationName)?.operation === 'mutation';
      const refused = refusal(caller, writes ? 'write' : readNeeds);
      if (refused) return setResultAndStopExecution({ errors: [refused] });
      if (!writes) return;
      return {
        onExecuteDone({ result }) {
          const answer = 'data' in result ? { data: result.data, errors: result.errors?.map((e) => e.message) } : {};
          logger.info({ token: (caller as Caller).name, operation: args.operationName ?? null, ...answer }, 'write');
        },
      };
    },
  };
}
