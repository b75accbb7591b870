import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import { newToken, readTokens } from '../../src/api/tokens.js';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { loadFiles } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import type { SearchIndex } from '../../src/search/port.js';
import { apiClient } from '../support/api.js';

/** GET /export/graph.*: the formats of `tupu export`, with the API's limits and clear refusals. */
describe('the export routes of the API', () => {
  let graph: GraphStore;
  let search: SearchIndex;
  let api: ReturnType<typeof apiClient>['api'];
  let person: string;
  const get = (path: string) => api.fetch(`http://tupu.test${path}`);
  const total = async () => {
    const stats = await graph.stats();
    return [...Object.values(stats.nodes), ...Object.values(stats.relationships)].reduce((a, b) => a + b, 0);
  };

  beforeAll(async () => {
    graph = createMemoryStore();
    search = createEmbeddedIndex();
    await loadFiles([SEEDS_DIRECTORY], { graph, search });
    api = apiClient(graph, search).api;
    person = (await graph.findByName('Person', '李健文'))[0]!.id;
  });

  it.each([
    ['graphml', 'application/graphml+xml', '<graphml'],
    ['gexf', 'application/gexf+xml', '<gexf'],
    ['ftm.json', 'application/x-ndjson', '"schema":"Person"'],
  ])('serves graph.%s as %s', async (extension, type, marker) => {
    const response = await get(`/export/graph.${extension}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect(response.headers.get('content-disposition')).toContain(`tupu.${extension}`);
    expect(await response.text()).toContain(marker);
  });

  it('serves graph.csv.zip as a zip archive', async () => {
    const response = await get('/export/graph.csv.zip');
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]); // PK\3\4
  });

  it('exports the neighbourhood of an entity: fewer nodes, growing with hops', async () => {
    const nodes = async (hops: number) => ((await (await get(`/export/graph.graphml?around=${person}&hops=${hops}`)).text()).match(/<node /g) ?? []).length;
    const [one, two] = [await nodes(1), await nodes(2)];
    expect(one).toBeGreaterThan(1);
    expect(two).toBeGreaterThan(one);
    const all = ((await (await get('/export/graph.graphml')).text()).match(/<node /g) ?? []).length;
    expect(two).toBeLessThan(all);
  });

  it.each([
    [`/export/graph.graphml?around=${'person_0000000000000000'}`, 400, /no node has the id person_0000000000000000/],
    ['/export/graph.graphml?around=X&hops=9', 400, /hops must be a whole number from 1 to 3, not 9/],
    ['/export/graph.graphml?hops=2', 400, /hops needs around=ID/],
    ['/export/graph.graphml?around=X&hops=1.5', 400, /hops must be a whole number from 1 to 3, not 1.5/],
    ['/export/graph.xlsx', 404, /no export \/export\/graph.xlsx; use one of graph.graphml, graph.gexf, graph.csv.zip, graph.ftm.json/],
  ])('refuses %s with %i and says why', async (path, status, reason) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(reason);
  });

  it('refuses a whole-graph export larger than the records a request may read', async () => {
    const small = apiClient(graph, search, { maxRecords: 50 }).api;
    const response = await small.fetch('http://tupu.test/export/graph.ftm.json');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe(`the export would hold ${await total()} nodes and edges, more than the 50 allowed; export around one entity (around=ID&hops=N) or use tupu export`);
  });
});

describe('exports when reads need a token', () => {
  const reader = newToken('archive', 'read');
  it('refuses an export without a valid token, as it refuses a query, and serves it with one', async () => {
    const graph = createMemoryStore();
    const tokens = readTokens({ TUPU_TOKENS: reader.line });
    const api = createApi({ graph, search: createEmbeddedIndex(), tokens, logger: pino({ level: 'silent' }) });
    const get = (token?: string) => api.fetch('http://tupu.test/export/graph.graphml', { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await get()).status).toBe(401);
    expect((await get('not-a-token')).status).toBe(401);
    const allowed = await get(reader.token);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('<graphml');
  });
});
