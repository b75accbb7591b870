import type { Logger } from 'pino';

const messageOf = (value: unknown) => (value instanceof Error ? value.message : String(value));

/**
 * yoga's logger, over pino. yoga logs at error level, with its stack, every error the masking function
 * rewrites, which is every client mistake (a bad cursor, a bad variable, a refused query): those are the
 * client's business and go to info as one line, without a stack. The masking function logs the
 * unexpected ones itself, at error level with everything (errors.ts).
 */
export function yogaLogger(logger: Logger) {
  return {
    debug: (...args: unknown[]) => logger.debug(args.map(messageOf).join(' ')),
    info: (...args: unknown[]) => logger.info(args.map(messageOf).join(' ')),
    warn: (...args: unknown[]) => logger.warn(args.map(messageOf).join(' ')),
    error: (...args: unknown[]) => logger.info({ problem: args.map(messageOf).join(' ') }, 'request answered with an error'),
  };
}
