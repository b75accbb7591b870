import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { GraphStoreUnavailableError } from '../../src/graph/errors.js';
import { SearchUnavailableError } from '../../src/search/errors.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient } from '../support/api.js';
import { smallFacts } from '../support/facts.js';

describe('API limits and errors', () => {
  const graph = createMemoryStore();
  const search = createEmbeddedIndex();
  const { query, post } = apiClient(graph, search);

  beforeAll(async () => {
    const people = Array.from({ length: 120 }, (_, i) => ({ name: `人物${String(i).padStart(3, '0')}` }));
    await ingestDocument(validateFacts('t', smallFacts({ people: [...smallFacts().people!, ...people] }), null), { graph, search });
  });

  it('caps first at 100 instead of returning everything', async () => {
    const result = await query('{ people(first: 100000) { totalCount edges { node { name } } pageInfo { hasNextPage } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.people.edges).toHaveLength(100);
    expect(result.data.people.totalCount).toBe(122); // the 120, 李健文 and the author
    expect(result.data.people.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a 30-level query before running it', async () => {
    let deep = 'id';
    for (let i = 0; i < 30; i++) deep = `parent { ${deep} }`;
    const result = await query(`{ organization(name: "北京天文馆") { ${deep} } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors![0].message).toMatch(/depth/i);
  });

  it('refuses too many aliases and an oversized body', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: node(id: "x") { id }`).join(' ');
    expect((await query(`{ ${aliases} }`)).errors![0].message).toMatch(/alias/i);
    const huge = await post({ query: `{ node(id: "${'x'.repeat(200_000)}") { id } }` });
    expect(huge.status).toBe(413);
  });

  it('refuses a POST body of undeclared length (chunked), which could otherwise be read without bound', async () => {
    const body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}')); c.close(); } });
    const response = await apiClient(graph, search).api.fetch('http://tupu.test/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(411);
    expect((await response.json()).errors[0].extensions.code).toBe('LENGTH_REQUIRED');
  });

  it('stops a query whose nested lists read more records than the request budget, naming the limit', async () => {
    const { query: ask } = apiClient(graph, search, { maxRecords: 40 });
    const small = await ask('{ person(name: "李健文") { roles { title organization { name } } } }');
    expect(small.errors).toBeUndefined();
    const broad = await ask(`{ people(first: 100) { edges { node { roles { organization { roles { person { name } } } } } } } }`);
    expect(broad.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_LARGE' } });
    expect(broad.errors![0].message).toMatch(/more than 40 records/);
  });

  it('answers a bad cursor with a BAD_USER_INPUT error and a bad date with a validation error', async () => {
    const cursor = await query('{ people(after: "garbage") { totalCount } }');
    expect(cursor.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const date = await query('{ events(from: "2020-13-45") { totalCount } }');
    expect(date.errors![0].message).toMatch(/YYYY-MM-DD/);
  });

  it('masks unexpected errors: no stack, no internals', async () => {
    const broken = apiClient({ ...graph, list: async () => { throw new Error('secret internals at /srv/db'); } }, search);
    const result = await broken.query('{ people { totalCount } }');
    expect(result.errors![0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|srv|stack/);
  });

  it('names the graph store when it is unavailable', async () => {
    const down = apiClient({ ...graph, list: async () => { throw new GraphStoreUnavailableError('connection refused 127.0.0.1:7687'); } }, search);
    const result = await down.query('{ people { totalCount } }');
    expect(result.errors![0].extensions.code).toBe('GRAPH_STORE_UNAVAILABLE');
    expect(result.errors![0].message).not.toMatch(/7687/);
  });

  it('with search down, names the search service on search and keeps every graph query working', async () => {
    const failing = async () => {
      throw new SearchUnavailableError('connect ECONNREFUSED 127.0.0.1:7700');
    };
    const { query: ask } = apiClient(graph, { ...search, search: failing, ping: failing });
    const down = await ask('{ search(query: "李健文") { total } }');
    expect(down.errors![0]).toMatchObject({ extensions: { code: 'SEARCH_UNAVAILABLE' } });
    expect(down.errors![0].message).not.toMatch(/7700|ECONNREFUSED/);
    const graphQuery = await ask('{ person(name: "李健文") { name roles { title organization { name } } } }');
    expect(graphQuery.errors).toBeUndefined();
    expect(graphQuery.data.person.roles[0]).toMatchObject({ title: '副馆长', organization: { name: '北京天文馆' } });
  });
});
