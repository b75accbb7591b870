import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createMeilisearchIndex } from '../../src/search/meilisearch/index.js';
import { eventually } from '../support/eventually.js';
import { smallFacts } from '../support/facts.js';
import { MEILI_BIN, startPrivateMeilisearch } from '../support/meilisearch.js';
import { startServer } from '../support/server.js';

// The process itself is stopped and started again: a Meilisearch of this test's own (scripts/meili, in a
// temporary directory), so that the server other suites share is never touched.
describe.skipIf(!MEILI_BIN)('Meilisearch outage while the API runs (MEILI_BIN set)', () => {
  let meili: Awaited<ReturnType<typeof startPrivateMeilisearch>>;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    meili = await startPrivateMeilisearch();
    const graph = createMemoryStore();
    // Short request timeouts: a stopped server refuses at once, but the test should not wait 10 s if not.
    const search = createMeilisearchIndex({ url: meili.url, indexUid: 'tupu', masterKey: meili.masterKey, timeoutMs: 2000 });
    await ingestDocument(validateFacts('t', smallFacts(), null), { graph, search });
    server = await startServer(graph, search);
  });
  afterAll(async () => {
    await server?.close();
    await meili?.close();
  });

  it('answers SEARCH_UNAVAILABLE while Meilisearch is stopped, keeps graph queries working, and recovers without a restart', async () => {
    const search = () => server.query('{ search(query: "李建文") { total hits { entity { name } } } }');
    expect((await search()).data.search.hits[0].entity.name).toBe('李健文');

    await meili.stop();
    const down = await search();
    expect(down.errors![0].extensions.code).toBe('SEARCH_UNAVAILABLE');
    expect(down.errors![0].message).toBe('The search service is unavailable; graph queries still work.');
    expect(JSON.stringify(down)).not.toContain(meili.masterKey);
    expect(JSON.stringify(down)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    const graph = await server.query('{ people { totalCount } person(name: "李健文") { name roles { title } } }');
    expect(graph.errors).toBeUndefined();
    expect(graph.data.people.totalCount).toBe(2);
    expect(graph.data.person.name).toBe('李健文');
    expect(graph.data.person.roles).toContainEqual({ title: '副馆长' });
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, graph: { state: 'up' }, search: { state: 'down' } });

    await meili.start();
    const back = await eventually(search, (r) => !r.errors);
    expect(back.data.search.hits[0].entity.name).toBe('李健文');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
