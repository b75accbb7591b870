import { AsyncLocalStorage } from 'node:async_hooks';

export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Wraps a lock (`hold`, which may be cross-process) so that tasks of this process queue for it in order
 * instead of contending, and a task that already holds it (a write inside a resolve-and-write) does not
 * wait for itself.
 */
export function exclusiveRunner(hold: Exclusive = (task) => task()): Exclusive {
  const held = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    if (held.getStore()) return task();
    const run = tail.then(() => hold(() => held.run(true, task)));
    tail = run.catch(() => {});
    return run;
  };
}
