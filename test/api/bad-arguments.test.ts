import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { smallFacts } from '../support/facts.js';

describe('bad arguments are errors, and client mistakes are not logged as failures', () => {
  const graph = createMemoryStore();
  const search = createEmbeddedIndex();
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const sink = new Writable({ write: (chunk, _, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const api = createApi({ graph, search, logger: pino({ level: 'trace' }, sink) });
  const post = async (query: string, variables?: object) => {
    const response = await api.fetch('http://tupu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };
  const get = async (parameters: string) => {
    const response = await api.fetch(`http://tupu.test/graphql?${parameters}`, { headers: { accept: 'application/json' } });
    return { status: response.status, body: (await response.json()) as { errors?: any[] } };
  };
  const codeOf = (result: { body: { errors?: any[] } }) => result.body.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    await ingestDocument(validateFacts('t', smallFacts(), null), { graph, search });
  });

  it('refuses a zero or negative first, hops or maxHops, naming the argument', async () => {
    for (const query of ['{ people(first: 0) { totalCount } }', '{ search(query: "李", first: -1) { total } }', '{ documents(first: -5) { totalCount } }']) {
      const result = await post(query);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.body.errors![0].message).toMatch(/^first must be at least 1, got -?\d+$/);
    }
    const [person] = await graph.findByName('Person', '李健文');
    expect((await post(`{ neighborhood(id: "${person!.id}", hops: -1) { nodes { id } } }`)).body.errors![0].message).toBe('hops must be at least 0, got -1');
    expect(codeOf(await post(`{ path(from: "${person!.id}", to: "${person!.id}", maxHops: -2) { length } }`))).toBe('BAD_USER_INPUT');
  });

  it('refuses a search longer than 200 characters', async () => {
    const result = await post('query ($q: String!) { search(query: $q) { total } }', { q: '天'.repeat(201) });
    expect(result.body.errors![0]).toMatchObject({ message: 'query is 201 characters; a search takes at most 200', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await post('query ($q: String!) { search(query: $q) { total } }', { q: '天'.repeat(200) })).body.errors).toBeUndefined();
  });

  it('refuses from after to instead of answering nothing', async () => {
    const result = await post('{ events(from: "2020-12-01", to: "2020-11-01") { totalCount } }');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors![0].message).toBe('from (2020-12-01) is after to (2020-11-01)');
  });

  it('answers NOT_FOUND for an unknown id where one is required, and null for "no path"', async () => {
    const [person] = await graph.findByName('Person', '李健文');
    const unknown = await post(`{ path(from: "${person!.id}", to: "nope") { length } }`);
    expect(unknown.body.errors![0]).toMatchObject({ message: 'nothing has the id "nope"', extensions: { code: 'NOT_FOUND' } });
    expect(codeOf(await post('{ neighborhood(id: "nope") { nodes { id } } }'))).toBe('NOT_FOUND');
    const [author] = await graph.findByName('Person', '李珺');
    const none = await post(`{ path(from: "${person!.id}", to: "${author!.id}", maxHops: 1) { length } }`);
    expect(none.body).toEqual({ data: { path: null } });
  });

  it('answers malformed GET parameters and mistyped variables with 400 and a code', async () => {
    const query = `query=${encodeURIComponent('query ($n: Int) { people(first: $n) { totalCount } }')}`;
    for (const bad of ['variables={bad', 'extensions=%7B%22a%22']) {
      const result = await get(`${query}&${bad}`);
      expect(result.status).toBe(400);
      expect(codeOf(result)).toBe('BAD_REQUEST');
    }
    const mistyped = await get(`${query}&variables=${encodeURIComponent('{"n":"x"}')}`);
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.errors![0]).toMatchObject({ message: expect.stringMatching(/Variable "\$n" got invalid value "x"/), extensions: { code: 'BAD_USER_INPUT' } });
    expect((await get(`${query}&variables=${encodeURIComponent('{"n":2}')}`)).status).toBe(200);
  });

  it('logs every one of those mistakes at info or below, without a stack', async () => {
    lines.length = 0;
    await post('{ people(after: "garbage") { totalCount } }');
    await post('{ people(first: -1) { totalCount } }');
    await get('query=%7B__typename%7D&variables={bad');
    await post('query ($n: Int) { people(first: $n) { totalCount } }', { n: 'x' });
    await post(`{ ${Array.from({ length: 30 }, (_, i) => `t${i}: __typename`).join(' ')} }`);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.level > 30)).toEqual([]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|\\n\s+at /); // no stack, nor frames in a message
  });
});
