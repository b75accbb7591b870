import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { collectGraph } from '../../src/export/collect.js';
import { toFtm } from '../../src/export/ftm.js';
import { writeGraphml } from '../../src/export/graphml.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { loadFiles } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';

/**
 * Exports read the graph through the port only, so the same facts give the same file from either store.
 * Both stores load the seeds; their exports, whole and around 李健文, must be identical.
 */
describe.skipIf(!NEO4J_URI)(`exports from Neo4j and from the embedded store${NEO4J_URI ? '' : ' — skipped: NEO4J_URI is not set (npm test sets it)'}`, { timeout: 120_000 }, () => {
  const stores: GraphStore[] = [];

  beforeAll(async () => {
    stores.push(createMemoryStore(), await openEmptyNeo4jStore());
    for (const graph of stores) await loadFiles([SEEDS_DIRECTORY], { graph, search: createEmbeddedIndex() });
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  const both = async (scope: Parameters<typeof collectGraph>[1]) => Promise.all(stores.map((graph) => collectGraph(graph, scope)));

  it('gives the same GraphML and FtM for the whole graph, every node and relationship of stats()', async () => {
    const [memory, neo4j] = await both({});
    const stats = await stores[1]!.stats();
    expect(neo4j!.nodes).toHaveLength(Object.values(stats.nodes).reduce((a, b) => a + b, 0));
    expect(neo4j!.edges).toHaveLength(Object.values(stats.relationships).reduce((a, b) => a + b, 0));
    expect(writeGraphml(neo4j!)).toBe(writeGraphml(memory!));
    expect(toFtm(neo4j!)).toEqual(toFtm(memory!));
  });

  it('gives the same neighbourhood around 李健文', async () => {
    const id = (await stores[0]!.findByName('Person', '李健文'))[0]!.id;
    const [memory, neo4j] = await both({ around: id, hops: 2 });
    expect(neo4j!.nodes.map((n) => n.id)).toEqual(memory!.nodes.map((n) => n.id));
    expect(writeGraphml(neo4j!)).toBe(writeGraphml(memory!));
  });
});
