import type { Page } from '../graph/port.js';
import { BadArgumentError } from './errors.js';

/**
 * A count argument within [min, max]: below `min` is the client's mistake and an error; above `max` is
 * capped (a client asking for 100000 gets the cap), since the answer is then still what was asked, shorter.
 */
export function bounded(name: string, value: number | null | undefined, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  if (value === null || value === undefined) return Math.min(fallback, max);
  if (value < min) throw new BadArgumentError(`${name} must be at least ${min}, got ${value}`);
  return Math.min(Math.trunc(value), max);
}

/** `first` of a connection: at least 1, capped at `max`. */
export const capFirst = (first: number | null | undefined, max: number, fallback = 20) => bounded('first', first, { min: 1, max, fallback });

/** A Relay connection from a store page. */
export function toConnection<T>(page: Page<T>, after: string | null | undefined) {
  return {
    edges: page.items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: !!after,
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items.at(-1)?.cursor ?? null,
    },
  };
}
