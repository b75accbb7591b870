import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { StoreCorruptError, StoreIOError, StoreLockedError } from '../../src/storage/errors.js';
import { nodeFiles } from '../../src/storage/files.js';
import { startTimeOf } from '../../src/storage/lock.js';
import { encodeRecord } from '../../src/storage/records.js';
import { faultyFiles, removeScratchDirectories, scratchDirectory } from './faulty-files.js';
import { batches, contentOf, expectedAfter } from './workload.js';

afterAll(removeScratchDirectories);

const TEN = batches(10);

/** A store of ten batches, and the offset at which each journal record starts (after the header). */
async function storeOfTen() {
  const directory = await scratchDirectory('tupu-journal-');
  const store = createMemoryStore({ directory });
  for (const changes of TEN) await store.apply(changes);
  const journal = join(directory, 'graph.journal');
  const header = encodeRecord({ tupu: 'journal', version: 1, generation: 0 }).length;
  const starts = TEN.reduce<number[]>((acc, changes) => [...acc, acc.at(-1)! + encodeRecord(changes).length], [header]);
  return { directory, journal, starts };
}

describe('finding 1: a full disk', () => {
  it('fails the write that did not fit, names the file and ENOSPC, and stores exactly what it acknowledged', async () => {
    const directory = await scratchDirectory('tupu-full-');
    const clean = faultyFiles(0, 'enospc');
    await createMemoryStore({ directory, files: clean.files }).apply(TEN[0]!);
    // The next append (operation 5 of a write: mkdir, lock temp, link, unlink, append) is what the disk refuses.
    const { files } = faultyFiles(5, 'enospc');
    const store = createMemoryStore({ directory, files });
    const failure = await store.apply(TEN[1]!).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreIOError);
    expect((failure as Error).message).toMatch(new RegExp(`${join(directory, 'graph.journal')}: ENOSPC .*disk is full`));
    await store.apply(TEN[2]!);
    expect(await contentOf(createMemoryStore({ directory }))).toBe(await expectedAfter([TEN[0]!, TEN[2]!]));
  });
});

describe('finding 2: damage anywhere but a torn tail refuses to open, and changes nothing', () => {
  it('refuses a journal with one flipped byte in its third record, naming the file and the offset', async () => {
    const { directory, journal, starts } = await storeOfTen();
    const bytes = await readFile(journal);
    bytes[starts[2]! + 20]! ^= 0x10;
    await writeFile(journal, bytes);
    const store = createMemoryStore({ directory });
    const failure = await store.stats().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreCorruptError);
    expect(failure).toMatchObject({ file: journal, offset: starts[2] });
    expect((failure as Error).message).toMatch(/tupu doctor --salvage/);
    await expect(store.apply(batches(11)[10]!)).rejects.toBeInstanceOf(StoreCorruptError);
    expect(await readFile(journal)).toEqual(bytes); // the valid tail is still there for the doctor
  });

  it.each([
    ['a garbage record in the middle', async (journal: string) => appendFile(journal, 'garbage\n'), true],
    ['an empty journal', async (journal: string) => writeFile(journal, ''), false],
    ['a journal of random bytes', async (journal: string) => writeFile(journal, Buffer.from('0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'hex')), false],
  ])('refuses %s', async (_, damage, thenWrite) => {
    const { directory, journal } = await storeOfTen();
    await damage(journal);
    if (thenWrite) await appendFile(journal, encodeRecord(TEN[0]));
    await expect(createMemoryStore({ directory }).stats()).rejects.toBeInstanceOf(StoreCorruptError);
  });

  it('refuses a snapshot holding null, or cut short', async () => {
    const directory = await scratchDirectory('tupu-snapshot-');
    const store = createMemoryStore({ directory, compactAfterBytes: 1 });
    for (const changes of TEN.slice(0, 3)) await store.apply(changes);
    const snapshot = join(directory, 'graph.snapshot');
    const good = await readFile(snapshot);
    await writeFile(snapshot, 'null');
    await expect(createMemoryStore({ directory }).stats()).rejects.toMatchObject({ file: snapshot, offset: 0 });
    await writeFile(snapshot, good.subarray(0, good.length - 3));
    await expect(createMemoryStore({ directory }).stats()).rejects.toThrow(/snapshot ends before its end record/);
  });
});

describe('finding 4: a writer lock that cannot go stale', () => {
  const lockOf = (directory: string) => join(directory, 'graph.writer-lock');

  it('takes over a lock whose holder is dead, or that holds nothing readable', async () => {
    const directory = await scratchDirectory('tupu-lock-');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(lockOf(directory), encodeRecord({ pid: dead, started: 'long ago' }));
    const store = createMemoryStore({ directory, lockTimeoutMs: 0 });
    await store.apply(TEN[0]!);
    await writeFile(lockOf(directory), '');
    await store.apply(TEN[1]!);
    expect((await store.stats()).nodes.Person).toBe(2);
  });

  it('does not wait for itself when removing its own lock failed', async () => {
    const directory = await scratchDirectory('tupu-lock-');
    let failOnce = true;
    const files = {
      ...nodeFiles,
      unlink: async (path: string) => {
        if (path === lockOf(directory) && failOnce) {
          failOnce = false;
          throw Object.assign(new Error('EIO'), { code: 'EIO' });
        }
        return nodeFiles.unlink(path);
      },
    };
    const store = createMemoryStore({ directory, files, lockTimeoutMs: 0 });
    await store.apply(TEN[0]!);
    expect(failOnce).toBe(false);
    await store.apply(TEN[1]!);
    expect((await store.stats()).nodes.Person).toBe(2);
  });

  it('waits for a live holder, then names it', async () => {
    const directory = await scratchDirectory('tupu-lock-');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      await writeFile(lockOf(directory), encodeRecord({ pid: holder.pid, started: startTimeOf(holder.pid!) }));
      const failure = await createMemoryStore({ directory, lockTimeoutMs: 100 }).apply(TEN[0]!).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreLockedError);
      expect((failure as Error).message).toContain(`process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('finding 7, storage side: failures name the file and the reason', () => {
  it('says EISDIR when the journal is a directory', async () => {
    const directory = await scratchDirectory('tupu-eisdir-');
    await mkdir(join(directory, 'graph.journal'));
    await expect(createMemoryStore({ directory }).stats()).rejects.toThrow(`could not read ${join(directory, 'graph.journal')}: EISDIR`);
  });

  it('says EACCES when a store file cannot be read', async () => {
    const { directory, journal } = await storeOfTen();
    const files = {
      ...nodeFiles,
      openRead: async () => {
        throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      },
    };
    await expect(createMemoryStore({ directory, files }).stats()).rejects.toThrow(new RegExp(`could not read ${journal}: EACCES \\(permission denied`));
  });
});
