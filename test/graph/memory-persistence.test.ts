import { appendFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { encodeRecord } from '../../src/storage/records.js';
import { node, sampleGraph } from '../support/graph-builder.js';

const HEADER_BYTES = encodeRecord({ tupu: 'journal', version: 1, generation: 1 }).length;
const freshDirectory = () => mkdtemp(join(tmpdir(), 'tupu-persist-'));

describe('memory store persistence', () => {
  it('shows one process the writes of another sharing the directory', async () => {
    const directory = await freshDirectory();
    const [server, loader] = [createMemoryStore({ directory }), createMemoryStore({ directory })];
    expect((await server.stats()).nodes.Person).toBe(0);
    await loader.apply(sampleGraph().changes);
    expect((await server.stats()).nodes.Person).toBe(3);
  });

  it('survives a torn last record (a crash mid-append): the batch before it stays, the torn one is dropped and logged', async () => {
    const directory = await freshDirectory();
    await createMemoryStore({ directory }).apply(sampleGraph().changes);
    const torn = encodeRecord({ nodes: [node('Person', '半个')], edges: [] });
    await appendFile(join(directory, 'graph.journal'), torn.subarray(0, torn.length - 5));
    const warnings: unknown[] = [];
    const reopened = createMemoryStore({ directory, warn: (message, details) => warnings.push({ message, ...details }) });
    expect((await reopened.stats()).nodes.Person).toBe(3);
    await reopened.apply({ nodes: [node('Person', '新人')], edges: [] });
    expect(warnings).toEqual([expect.objectContaining({ file: join(directory, 'graph.journal'), message: expect.stringMatching(/torn/) })]);
    expect((await createMemoryStore({ directory }).stats()).nodes.Person).toBe(4);
  });

  it('compacts the journal into a snapshot once it outgrows the snapshot, without losing anything', async () => {
    const directory = await freshDirectory();
    const journal = async () => ((await readFile(join(directory, 'graph.journal'))).length > HEADER_BYTES ? 'records' : '');
    const store = createMemoryStore({ directory, compactAfterBytes: 1 });
    await store.apply(sampleGraph().changes);
    expect(await journal()).toBe('');
    const snapshotBytes = (await stat(join(directory, 'graph.snapshot'))).size;
    // Smaller than the snapshot: appended, not yet worth rewriting the snapshot for.
    await store.apply({ nodes: [node('Person', '新人')], edges: [] });
    expect((await journal()).length).toBeGreaterThan(0);
    expect(await createMemoryStore({ directory }).stats()).toEqual(await store.stats());
    let appended = 0;
    for (let i = 0; (await journal()) !== '' && i < 1000; i++) {
      await store.apply({ nodes: [node('Person', `新人${i}`)], edges: [] });
      appended++;
    }
    expect(await journal()).toBe('');
    expect(appended).toBeGreaterThan(1);
    expect((await stat(join(directory, 'graph.snapshot'))).size).toBeGreaterThan(snapshotBytes);
    expect(await createMemoryStore({ directory }).stats()).toEqual(await store.stats());
  });

  it('writes nothing to disk for a refused batch', async () => {
    const directory = await freshDirectory();
    const store = createMemoryStore({ directory });
    const g = sampleGraph();
    await store.apply(g.changes);
    const before = await readFile(join(directory, 'graph.journal'));
    await expect(store.apply({ nodes: [], edges: [{ ...g.changes.edges[0]!, to: 'role_missing' }] })).rejects.toThrow();
    expect(await readFile(join(directory, 'graph.journal'))).toEqual(before);
  });

  it('serialises exclusive tasks of two stores sharing a directory (two processes)', async () => {
    const directory = await freshDirectory();
    const writers = [createMemoryStore({ directory }), createMemoryStore({ directory })];
    const addNextPlace = (store: (typeof writers)[number]) =>
      store.exclusive(async () => {
        const n = (await store.stats()).nodes.Place;
        await new Promise((resolve) => setTimeout(resolve, 5));
        await store.apply({ nodes: [node('Place', `地点${n}`)], edges: [] });
      });
    await Promise.all([0, 1, 0, 1, 0, 1].map((i) => addNextPlace(writers[i]!)));
    expect((await createMemoryStore({ directory }).stats()).nodes.Place).toBe(6);
  });
});
