import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { checkIndex, reindex } from '../../src/ingest/index-sync.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { smallFacts } from '../support/facts.js';
import { searchDoc } from '../support/search-builder.js';

describe('graph and index in step', () => {
  it('finds no drift after a load, finds each kind of drift, and reindex mends it', async () => {
    const ports = { graph: createMemoryStore(), search: createEmbeddedIndex() };
    await ingestDocument(validateFacts('t', smallFacts(), null), ports);
    expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });

    const [li] = await ports.graph.findByName('Person', '李健文');
    const [bjp] = await ports.graph.findByName('Organization', '北京天文馆');
    await ports.search.remove([li!.id]);
    await ports.graph.apply({ nodes: [{ ...bjp!, aliases: ['天文馆'] }], edges: [] }); // graph changes, index does not
    const stray = searchDoc('PERSON', '幽灵');
    await ports.search.upsert([stray]);
    expect(await checkIndex(ports)).toEqual({ missing: [li!.id], stale: [bjp!.id], stray: [stray.id] });

    await reindex(ports);
    expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });
  });
});
