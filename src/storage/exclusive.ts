import { AsyncLocalStorage } from 'node:async_hooks';

export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Which runners the running task holds. One storage for the process, not one per runner: a storage once
 * used stays registered with async_hooks, and every promise created afterwards is propagated through each
 * (a scratch store per ingest batch made that thousands, and the load ever slower).
 */
const held = new AsyncLocalStorage<ReadonlySet<object>>();

/**
 * Wraps a lock (`hold`, which may be cross-process) so that tasks of this process queue for it in order
 * instead of contending, and a task that already holds it (a write inside a resolve-and-write) does not
 * wait for itself.
 */
export function exclusiveRunner(hold: Exclusive = (task) => task()): Exclusive {
  const runner = {};
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const holding = held.getStore();
    if (holding?.has(runner)) return task();
    const run = tail.then(() => hold(() => held.run(new Set([...(holding ?? []), runner]), task)));
    tail = run.catch(() => {});
    return run;
  };
}
