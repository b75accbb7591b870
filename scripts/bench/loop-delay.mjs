// Preloaded into the `tupu serve` child of the HTTP benchmark (node --import): the server's event-loop
// delay and its garbage-collection pauses, measured from inside the process. Each SIGUSR2 writes what was
// recorded since the previous one (delay p50, p99, max; GC pauses count, total, longest; all in ms) to the
// file named by TUPU_BENCH_LOOP_DELAY, then starts afresh.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.TUPU_BENCH_LOOP_DELAY;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const gc = { count: 0, total: 0, longest: 0 };
  new PerformanceObserver((list) => {
    for (const { duration } of list.getEntries()) {
      gc.count++;
      gc.total += duration;
      gc.longest = Math.max(gc.longest, duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const round = (value) => Math.round(value * 100) / 100;
  process.on('SIGUSR2', () => {
    const recorded = { count: delay.count, p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
    writeFileSync(file, JSON.stringify({ ...recorded, gc: { count: gc.count, total: round(gc.total), longest: round(gc.longest) } }));
    delay.reset();
    Object.assign(gc, { count: 0, total: 0, longest: 0 });
  });
}
