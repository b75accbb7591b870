import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { encodeRecord } from '../../src/storage/records.js';
import { tupuWith } from '../support/tupu.js';
import { removeScratchDirectories, scratchDirectory } from './faulty-files.js';
import { batches, contentOf, expectedAfter } from './workload.js';

afterAll(removeScratchDirectories);

// Each test runs `tupu` processes, each starting TypeScript: seconds apiece on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const TEN = batches(10);

const tupu = (data: string, ...args: string[]) => tupuWith({}, data, ...args);

/** A data directory of ten batches whose journal has one byte flipped in its third record. */
async function damagedStore() {
  const data = await scratchDirectory('tupu-doctor-');
  const store = createMemoryStore({ directory: join(data, 'graph') });
  for (const changes of TEN) await store.apply(changes);
  const journal = join(data, 'graph', 'graph.journal');
  const third = [encodeRecord({ tupu: 'journal', version: 1, generation: 0 }), ...TEN.slice(0, 2).map(encodeRecord)].reduce((n, r) => n + r.length, 0);
  const bytes = await readFile(journal);
  bytes[third + 30]! ^= 0x04;
  await writeFile(journal, bytes);
  return { data, journal, third };
}

describe('a damaged store from the command line', () => {
  it('refuses to serve it with one line naming the file, the offset and tupu doctor, without a stack', async () => {
    const { data, journal, third } = await damagedStore();
    const result = await tupu(data, 'stats');
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`tupu: ${journal} is damaged at byte ${third}`);
    expect(result.stderr).toMatch(/tupu doctor --salvage/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('tupu doctor finds the damage; --salvage copies every other record into a new directory, never in place', async () => {
    const { data, journal, third } = await damagedStore();
    const before = await readFile(journal);
    const verify = await tupu(data, 'doctor');
    expect(verify.code).toBe(1);
    const files = verify.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(files.find((f) => f.file === journal)).toMatchObject({ status: 'damaged', records: 10, damage: [{ offset: third }] });

    const target = join(await scratchDirectory('tupu-salvaged-'), 'data');
    const salvage = await tupu(data, 'doctor', '--salvage', target);
    expect(salvage.code).toBe(0);
    expect(JSON.parse(salvage.stdout.trim().split('\n').at(-1)!)).toMatchObject({ batches: 9 });
    expect(await contentOf(createMemoryStore({ directory: join(target, 'graph') }))).toBe(await expectedAfter(TEN.filter((_, i) => i !== 2)));
    expect(await readFile(journal)).toEqual(before);
    expect((await tupu(target, 'check')).code).toBe(0);
    expect((await tupu(data, 'doctor', '--salvage', target)).stderr).toMatch(/not empty/);
  });

  it('refuses a store in the earlier line format, and salvages it into the current one', async () => {
    const data = await scratchDirectory('tupu-legacy-');
    await mkdir(join(data, 'graph'));
    const line = (batch: unknown) => `${createHash('sha1').update(JSON.stringify(batch)).digest('hex')} ${JSON.stringify(batch)}\n`;
    await writeFile(join(data, 'graph', 'graph.snapshot.json'), JSON.stringify(TEN[0]));
    await writeFile(join(data, 'graph', 'graph.journal.jsonl'), TEN.slice(1, 4).map(line).join(''));
    const refused = await tupu(data, 'stats');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/format of an earlier tupu; run `tupu doctor --salvage NEW_DIR`/);
    const target = join(await scratchDirectory('tupu-salvaged-'), 'data');
    expect((await tupu(data, 'doctor', '--salvage', target)).code).toBe(0);
    expect(await contentOf(createMemoryStore({ directory: join(target, 'graph') }))).toBe(await expectedAfter(TEN.slice(0, 4)));
  });
});
