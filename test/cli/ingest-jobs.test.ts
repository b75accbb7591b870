import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tupuSucceeds, tupuWith } from '../support/tupu.js';

// Several `tupu` processes, each starting TypeScript (and its extraction threads) on a busy two-core
// machine: a generous bound, not a timing assertion.
vi.setConfig({ testTimeout: 300_000 });

const article = (name: string) => new URL(`../fixtures/${name}.txt`, import.meta.url).pathname;

/**
 * Real articles in a directory, read in name order: the first holds by far the most text (the seed article
 * several times over), so with two threads the others are extracted before it; a binary file sits in the
 * middle, a GBK one after it, and a note that is no article beside them.
 */
async function articleDirectory(): Promise<{ dir: string; binary: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'tupu-ingest-jobs-'));
  const seed = await readFile(article('articles/bjp-2020-11-26-jinggangshan-summary'), 'utf8');
  await writeFile(join(dir, '01-seed-many-times.txt'), Array(40).fill(seed).join('\n'));
  await copyFile(article('articles/dongfeng-2010'), join(dir, '02-dongfeng.txt'));
  await copyFile(article('articles/liquan-2016'), join(dir, '03-liquan.txt'));
  const binary = join(dir, '04-binary.txt');
  await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  await writeFile(join(dir, '05-gansu-gbk.txt'), iconv.encode(await readFile(article('articles/gansu-2015'), 'utf8'), 'gb18030'));
  await copyFile(article('articles/jiangxi-2023'), join(dir, '06-jiangxi.txt'));
  await copyFile(article('synthetic/issue-patterns'), join(dir, '07-issue-patterns.txt'));
  await copyFile(article('articles/bjp-2020-11-26-jinggangshan-summary'), join(dir, '08-seed.txt'));
  await writeFile(join(dir, 'notes.md'), '# not an article: a directory is read for .txt, .htm and .html only');
  return { dir, binary };
}

/** The graph a data directory holds, as `tupu stats` and `tupu export` (every node id, name, alias, edge, in id order) show it. */
async function graphOf(data: string) {
  const [stats, graphml] = await Promise.all([tupuSucceeds(data, 'stats'), tupuSucceeds(data, 'export', '--format', 'graphml')]);
  return { stats: JSON.parse(stats.stdout), graphml: graphml.stdout };
}

describe('tupu ingest on worker threads', () => {
  let serial: { data: string; run: Awaited<ReturnType<typeof tupuWith>> };
  let parallel: typeof serial;
  let binary: string;

  beforeAll(async () => {
    const made = await articleDirectory();
    binary = made.binary;
    const ingest = async (env: Record<string, string>, ...options: string[]) => {
      const data = await mkdtemp(join(tmpdir(), 'tupu-ingest-data-'));
      return { data, run: await tupuWith(env, data, 'ingest', made.dir, ...options) };
    };
    serial = await ingest({}, '--jobs', '1');
    parallel = await ingest({ TUPU_JOBS: '2' });
  });

  it('ingests a directory in name order, reporting and skipping the bad article, with one thread or two', () => {
    for (const { run } of [serial, parallel]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^7 documents ingested, \d+ new entities, \d+ merged, 1 errors$/m);
      expect(run.stderr.trim()).toBe(`tupu: ${binary}: not a text file (it contains NUL bytes)`);
    }
    expect(parallel.run.stdout).toBe(serial.run.stdout);
  });

  it('gives the graph of a serial ingest, node for node, alias for alias, source for source', async () => {
    const [one, two] = await Promise.all([graphOf(serial.data), graphOf(parallel.data)]);
    expect(one.stats.nodes.Document).toBe(6); // the seed article, once and many times over, is one document (same title)
    expect(two.stats).toEqual(one.stats);
    expect(two.graphml).toBe(one.graphml);
  });

  it('leaves no drift between graph and index', async () => {
    for (const { data } of [serial, parallel]) expect((await tupuWith({}, data, 'check')).code).toBe(0);
  });

  it('refuses a number of threads that is not a whole number of 1 or more, before reading anything', async () => {
    const data = await mkdtemp(join(tmpdir(), 'tupu-ingest-jobs-bad-'));
    const result = await tupuWith({}, data, 'ingest', article('articles/gansu-2015'), '--jobs', '0');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('tupu: --jobs must be a whole number of threads, 1 or more, not "0"');
  });

  it('reports a directory holding no article, and stores nothing', async () => {
    const [data, dir] = await Promise.all([mkdtemp(join(tmpdir(), 'tupu-ingest-none-')), mkdtemp(join(tmpdir(), 'tupu-no-articles-'))]);
    await writeFile(join(dir, 'notes.md'), '北京天文馆');
    const result = await tupuWith({}, data, 'ingest', dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`tupu: ${dir}: a directory with no article files (.txt, .htm, .html)`);
    expect(result.stdout).toMatch(/^0 documents ingested, 0 new entities, 0 merged, 1 errors$/m);
  });
});
