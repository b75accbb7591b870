import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { mib, type Row } from './measure.js';

const BIN = fileURLToPath(new URL('../../bin/tupu.js', import.meta.url));
/** The node flags on bin/tupu.js's first line (#!/usr/bin/env -S node …): the server is measured as `npm start` runs it. */
const BIN_FLAGS = readFileSync(BIN, 'utf8').split('\n')[0]!.split(/\s+/).filter((a) => a.startsWith('--'));
const LOOP_DELAY = fileURLToPath(new URL('./loop-delay.mjs', import.meta.url));
/** This process's V8 heap limit in MiB, as V8 reports it (old space + young generation). */
export const HEAP_LIMIT_MIB = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
/** The --max-old-space-size this process was given (NODE_OPTIONS or node's own arguments), if any. */
const HEAP_FLAGS = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv].filter((a) => a.startsWith('--max-old-space-size='));

export interface Served {
  child: ChildProcess;
  url: string;
  /** From spawning to the log line with the url: process start, journal replay, index rebuild, listen. */
  startMs: number;
  /** The server's event-loop delay (ms) since the previous call, measured inside it by loop-delay.mjs. */
  loopDelay(): Promise<LoopDelay>;
  stop(): Promise<void>;
}

export interface LoopDelay {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Garbage-collection pauses over the same time: how many, their sum and the longest (ms). */
  gc: { count: number; total: number; longest: number };
}

/**
 * `tupu serve` (what `npm start` runs) as a child process on 127.0.0.1 and a free port, over the data
 * directory given, always on the embedded default (the Neo4j and Meilisearch variables are removed).
 * Resolves when it logs the JSON line carrying its url.
 */
export function serve(data: string, timeoutMs = 1_800_000): Promise<Served> {
  const { NEO4J_URI: _n, MEILI_URL: _m, ...env } = process.env;
  const started = performance.now();
  // The same V8 heap limit as this process (NODE_OPTIONS reaches the child too; this also covers a flag
  // given to node directly): at S=100 the server holds the corpus as the benchmark does.
  const delayFile = join(tmpdir(), `tupu-loop-delay-${randomUUID()}.json`);
  // TUPU_BENCH_SERVER_FLAGS: node flags for the server only, e.g. a CPU profile of it under the HTTP load
  // (`--cpu-prof --cpu-prof-dir=DIR`, which NODE_OPTIONS does not allow).
  const extra = (process.env.TUPU_BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...BIN_FLAGS, ...HEAP_FLAGS.slice(-1), ...extra, '--import', LOOP_DELAY, BIN, 'serve'], {
    env: { ...env, TUPU_DATA: data, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', TUPU_BENCH_LOOP_DELAY: delayFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => void rm(delayFile, { force: true }).then(() => resolve()));
      child.kill('SIGTERM');
    });
  const loopDelay = async (): Promise<LoopDelay> => {
    await rm(delayFile, { force: true });
    child.kill('SIGUSR2');
    for (let waited = 0; waited < 10_000; waited += 50) {
      const written = await readFile(delayFile, 'utf8').catch(() => null);
      if (written) return JSON.parse(written) as LoopDelay;
      await sleep(50);
    }
    throw new Error('tupu serve did not report its event-loop delay');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void stop().then(() => reject(new Error('tupu serve did not start in time'))), timeoutMs);
    const tail: string[] = [];
    child.once('exit', (code) => reject(new Error(`tupu serve exited with ${code}: ${tail.join('\n')}`)));
    createInterface({ input: child.stderr! }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      const url = (() => {
        try {
          return (JSON.parse(line) as { url?: string }).url;
        } catch {
          return undefined;
        }
      })();
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, url, stop, loopDelay, startMs: performance.now() - started });
    });
  });
}

export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (!response.ok || body.errors?.length) throw new Error(`${url}: ${response.status} ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Resident and peak resident memory of a process, from /proc (Linux), in bytes. */
export async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * CPU time (user + system) a process has used, from /proc (Linux; 100 ticks a second): on a shared machine
 * the wall clock also counts the time spent waiting for a core.
 */
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
  return (utime! + stime!) / 100;
}

/**
 * A full garbage collection, so that stores this process let go of are gone (and their pages returned)
 * before a server holding the same corpus starts; returns this process's RSS after it.
 */
export function releaseMemory(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().rss;
}

/** What holding the corpus costs `tupu serve`: RSS once listening, per 1,000 entities loaded, and its start-up. */
export async function measureStartup(served: Served, scale: number, entities: number): Promise<Row> {
  const { rss, peak } = await memoryOf(served.child.pid!);
  const cpu = await cpuSecondsOf(served.child.pid!);
  return {
    measurement: `start-up and memory of tupu serve holding S=${scale}`,
    value: `${(served.startMs / 1000).toFixed(1)} s, RSS ${mib(rss)}`,
    baseline: '',
    ratio: '',
    target: '',
    note: `spawn → listening (journal replay, index rebuild), ${cpu.toFixed(1)} s of CPU; ${((rss / 2 ** 20 / entities) * 1000).toFixed(2)} MiB per 1,000 entities loaded (${entities}); peak ${mib(peak)}`,
  };
}
