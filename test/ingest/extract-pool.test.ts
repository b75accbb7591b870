import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extractArticles, inInputOrder } from '../../src/ingest/extract-pool.js';
import { extractFile, type Extracted } from '../../src/ingest/extract-task.js';
import { learnNames } from '../../src/search/tokenize.js';

// Each pool starts threads that load TypeScript and the segmentation dictionary: seconds apiece on a busy
// two-core machine. A generous bound, not a timing assertion.
vi.setConfig({ testTimeout: 120_000 });

const ARTICLES = ['bjp-2020-11-26-jinggangshan-summary', 'dongfeng-2010', 'gansu-2015', 'jiangxi-2023', 'liquan-2016'].map(
  (name) => new URL(`../fixtures/articles/${name}.txt`, import.meta.url).pathname,
);

/** A promise and the hands that settle it, so a test decides the order in which work finishes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('inInputOrder', () => {
  it('yields in the order of the items when the work finishes in the reverse order', async () => {
    const work = [0, 1, 2, 3, 4].map(() => deferred<number>());
    const order = inInputOrder([0, 1, 2, 3, 4], (i) => work[i]!.promise, 5);
    const taken = (async () => {
      const results: number[] = [];
      for await (const result of order) results.push(result);
      return results;
    })();
    for (const i of [4, 3, 2, 1, 0]) work[i]!.resolve(i * 10);
    expect(await taken).toEqual([0, 10, 20, 30, 40]);
  });

  it('never has more than `ahead` items started and not yet done with, however slowly the caller goes', async () => {
    let started = 0;
    let taken = 0;
    let most = 0;
    const run = async (i: number) => {
      started++;
      most = Math.max(most, started - taken);
      return i;
    };
    const results: number[] = [];
    for await (const result of inInputOrder([...Array(50).keys()], run, 3)) {
      results.push(result);
      await new Promise((resolve) => setImmediate(resolve)); // a slow consumer: the work could run far ahead
      taken++; // done with it
    }
    expect(results).toEqual([...Array(50).keys()]);
    expect(most).toBe(3);
  });

  it('raises a failure in its turn, after the results before it', async () => {
    const work = [0, 1, 2].map(() => deferred<string>());
    const results: string[] = [];
    const taking = (async () => {
      for await (const result of inInputOrder([0, 1, 2], (i) => work[i]!.promise, 3)) results.push(result);
    })();
    work[1]!.reject(new Error('second failed'));
    work[0]!.resolve('first');
    await expect(taking).rejects.toThrow('second failed');
    expect(results).toEqual(['first']);
  });
});

describe('extractArticles', () => {
  it('gives, in input order, the facts serial extraction gives, and each bad article as an error naming its file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tupu-pool-'));
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const files = [ARTICLES[0]!, empty, ...ARTICLES.slice(1), join(dir, 'missing.txt')];
    const extracted: Extracted[] = [];
    for await (const result of extractArticles(files, { jobs: 2 })) extracted.push(result);
    expect(extracted.map((e) => e.file)).toEqual(files);
    expect(extracted[1]).toEqual({ file: empty, error: `${empty}: the file is empty (no text to extract)` });
    expect(extracted.at(-1)).toEqual({ file: join(dir, 'missing.txt'), error: `${join(dir, 'missing.txt')}: no such file` });
    for (const [i, file] of ARTICLES.entries()) expect(extracted[i === 0 ? 0 : i + 1]).toEqual({ file, document: await extractFile(file) });
  });

  it('fails only the article whose thread crashed, saying so, and extracts the others on a new thread', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tupu-crash-'));
    const crash = join(dir, 'crash.txt');
    await writeFile(crash, '北京天文馆');
    const worker = new URL('../support/crashing-extract-worker.mjs', import.meta.url);
    const extracted: Extracted[] = [];
    for await (const result of extractArticles([ARTICLES[1]!, crash, ARTICLES[2]!, crash, ARTICLES[3]!], { jobs: 1, worker })) extracted.push(result);
    expect(extracted.map((e) => ('error' in e ? e.error : e.file))).toEqual([
      ARTICLES[1],
      `${crash}: the thread extracting it failed (worker exited with code: 70)`,
      ARTICLES[2],
      `${crash}: the thread extracting it failed (worker exited with code: 70)`,
      ARTICLES[3],
    ]);
  });

  // Last in this file: it teaches this thread's nodejieba names for good.
  it('extracts with its own lexicons only, not with the names the search index taught the main thread', async () => {
    const clean = await Promise.all(ARTICLES.map(extractFile));
    // What the embedded search index does with every name it indexes (tokenize.ts).
    learnNames(clean.flatMap(({ facts }) => [...facts.people.map((p) => p.name), ...facts.organizations.map((o) => o.name)]));
    const taught = await Promise.all(ARTICLES.map(extractFile));
    expect(taught).not.toEqual(clean); // the premise: names kept whole change what this thread extracts
    const pooled: Extracted[] = [];
    for await (const result of extractArticles(ARTICLES, { jobs: 2 })) pooled.push(result);
    expect(pooled).toEqual(ARTICLES.map((file, i) => ({ file, document: clean[i] })));
  });
});
