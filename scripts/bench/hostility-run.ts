import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runHostility, type Latencies } from './hostility.js';
import { mib, ms } from './measure.js';
import { memoryOf, serve } from './server.js';

/**
 * `npm run bench:hostility [-- --bodies 400 --clients 4]`: `tupu serve` on the seeds in a child process;
 * first the normal load alone (searches and /healthz), then the same beside `clients` clients each
 * sending `bodies` hostile bodies (hostility.ts). Prints latencies of both and the server's memory.
 */
const { values } = parseArgs({ options: { bodies: { type: 'string', default: '400' }, clients: { type: 'string', default: '4' } } });
const bodies = Number(values.bodies);
const clients = Number(values.clients);
const queries = ['李建文', '天文馆', 'zhuangjia', '科技部', '井冈山', 'zj', '北京天文館', '庄嘉'];

const line = (name: string, l: Latencies) => `${name.padEnd(28)} ${String(l.count).padStart(6)} requests, ${l.failures} failed, p50 ${ms(l.p50)}, p99 ${ms(l.p99)}`;

const data = await mkdtemp(join(tmpdir(), 'tupu-hostility-'));
const served = await serve(data);
try {
  const pid = served.child.pid!;
  const calm = await runHostility({ url: served.url, hostileClients: 0, bodiesPerClient: 0, normalClients: 4, queries, minimumRequests: 400 });
  const before = await memoryOf(pid);
  const started = performance.now();
  const stormy = await runHostility({ url: served.url, hostileClients: clients, bodiesPerClient: bodies, normalClients: 4, queries });
  const seconds = (performance.now() - started) / 1000;
  const after = await memoryOf(pid);
  console.log(`tupu serve on the seeds; ${clients} hostile clients × ${bodies} bodies in ${seconds.toFixed(0)} s beside 4 normal clients`);
  console.log(line('search, alone', calm.search));
  console.log(line('/healthz, alone', calm.healthz));
  console.log(line('search, during the flood', stormy.search));
  console.log(line('/healthz, during the flood', stormy.healthz));
  console.log(`hostile answers: ${JSON.stringify(stormy.hostile)}`);
  console.log(`server RSS ${mib(before.rss)} before the flood, ${mib(after.rss)} after, peak ${mib(after.peak)}`);
} finally {
  await served.stop();
  await rm(data, { recursive: true, force: true });
}
