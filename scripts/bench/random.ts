/**
 * A seeded PRNG (mulberry32) and the few draws the corpus needs. Math.random is not used anywhere in the
 * benchmark corpus: the same seed and scale must give byte-identical documents on every machine.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (random: Random, n: number): number => Math.floor(random() * n);

export const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;

/** Picks from [item, weight] pairs by weight, through a precomputed cumulative table (binary search). */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of pairs) cumulative.push((total += w));
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return pairs[lo]![0];
  };
}

/** An ISO date uniformly between two years inclusive, plus a shift in days. */
export function isoDate(random: Random, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  return new Date(start + int(random, (end - start) / 86_400_000 + 1) * 86_400_000).toISOString().slice(0, 10);
}

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
