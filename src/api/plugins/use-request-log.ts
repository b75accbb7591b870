import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';

/** One log line per operation: its name, how long it took, and how many errors it returned. */
export function useRequestLog(logger: Logger): Plugin {
  return {
    onExecute({ args }) {
      const started = performance.now();
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? (result.errors?.length ?? 0) : 0;
          logger.info(
            { operation: args.operationName ?? null, ms: Math.round(performance.now() - started), errors },
            'graphql operation',
          );
        },
      };
    },
  };
}
