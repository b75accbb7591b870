import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { exposureFromConfig, type Exposure } from '../../src/api/exposure.js';
import { createApi } from '../../src/api/server.js';
import { readConfig } from '../../src/config.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';

const apiWith = (exposure?: Partial<Exposure>) =>
  createApi({ graph: createMemoryStore({ directory: '/srv/secret-data/graph' }), search: createEmbeddedIndex(), logger: pino({ level: 'silent' }), exposure });

const fromBrowser = (api: ReturnType<typeof apiWith>, origin: string) =>
  api.fetch('http://tupu.test/graphql', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });

describe('configuration for exposure', () => {
  it('sends no CORS headers unless origins are configured', async () => {
    const response = await fromBrowser(apiWith(), 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('allows the listed origins only, and never with credentials', async () => {
    const api = apiWith({ corsOrigins: ['https://newsroom.example', 'https://desk.example'] });
    const listed = await fromBrowser(api, 'https://desk.example');
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await fromBrowser(api, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows any origin for a wildcard, and then above all no credentials', async () => {
    const response = await fromBrowser(apiWith({ corsOrigins: ['*'] }), 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('serves GraphiQL and answers introspection only when switched on', async () => {
    const page = (api: ReturnType<typeof apiWith>) => api.fetch('http://tupu.test/graphql', { headers: { accept: 'text/html' } });
    const introspect = async (api: ReturnType<typeof apiWith>) => {
      const response = await api.fetch('http://tupu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __schema { queryType { name } } }"}' });
      return (await response.json()) as { data?: any; errors?: any[] };
    };
    const closed = apiWith();
    expect((await page(closed)).headers.get('content-type') ?? '').not.toMatch(/html/);
    expect((await introspect(closed)).errors![0].message).toMatch(/introspection/i);
    const open = apiWith({ graphiql: true, introspection: true });
    expect(await (await page(open)).text()).toMatch(/GraphiQL|graphiql/);
    expect((await introspect(open)).data.__schema.queryType.name).toBe('Query');
  });

  it('derives the defaults from NODE_ENV: open in development, closed in production unless enabled', () => {
    expect(exposureFromConfig(readConfig({}))).toEqual({ corsOrigins: [], graphiql: true, introspection: true });
    expect(exposureFromConfig(readConfig({ NODE_ENV: 'production' }))).toEqual({ corsOrigins: [], graphiql: false, introspection: false });
    const enabled = readConfig({ NODE_ENV: 'production', GRAPHIQL: 'on', INTROSPECTION: 'true', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(exposureFromConfig(enabled)).toEqual({ corsOrigins: ['https://a.example', 'https://b.example'], graphiql: true, introspection: true });
    expect(() => readConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL/);
  });

  it('says in /readyz which adapters answer, never where their data lives', async () => {
    const body = await (await apiWith().fetch('http://tupu.test/readyz')).text();
    expect(JSON.parse(body)).toMatchObject({ graph: { kind: 'memory' }, search: { kind: 'embedded' } });
    expect(body).not.toMatch(/srv|secret|\//);
  });
});
