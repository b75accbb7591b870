import { execFileSync } from 'node:child_process';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/ingest/errors.js';
import { readInputFile } from '../../src/ingest/files.js';
import { readFactsFile } from '../../src/ingest/read.js';

describe('input files are checked before they are read', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tupu-files-'));
  });

  it('reads a regular file whole', async () => {
    await writeFile(join(dir, 'a.txt'), '北京天文馆');
    expect((await readInputFile(join(dir, 'a.txt'), 100)).toString('utf8')).toBe('北京天文馆');
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(readInputFile(fifo, 100)).rejects.toThrow(`${fifo}: not a regular file (a named pipe)`);
  });

  it('refuses a device and a directory by what they are', async () => {
    await expect(readInputFile('/dev/zero', 100)).rejects.toThrow('/dev/zero: not a regular file (a device)');
    await expect(readInputFile(dir, 100)).rejects.toThrow(`${dir}: not a regular file (a directory)`);
  });

  it('refuses a large sparse file by its size on disk, without reading it', async () => {
    const sparse = join(dir, 'sparse.bin');
    const handle = await open(sparse, 'w');
    await handle.truncate(1 << 30); // 1 GiB of holes: reading it would allocate it all
    await handle.close();
    await expect(readInputFile(sparse, 1000)).rejects.toThrow(`${sparse}: 1073741824 bytes is over the 1000-byte limit`);
  });

  it('stops reading at the limit when the size on disk says less than there is', async () => {
    // Files under /proc report a size of 0 and hold more.
    await expect(readInputFile('/proc/self/status', 10)).rejects.toThrow('/proc/self/status: it holds more than the 10-byte limit');
  });

  it('names a missing file', async () => {
    const error = await readInputFile(join(dir, 'nope.txt'), 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toBe(`${join(dir, 'nope.txt')}: no such file`);
  });

  it('refuses a facts file whose source is a device, naming the JSON path', async () => {
    const facts = join(dir, 'zero.facts.json');
    await writeFile(facts, JSON.stringify({ document: { title: '零', source: '/dev/zero' } }));
    await expect(readFactsFile(facts)).rejects.toThrow(`${facts}: $.document.source: cannot read the article: /dev/zero: not a regular file (a device)`);
  });
});
