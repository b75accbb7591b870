import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Extracted } from './extract-task.js';

const WORKER = new URL('./extract-worker.mjs', import.meta.url);

export interface ExtractionOptions {
  /** How many worker threads extract at once (default: the machine's cores). */
  jobs?: number;
  /** How many articles may be extracted ahead of the one the caller is loading: what bounds memory on 10,000 files. */
  ahead?: number;
  /** The worker module (extract-worker.mjs); tests give one that misbehaves. */
  worker?: URL;
}

/**
 * Extracts article files on worker threads and yields each one's facts (or why it is no article) in the
 * order of `files`, whatever order the threads finish in: what is resolved from them is then exactly what
 * a serial run resolves. Each thread loads nodejieba and the lexicons once, and segments with the
 * extraction lexicons only, never with the names the search index has taught the main thread's nodejieba.
 * A thread that fails (a bug, a crash) fails only its article, with a message saying so.
 */
export async function* extractArticles(files: readonly string[], options: ExtractionOptions = {}): AsyncGenerator<Extracted> {
  const { jobs = availableParallelism(), ahead = 2 * jobs, worker = WORKER } = options;
  if (!files.length) return; // no thread started (seconds each) for nothing
  const threads = Math.min(jobs, files.length);
  // execArgv: [] — the thread registers tsx itself, whatever loader flags (tsx, vitest) started this process.
  const pool = new Piscina<string, Extracted>({ filename: worker.href, minThreads: threads, maxThreads: threads, execArgv: [] });
  const extract = (file: string) => pool.run(file).catch((error: Error): Extracted => ({ file, error: `${file}: the thread extracting it failed (${error.message})` }));
  try {
    yield* inInputOrder(files, extract, ahead);
  } finally {
    await pool.destroy();
  }
}

/**
 * Runs `run` on the items, at most `ahead` of them started and not yet done with by the caller (the one it
 * holds included), and yields the results in the items' order. A rejection is raised in its turn, not before.
 */
export async function* inInputOrder<T, R>(items: readonly T[], run: (item: T) => Promise<R>, ahead: number): AsyncGenerator<R> {
  if (!(Number.isInteger(ahead) && ahead >= 1)) throw new RangeError(`ahead must be a positive integer, not ${ahead}`);
  const started: Promise<R>[] = [];
  let next = 0;
  const startMore = () => {
    while (next < items.length && started.length < ahead) {
      const result = run(items[next++]!);
      result.catch(() => {}); // awaited in its turn; until then it must not count as unhandled
      started.push(result);
    }
  };
  startMore();
  while (started.length) {
    yield await started.shift()!;
    startMore(); // once the caller is done with that one, so at most `ahead` results are held in all
  }
}
