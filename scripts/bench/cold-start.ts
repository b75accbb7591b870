import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, ms, time, type Row } from './measure.js';
import { graphql, memoryOf, serve } from './server.js';

/**
 * `npm start` on a fresh data directory: process start, tsx, loading the seeds, listening, and the first
 * search answered. Each try gets its own empty TUPU_DATA, so every one pays the seed load.
 */
export async function measureColdStart(tries: number): Promise<{ row: Row; seedsRss: number }> {
  const times: number[] = [];
  let seedsRss = 0;
  for (let i = 0; i < tries; i++) {
    const data = await mkdtemp(join(tmpdir(), 'tupu-bench-cold-'));
    let stop = async () => {};
    try {
      times.push(
        await time(async () => {
          const served = await serve(data);
          stop = served.stop;
          const found = await graphql(served.url, '{ search(query: "李建文") { total } }');
          if (!found.search.total) throw new Error('the seeds were not loaded');
          seedsRss = (await memoryOf(served.child.pid!)).rss;
        }),
      );
    } finally {
      await stop();
      await rm(data, { recursive: true, force: true });
    }
  }
  const note = `${tries} tries, each on an empty TUPU_DATA (loads the seeds)`;
  return { row: { measurement: 'cold start: npm start → first answered search', value: ms(median(times)), baseline: '', ratio: '', target: '', note }, seedsRss };
}
