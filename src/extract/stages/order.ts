/**
 * The number of leading `items` (in text order) for which `before` holds: a binary search, so stages that
 * look up what precedes a position stay linear on long articles.
 */
export function countBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}
