import { Neo4jError } from 'neo4j-driver';
import { GraphStoreError, GraphStoreUnavailableError } from '../errors.js';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit', 'Neo.TransientError.General.DatabaseUnavailable', 'Neo.ClientError.Database.DatabaseNotFound']);

/**
 * Turns a driver error into the port's errors. A down server, a wrong password or a missing database is
 * "unavailable" (one line naming the address, never the password); anything else is a store error.
 */
export function storeError(error: unknown, address: string): Error {
  if (error instanceof GraphStoreError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || Neo4jError.isRetriable(error)) {
      const why = error.code === 'Neo.ClientError.Security.Unauthorized' ? 'the user name or password was refused' : firstLine(error.message);
      return new GraphStoreUnavailableError(`the Neo4j graph store at ${address} is unavailable: ${why}`, { cause: error });
    }
    return new GraphStoreError(`Neo4j refused a query: ${error.code}: ${firstLine(error.message)}`, { cause: error });
  }
  return error instanceof Error ? error : new GraphStoreError(String(error));
}

/** The driver's first line, cut after its last whole sentence within 200 characters (it runs on at length). */
function firstLine(text: string): string {
  const line = text.split('\n')[0]!;
  if (line.length <= 200) return line;
  const end = line.slice(0, 200).lastIndexOf('. ');
  return end > 0 ? line.slice(0, end + 1) : `${line.slice(0, 199)}…`;
}
