import { spawnSync } from 'node:child_process';
import { mkdtemp, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphChanges } from '../../src/model/index.js';
import { StoreIOError } from '../../src/storage/errors.js';
import { batches, contentOf, expectedAfter } from './workload.js';

// A real full disk: a 192 KiB tmpfs, where the machine lets the test mount one (root, or a user namespace).
const mountPoint = await mkdtemp(join(tmpdir(), 'tupu-tiny-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=192k', 'tmpfs', mountPoint], { stdio: 'ignore' }).status === 0;

afterAll(async () => {
  if (mounted) spawnSync('umount', [mountPoint], { stdio: 'ignore' });
  await rmdir(mountPoint).catch(() => {});
});

describe.skipIf(!mounted)('finding 1 on a real full disk (a 192 KiB tmpfs)', () => {
  it('fails every write that does not fit with ENOSPC, and stores exactly the acknowledged ones', async () => {
    const directory = join(mountPoint, 'graph');
    const store = createMemoryStore({ directory, compactAfterBytes: 16 << 10, warn: () => {} });
    const acknowledged: GraphChanges[] = [];
    const failures: unknown[] = [];
    for (const changes of batches(400)) {
      await store.apply(changes).then(
        () => acknowledged.push(changes),
        (error: unknown) => failures.push(error),
      );
    }
    expect(failures.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(StoreIOError);
      expect((failure as Error).message).toMatch(/ENOSPC|SHORT_WRITE/);
    }
    expect(await contentOf(createMemoryStore({ directory }))).toBe(await expectedAfter(acknowledged));
  }, 120_000);
});
