import { ConfigError, redactorFor } from '../config.js';
import { meaningOf } from '../errno.js';
import { ArticleError } from '../extract/errors.js';
import { ExportError } from '../export/errors.js';
import { GraphStoreError } from '../graph/errors.js';
import { BadInputError, BadInputErrors, PartialLoadError } from '../ingest/errors.js';
import { SearchError } from '../search/errors.js';
import { StorageError } from '../storage/errors.js';
import { UsageError } from './commands.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** Known failures, their exit code: 2 for what the user gave us, 3 for the services and files we depend on. */
const EXIT_CODES: [ErrorClass, number][] = [
  [BadInputError, 2],
  [ArticleError, 2],
  [UsageError, 2],
  [ConfigError, 2],
  [ExportError, 2],
  [GraphStoreError, 3],
  [SearchError, 3],
  [StorageError, 3],
];

const isSystemError = (error: unknown): error is NodeJS.ErrnoException & { path: string } =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).path === 'string';

/**
 * Prints a failure as one clear line on stderr (secrets and credentials masked) and returns the exit code.
 * A stack is shown only for an unexpected error and only at LOG_LEVEL=debug or trace: users get the message.
 */
export function report(error: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const redact = redactorFor(env);
  const say = (line: string) => process.stderr.write(`tupu: ${redact(line)}\n`);
  if (error instanceof BadInputErrors) {
    error.errors.forEach((e) => say(e.message));
    say(`nothing was loaded (${error.errors.length} bad file${error.errors.length > 1 ? 's' : ''})`);
    return 2;
  }
  // A load that wrote part of its batches fails as its failed batch did; the message says what was written.
  const known = EXIT_CODES.find(([type]) => error instanceof type || (error instanceof PartialLoadError && error.cause instanceof type));
  if (known) {
    say((error as Error).message);
    return known[1];
  }
  if (isSystemError(error)) {
    say(`${error.path}: ${meaningOf(error.code) ?? error.message} (${error.code})`);
    return 3;
  }
  const verbose = env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace';
  const detail = error instanceof Error ? (verbose ? (error.stack ?? error.message) : `${error.name}: ${error.message}`) : String(error);
  say(`unexpected error: ${detail}${verbose ? '' : ' (LOG_LEVEL=debug shows where it happened)'}`);
  return 1;
}
