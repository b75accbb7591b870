import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphChanges } from '../../src/model/index.js';
import { StorageError } from '../../src/storage/errors.js';
import { faultyFiles, scratchDirectory, type Fault } from './faulty-files.js';
import { batches, contentOf, expectedAfter } from './workload.js';

/**
 * The crash-and-fault suite: a workload of batches (with compactions between them) is run once per file
 * operation it performs, with that operation failing — a crash half-way through it, a full disk, a short
 * write. After each, the store must open to exactly a prefix of the batches (every acknowledged one, perhaps
 * the one in flight at a crash), or, when the process lived on, to exactly the acknowledged ones; and it
 * must still take writes. TUPU_FAULT_BATCHES sets the workload's size (npm run test:faults runs it large).
 */
const BATCHES = Number(process.env.TUPU_FAULT_BATCHES ?? 6);
const workload = batches(BATCHES);
const exercised: Record<Fault, number> = { crash: 0, enospc: 0, short: 0 };

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
    const total = exercised.crash + exercised.enospc + exercised.short;
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
});
