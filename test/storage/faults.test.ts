import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphChanges } from '../../src/model/index.js';
import { StorageError, StoreCorruptError } from '../../src/storage/errors.js';
import { faultyFiles, removeScratchDirectories, scratchDirectory, type Fault } from './faulty-files.js';
import { batches, contentOf, expectedAfter } from './workload.js';

afterAll(removeScratchDirectories);

/**
 * The crash-and-fault suite: a workload of batches (with compactions between them) is run once per file
 * operation it performs, with that operation failing — a crash half-way through it, a full disk, a short
 * write. After each, the store must open to exactly a prefix of the batches (every acknowledged one, perhaps
 * the one in flight at a crash), or, when the process lived on, to exactly the acknowledged ones; and it
 * must still take writes. TUPU_FAULT_BATCHES sets the workload's size (npm run test:faults runs it larger).
 */
// Hundreds of runs (thousands in larger runs) on a busy two-core machine: a generous bound, not a timing assertion.
vi.setConfig({ testTimeout: process.env.TUPU_FAULT_BATCHES ? 3_600_000 : 300_000 });

const BATCHES = Number(process.env.TUPU_FAULT_BATCHES ?? 6);
/** Bytes flipped or cut at: about 150 places a file by default, every byte with TUPU_FAULT_EVERY_BYTE=1. */
const stride = (bytes: number) => (process.env.TUPU_FAULT_EVERY_BYTE === '1' ? 1 : Math.max(1, Math.floor(bytes / 150)));
const workload = batches(BATCHES);
const exercised: Record<Fault | 'flip' | 'cut', number> = { crash: 0, enospc: 0, short: 0, flip: 0, cut: 0 };

async function run(at: number, fault: Fault) {
  const directory = await scratchDirectory('tupu-fault-');
  const { files, state } = faultyFiles(at, fault);
  // A holder of its own, as another process would be: once it "dies", its lock is someone else's to take over.
  const store = createMemoryStore({ directory, files, holder: { pid: process.pid, started: `run-${at}` }, compactAfterBytes: 1, warn: () => {} });
  const acknowledged: GraphChanges[] = [];
  let attempted = 0;
  for (const changes of workload) {
    attempted++;
    try {
      await store.apply(changes);
      acknowledged.push(changes);
    } catch (error) {
      if (state.dead) break; // the process is gone: whatever it was doing stops here
      expect(error).toBeInstanceOf(StorageError);
      expect((error as Error).message).toContain(directory);
    }
  }
  return { directory, state, acknowledged, attempted };
}

describe('crash-and-fault suite', () => {
  const prefixes: Promise<string>[] = [];
  const prefix = (n: number) => (prefixes[n] ??= expectedAfter(workload.slice(0, n)));

  afterAll(() => {
    const total = Object.values(exercised).reduce((a, b) => a + b, 0);
    console.log(`crash-and-fault suite: ${total} fault points exercised (${JSON.stringify(exercised)}), ${BATCHES} batches each`);
  });

  it.each<Fault>(['crash', 'enospc', 'short'])('after a %s at every file operation, the store holds what it acknowledged', async (fault) => {
    const clean = await run(0, fault);
    const points = clean.state.count;
    expect(points).toBeGreaterThan(BATCHES * 5);
    for (let at = 1; at <= points; at++) {
      const { directory, state, acknowledged, attempted } = await run(at, fault);
      if (!state.fired) continue;
      exercised[fault]++;
      const reopened = createMemoryStore({ directory, warn: () => {} });
      const found = await contentOf(reopened);
      if (fault === 'crash') {
        const candidates = await Promise.all([acknowledged.length, attempted].map(prefix));
        expect(candidates, `crash at operation ${at}`).toContain(found);
      } else {
        expect(found, `${fault} at operation ${at}`).toBe(await expectedAfter(acknowledged));
      }
      // Still writable, and what it then acknowledges is there on the next open.
      const more = batches(BATCHES + 1).at(-1)!;
      await reopened.apply(more);
      expect((await createMemoryStore({ directory }).nodes([more.nodes[0]!.id]))[0]).not.toBeNull();
    }
    expect(exercised[fault]).toBeGreaterThan(BATCHES * 5);
  });

  /** A store whose latest batches are in the journal and the earlier ones in a snapshot. */
  async function compactedStore() {
    const directory = await scratchDirectory('tupu-bytes-');
    const store = createMemoryStore({ directory, compactAfterBytes: 1 });
    for (const changes of workload) await store.apply(changes);
    const [snapshot, journal] = ['graph.snapshot', 'graph.journal'].map((name) => join(directory, name));
    return { directory, snapshot: snapshot!, journal: journal! };
  }

  it('refuses a flipped byte anywhere in the snapshot and the journal, naming the file', async () => {
    const { directory, snapshot, journal } = await compactedStore();
    for (const file of [snapshot, journal]) {
      const good = await readFile(file);
      for (let at = 0; at < good.length; at += stride(good.length)) {
        const bad = Buffer.from(good);
        bad[at]! ^= 0x01;
        await writeFile(file, bad);
        const failure = await createMemoryStore({ directory }).stats().catch((error: unknown) => error);
        expect(failure, `${file} byte ${at}`).toBeInstanceOf(StoreCorruptError);
        expect(failure).toMatchObject({ file });
        exercised.flip++;
      }
      await writeFile(file, good);
    }
  });

  it('opens a journal cut at any byte to a prefix, growing with the cut, and refuses a snapshot cut anywhere', async () => {
    const { directory, snapshot, journal } = await compactedStore();
    const candidates = await Promise.all(workload.map((_, n) => prefix(n + 1)));
    const good = await readFile(journal);
    let last = -1;
    const cuts = [...Array.from({ length: Math.ceil(good.length / stride(good.length)) }, (_, i) => i * stride(good.length)), good.length];
    for (const cut of cuts) {
      await writeFile(journal, good.subarray(0, cut));
      const found = await contentOf(createMemoryStore({ directory })).catch((error: unknown) => error);
      exercised.cut++;
      if (found instanceof StoreCorruptError) {
        expect(last, `journal cut at ${cut}: only a cut header refuses`).toBe(-1);
        continue;
      }
      const n = candidates.indexOf(found as string);
      expect(n, `journal cut at ${cut}`).toBeGreaterThanOrEqual(Math.max(last, 0));
      last = n;
    }
    expect(last).toBe(workload.length - 1);
    const whole = await readFile(snapshot);
    for (let cut = 0; cut < whole.length; cut += stride(whole.length)) {
      await writeFile(snapshot, whole.subarray(0, cut));
      await expect(createMemoryStore({ directory }).stats(), `snapshot cut at ${cut}`).rejects.toBeInstanceOf(StoreCorruptError);
      exercised.cut++;
    }
  });
});
