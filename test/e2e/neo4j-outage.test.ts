import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNeo4jStore } from '../../src/graph/neo4j/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { eventually } from '../support/eventually.js';
import { smallFacts } from '../support/facts.js';
import { NEO4J_URI, neo4jOptions, openEmptyNeo4jStore } from '../support/neo4j.js';
import { startServer } from '../support/server.js';
import { startProxy } from '../support/tcp-proxy.js';

describe.skipIf(!NEO4J_URI)('Neo4j outage while the API runs', () => {
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let graph: GraphStore;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    const seeded = await openEmptyNeo4jStore();
    const search = createEmbeddedIndex();
    await ingestDocument(validateFacts('t', smallFacts(), null), { graph: seeded, search });
    await seeded.close();
    const target = new URL(NEO4J_URI!);
    proxy = await startProxy(target.hostname, Number(target.port || 7687));
    graph = await createNeo4jStore({ ...neo4jOptions(), uri: `bolt://127.0.0.1:${proxy.port}` });
    server = await startServer(graph, search);
  });
  afterAll(async () => {
    await server?.close();
    await graph?.close();
    await proxy?.close();
  });

  it('answers GRAPH_STORE_UNAVAILABLE and not ready while Neo4j is away, then recovers by itself', async () => {
    const people = () => server.query('{ people { totalCount } }');
    expect((await people()).data.people.totalCount).toBe(2);

    await proxy.cut();
    const down = await people();
    expect(down.errors![0].extensions.code).toBe('GRAPH_STORE_UNAVAILABLE');
    expect(down.errors![0].message).toBe('The graph store is unavailable; try again shortly.');
    expect(JSON.stringify(down)).not.toMatch(/stack|bolt:|127\.0\.0\.1/);
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, graph: { state: 'down' } });
    const search = await server.query('{ search(query: "李健文") { total } }');
    expect(search.data.search.total).toBeGreaterThan(0); // search does not need the graph store

    await proxy.restore();
    const back = await eventually(people, (r) => !r.errors);
    expect(back.data.people.totalCount).toBe(2);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
