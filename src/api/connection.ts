import type { Page } from '../graph/port.js';

/** `first` as asked, within [0, max]: a client asking for 100000 gets the cap, not an error. */
export function capFirst(first: number | null | undefined, max: number, fallback = 20): number {
  if (first === null || first === undefined) return Math.min(fallback, max);
  return Math.max(0, Math.min(Math.trunc(first), max));
}

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
