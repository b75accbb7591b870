import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratchDirectories, scratchDirectory } from './faulty-files.js';

afterAll(removeScratchDirectories);

const CHILD = fileURLToPath(new URL('./streaming-child.ts', import.meta.url));
// The default keeps `npm test` to seconds; `npm run test:streaming` writes a snapshot past V8's longest
// string (512 MiB), which no code holding it as one string could write or read.
const MIB = Number(process.env.TUPU_STREAM_MIB ?? 384);
const HEAP_MIB = 64;

describe('the snapshot streams', () => {
  it(`writes and reads back a ${MIB} MiB snapshot in a process whose heap is ${HEAP_MIB} MiB`, async () => {
    const directory = await scratchDirectory('tupu-streaming-');
    const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, '--import', 'tsx', CHILD, directory, String(MIB)], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const outcome = JSON.parse(child.stdout) as { snapshotBytes: number; heapLimit: number; records: number; resets: number; warnings: string[]; problems: string[] };
    expect(outcome.warnings).toEqual([]); // compaction reports its failures as warnings
    expect(outcome.problems).toEqual([]);
    expect(outcome.records).toBe(MIB);
    expect(outcome.resets).toBe(1);
    // Larger than the whole heap the process had, several times over: nothing held it all at once.
    expect(outcome.snapshotBytes).toBeGreaterThan(MIB * 2 ** 20);
    expect(outcome.snapshotBytes).toBeGreaterThan(3 * outcome.heapLimit);
  }, 320_000);
});
