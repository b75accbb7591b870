/** Timing and summary helpers shared by the measurements; every figure the table prints goes through here. */

export interface Row {
  measurement: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  /** What the figure covers or what limits it. */
  note?: string;
}

export const skipped = (measurement: string, why: string): Row => ({ measurement, value: why, baseline: '', ratio: '', target: '' });

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Milliseconds taken by one call. */
export async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Latencies (ms) of running `fn` on each input in turn, after `warmup` unmeasured calls. */
export async function latencies<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>, warmup = 5): Promise<number[]> {
  for (const input of inputs.slice(0, warmup)) await fn(input);
  const out: number[] = [];
  for (const input of inputs) out.push(await time(() => fn(input)));
  return out;
}

export const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(1)} ms` : `${(value * 1000).toFixed(0)} µs`);
export const rate = (value: number, unit: string) => `${Math.round(value).toLocaleString('en-US')} ${unit}/s`;
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** "12.3×" and whether the target holds; `higherIsBetter` says which way the target points. */
export function ratio(value: number, baseline: number, target: number, higherIsBetter: boolean): Pick<Row, 'ratio' | 'target'> {
  const r = value / baseline;
  const met = higherIsBetter ? r >= target : r <= target;
  return { ratio: `${r.toFixed(2)}×`, target: `${higherIsBetter ? '≥' : '≤'} ${target}× ${met ? 'met' : 'NOT met'}` };
}

/** Deterministic sample of `count` items spread evenly over a list. */
export function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]!);
}
