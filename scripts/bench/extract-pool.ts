import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractArticles } from '../../src/ingest/extract-pool.js';
import { extractFile } from '../../src/ingest/extract-task.js';
import { articles } from './extract.js';
import { median, mib, rate } from './measure.js';

/**
 * `npm run bench:extract-pool -- [--copies N] [--rounds R] [--jobs J]`: the extraction of `tupu ingest`
 * (read, decode, extract, check each article file) on the main thread as before, on a pool of 1 thread
 * and on a pool of J threads (default: the machine's cores), over the same files: the project's real
 * articles, N copies of each. Each way runs in a new process, cold as a user's `tupu ingest` is (its
 * JIT not warmed by an earlier way), and is timed from its first article to its last: loading nodejieba
 * and starting the pool's threads included. Rounds rotate the order of the ways so drift in the
 * machine's load spreads evenly.
 */
const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    // Internal: run one way on the files of this directory and print what it measured as JSON.
    child: { type: 'string' },
    directory: { type: 'string' },
  },
});
const [copies, rounds, jobs] = [values.copies, values.rounds, values.jobs].map(Number) as [number, number, number];
for (const [name, n] of Object.entries({ copies, rounds, jobs })) if (!(Number.isInteger(n) && n >= 1)) throw new Error(`--${name} must be a positive integer`);

interface Measured {
  chars: number;
  wallMs: number;
  cpuMs: number;
  rssMiB: number;
}

/** One way, in this (new) process: every file must give its facts, or the figure would measure failures. */
async function runWay(way: string, directory: string): Promise<Measured> {
  const files = (await readdir(directory)).sort().map((name) => join(directory, name));
  const texts = way === 'main' ? mainThread(files) : extractArticles(files, { jobs: Number(way) });
  const [cpu, start] = [process.cpuUsage(), performance.now()];
  let chars = 0;
  for await (const result of texts) {
    if ('error' in result) throw new Error(result.error);
    chars += result.document.text?.length ?? 0;
  }
  const { user, system } = process.cpuUsage(cpu); // every thread of the process
  return { chars, wallMs: performance.now() - start, cpuMs: (user + system) / 1000, rssMiB: process.resourceUsage().maxRSS / 1024 };
}

async function* mainThread(files: string[]) {
  for (const file of files) yield { file, document: await extractFile(file) };
}

if (values.child) {
  console.log(JSON.stringify(await runWay(values.child, values.directory!)));
  process.exit(0);
}

const loads = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
console.log(`extraction on worker threads: commit ${commit}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; load average at start ${loads()}`);

const texts = await articles();
const directory = await mkdtemp(join(tmpdir(), 'tupu-bench-extract-'));
try {
  for (let copy = 0; copy < copies; copy++) {
    for (const [i, text] of texts.entries()) await writeFile(join(directory, `${String(copy).padStart(6, '0')}-${i}.txt`), text);
  }
  console.log(`${copies * texts.length} files (${texts.length} articles × ${copies}), ${(copies * texts.reduce((n, t) => n + t.length, 0)).toLocaleString('en-US')} characters; ${rounds} rounds`);
  const ways: [string, string][] = [
    ['main', 'main thread (before)'],
    ['1', 'pool of 1 thread'],
    [String(jobs), `pool of ${jobs} threads`],
  ];
  const runs = new Map<string, Measured[]>(ways.map(([way]) => [way, []]));
  const self = fileURLToPath(import.meta.url);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < ways.length; k++) {
      const [way, name] = ways[(round + k) % ways.length]!;
      const output = execFileSync(process.execPath, [...process.execArgv, self, '--child', way, '--directory', directory], { encoding: 'utf8' });
      const measured = JSON.parse(output.trim().split('\n').at(-1)!) as Measured;
      runs.get(way)!.push(measured);
      process.stderr.write(`round ${round + 1}, ${name}: ${JSON.stringify(measured)}, load average ${loads()}\n`);
    }
  }
  const wallRate = (m: Measured) => m.chars / (m.wallMs / 1000);
  const cpuRate = (m: Measured) => m.chars / (m.cpuMs / 1000);
  const before = median(runs.get('main')!.map(wallRate));
  console.log('| extraction of tupu ingest | median chars/s (wall clock) | vs main thread | chars per CPU-second (all threads) | peak RSS | rounds (wall clock) |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [way, name] of ways) {
    const measured = runs.get(way)!;
    const wall = median(measured.map(wallRate));
    const cpu = `${Math.round(median(measured.map(cpuRate))).toLocaleString('en-US')}`;
    console.log(`| ${name} | ${rate(wall, 'chars')} | ${(wall / before).toFixed(2)}× | ${cpu} | ${mib(median(measured.map((m) => m.rssMiB)) * 2 ** 20)} | ${measured.map((m) => rate(wallRate(m), 'chars')).join(', ')} |`);
  }
  console.log(`load average at end ${loads()}`);
} finally {
  await rm(directory, { recursive: true, force: true });
}
