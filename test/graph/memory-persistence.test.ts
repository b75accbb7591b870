import { appendFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { node, sampleGraph } from '../support/graph-builder.js';

const freshDirectory = () => mkdtemp(join(tmpdir(), 'tupu-persist-'));

describe('memory store persistence', () => {
  it('shows one process the writes of another sharing the directory', async () => {
    const directory = await freshDirectory();
    const [server, loader] = [createMemoryStore({ directory }), createMemoryStore({ directory })];
    expect((await server.stats()).nodes.Person).toBe(0);
    await loader.apply(sampleGraph().changes);
    expect((await server.stats()).nodes.Person).toBe(3);
  });

  it('survives a torn last line (a crash mid-append): the batch before it stays, the torn one is ignored', async () => {
    const directory = await freshDirectory();
    await createMemoryStore({ directory }).apply(sampleGraph().changes);
    await appendFile(join(directory, 'graph.journal.jsonl'), '0123456789abcdef {"nodes":[{"id":"per');
    const reopened = createMemoryStore({ directory });
    expect((await reopened.stats()).nodes.Person).toBe(3);
    await reopened.apply({ nodes: [node('Person', '新人')], edges: [] });
    expect((await createMemoryStore({ directory }).stats()).nodes.Person).toBe(4);
  });

  it('compacts the journal into a snapshot once it outgrows the snapshot, without losing anything', async () => {
    const directory = await freshDirectory();
    const journal = () => readFile(join(directory, 'graph.journal.jsonl'), 'utf8');
    const store = createMemoryStore({ directory, compactAfterBytes: 1 });
    await store.apply(sampleGraph().changes);
    expect(await journal()).toBe('');
    const snapshotBytes = (await stat(join(directory, 'graph.snapshot.json'))).size;
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
    expect((await stat(join(directory, 'graph.snapshot.json'))).size).toBeGreaterThan(snapshotBytes);
    expect(await createMemoryStore({ directory }).stats()).toEqual(await store.stats());
  });

  it('writes nothing to disk for a refused batch', async () => {
    const directory = await freshDirectory();
    const store = createMemoryStore({ directory });
    const g = sampleGraph();
    await store.apply(g.changes);
    const before = await readFile(join(directory, 'graph.journal.jsonl'));
    await expect(store.apply({ nodes: [], edges: [{ ...g.changes.edges[0]!, to: 'role_missing' }] })).rejects.toThrow();
    expect(await readFile(join(directory, 'graph.journal.jsonl'))).toEqual(before);
  });
});
