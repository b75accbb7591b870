import type { Plugin } from 'graphql-yoga';
import { refusal } from '../errors.js';

export interface RequestLimits {
  /** Largest request body, in bytes. */
  maxBodyBytes?: number;
  /** Largest body from a caller with the write scope: an article of up to 5 MB, as `tupu ingest` takes. */
  maxWriteBodyBytes?: number;
}

/** GET parameters that must hold JSON when present. */
const JSON_PARAMETERS = ['variables', 'extensions'] as const;

/**
 * Refuses malformed requests before yoga reads them: a body too large to be a real query or of
 * undeclared length, and GET parameters that are not JSON (yoga answered those with an internal error,
 * HTTP 200, and three stacks in the log).
 */
export function useRequestLimits(
  { maxBodyBytes = 100_000, maxWriteBodyBytes = 6 * 1024 * 1024 }: RequestLimits,
  mayWrite: (request: Request) => boolean,
): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const refuse = (status: number, code: string, message: string) => endResponse(refusal(fetchAPI, status, code, message));
      if (request.method === 'GET') {
        for (const name of JSON_PARAMETERS) {
          const value = url.searchParams.get(name);
          if (value !== null && !isJson(value)) return refuse(400, 'BAD_REQUEST', `The ${name} parameter is not valid JSON.`);
        }
        return;
      }
      const declared = request.headers.get('content-length');
      // A chunked body declares no length and would be read whole: the length must be known up front
      // (Node's HTTP parser then delivers no more than the declared bytes).
      if (declared === null && request.method === 'POST') return refuse(411, 'LENGTH_REQUIRED', 'A POST request needs a Content-Length header.');
      const length = Number(declared ?? 0);
      const limit = mayWrite(request) ? maxWriteBodyBytes : maxBodyBytes;
      if (length > limit) refuse(413, 'PAYLOAD_TOO_LARGE', `Request body of ${length} bytes is over the ${limit}-byte limit.`);
    },
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
