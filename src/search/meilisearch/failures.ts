import {
  MeilisearchApiError,
  MeilisearchError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type Task,
} from 'meilisearch';
import { SearchError, SearchUnavailableError } from '../errors.js';

/**
 * Turns what the Meilisearch client throws into the search port's errors: the service unreachable, slow,
 * failing (5xx) or refusing our key becomes SearchUnavailableError; a request or task it rejects becomes
 * SearchError with Meilisearch's code and message. No API key ever reaches a message or a cause: the
 * client itself redacts its timeout errors, and any text that would still hold a key is redacted here.
 */
export class Failures {
  readonly host: string;
  private readonly secrets: string[];

  constructor(url: string, secrets: readonly (string | null | undefined)[]) {
    this.host = hostOf(url);
    this.secrets = [...new Set(secrets.filter((s): s is string => !!s))];
  }

  redact(text: string): string {
    return this.secrets.reduce((t, secret) => t.split(secret).join('[redacted]'), text);
  }

  /** `doing` completes "could not …": "search", "add documents"… */
  translate(error: unknown, doing: string): SearchError {
    if (error instanceof SearchError) return error;
    const cause = this.safeCause(error);
    const unavailable = (why: string) =>
      new SearchUnavailableError(this.redact(`the search service at ${this.host} is unavailable: ${why}`), { cause });

    if (error instanceof MeilisearchApiError) {
      const status = error.response.status;
      const what = error.cause ? `${error.cause.code}: ${error.cause.message}` : `HTTP ${status}`;
      if (status === 401 || status === 403) return unavailable(`it refused the API key (${what})`);
      if (status >= 500) return unavailable(`HTTP ${status} (${what})`);
      return new SearchError(this.redact(`could not ${doing}: Meilisearch answered ${what}`), { cause });
    }
    if (error instanceof MeilisearchTaskTimeOutError) {
      return unavailable(`task ${error.cause.taskUid} did not finish within ${error.cause.timeout} ms`);
    }
    if (error instanceof MeilisearchRequestError) {
      const inner = error.cause;
      if (inner instanceof MeilisearchRequestTimeOutError) return unavailable(`no answer within ${inner.cause.timeout} ms`);
      return unavailable(networkReason(inner));
    }
    if (error instanceof SyntaxError) return unavailable('it answered with something other than Meilisearch JSON');
    const message = error instanceof Error ? error.message : String(error);
    const kind = error instanceof MeilisearchError ? 'the Meilisearch client failed: ' : '';
    return new SearchError(this.redact(`could not ${doing}: ${kind}${message}`), { cause });
  }

  /** A task that ended other than `succeeded`, named by its uid with Meilisearch's code and message. */
  taskFailed(task: Task): SearchError {
    const why = task.error ? `${task.error.code}: ${task.error.message}` : 'no error given';
    return new SearchError(this.redact(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${why}`));
  }

  /** The original error as cause, unless some text along its chain holds a key: then only a redacted summary. */
  private safeCause(error: unknown): unknown {
    for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
      if (this.secrets.some((s) => textOf(e).includes(s))) {
        return new Error(this.redact(error instanceof Error ? error.message : String(error)));
      }
    }
    return error;
  }
}

/** True when Meilisearch rejected a request with this error code (index_not_found…). */
export function hasCode(error: unknown, code: string): boolean {
  return error instanceof MeilisearchApiError && error.cause?.code === code;
}

/** fetch says only "fetch failed"; its cause says why (connect ECONNREFUSED 127.0.0.1:7700, bad port…). */
function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof inner?.message === 'string' && inner.message) return inner.message;
  if (typeof inner?.code === 'string') return inner.code;
  return cause instanceof Error ? cause.message : 'the request failed';
}

function textOf(value: unknown): string {
  let json = '';
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    // circular: the message is what matters
  }
  return `${value instanceof Error ? value.message : String(value)} ${json}`;
}

function hostOf(url: string): string {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`).host;
  } catch {
    return '(invalid url)';
  }
}
