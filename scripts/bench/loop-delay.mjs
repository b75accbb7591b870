// Preloaded into the `tupu serve` child of the HTTP benchmark (node --import): the server's event-loop
// delay, measured from inside the process. Each SIGUSR2 writes what was recorded since the previous one
// (p50, p99, max in ms) to the file named by TUPU_BENCH_LOOP_DELAY, then starts afresh.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.TUPU_BENCH_LOOP_DELAY;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on('SIGUSR2', () => {
    const { count } = histogram;
    writeFileSync(file, JSON.stringify({ count, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) }));
    histogram.reset();
  });
}
