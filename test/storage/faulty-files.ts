import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFiles, type FileOps } from '../../src/storage/files.js';

/**
 * How the operation chosen fails: `crash` — it half-happens (a write keeps half its bytes) and the process
 * is gone (every later operation fails too); `enospc` — a write keeps half its bytes and fails, any other
 * operation fails, later ones work again; `short` — a write keeps half its bytes and says so, without error.
 */
export type Fault = 'crash' | 'enospc' | 'short';

export class Crash extends Error {
  override name = 'Crash';
}

const WRITES = new Set(['append', 'create']);
const MUTATIONS = ['append', 'create', 'sync', 'truncate', 'rename', 'link', 'unlink', 'mkdir'] as const;

/**
 * The store's file operations with one fault injected at the `at`-th mutating operation (1-based; 0 never
 * fires); `count` is how many mutating operations ran, so a clean run tells how many fault points exist.
 */
export function faultyFiles(at: number, fault: Fault) {
  const state = { count: 0, fired: false, dead: false };
  const files: FileOps = { ...nodeFiles };
  const guard = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => async (...args: A) => {
    if (state.dead) throw new Crash('the process is gone');
    return run(...args);
  };
  files.openRead = guard(nodeFiles.openRead);
  files.list = guard(nodeFiles.list);
  for (const name of MUTATIONS) {
    const real = nodeFiles[name] as (...args: unknown[]) => Promise<unknown>;
    (files as unknown as Record<string, unknown>)[name] = guard(async (...args: unknown[]) => {
      if (++state.count !== at) return real(...args);
      state.fired = true;
      const [path, data] = args as [string, Uint8Array];
      const kept = WRITES.has(name) ? await real(path, data.subarray(0, data.length >> 1)) : 0;
      if (fault === 'short' && WRITES.has(name)) return kept;
      if (fault === 'crash') {
        state.dead = true;
        throw new Crash(`crashed in ${name}`);
      }
      throw Object.assign(new Error(`${fault === 'enospc' ? 'ENOSPC: no space left on device' : 'EIO'}, ${name} '${path}'`), {
        code: WRITES.has(name) ? 'ENOSPC' : 'EIO',
      });
    });
  }
  return { files, state };
}

const scratch: string[] = [];

/**
 * A fresh directory on tmpfs where there is one: fsync is free there, so hundreds of fault runs stay fast.
 * Files using it end with `afterAll(removeScratchDirectories)`: tmpfs is memory.
 */
export async function scratchDirectory(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), prefix));
  scratch.push(directory);
  return directory;
}

export async function removeScratchDirectories(): Promise<void> {
  for (const directory of scratch.splice(0)) await rm(directory, { recursive: true, force: true });
}
