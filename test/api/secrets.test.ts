import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { createMeilisearchIndex } from '../../src/search/meilisearch/index.js';

const KEYS = ['master-key-SECRET-0123456789', 'index-key-SECRET-abcdef', 'search-key-SECRET-fedcba'];

describe('keys never leave the service', () => {
  const logged: string[] = [];
  let meili: ReturnType<typeof createServer>;
  let url: string;

  beforeAll(async () => {
    // A stand-in that refuses every key, as Meilisearch does with a revoked one.
    meili = createServer((_, response) => {
      response.writeHead(403, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'The provided API key is invalid.', code: 'invalid_api_key', type: 'auth', link: '' }));
    });
    await new Promise<void>((resolve) => meili.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(meili.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => meili.close(() => resolve())));

  it('in no response, log line or error, even when Meilisearch refuses them', async () => {
    const [masterKey, indexKey, searchKey] = KEYS;
    const search = createMeilisearchIndex({ url, indexUid: 'tupu', masterKey, indexKey, searchKey, timeoutMs: 2000 });
    const sink = new Writable({ write: (chunk, _, done) => (logged.push(String(chunk)), done()) });
    const api = createApi({ graph: createMemoryStore(), search, logger: pino({ level: 'trace' }, sink) });
    const ask = (query: string) =>
      api.fetch('http://tupu.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

    const searched = await (await ask('{ search(query: "庄嘉") { total } }')).text();
    const ready = await (await api.fetch('http://tupu.test/readyz')).text();
    const errors = await Promise.all([search.ping(), search.upsert([]), search.fingerprints()].map((p) => p.then(() => '', (e: Error) => `${e.message} ${e.stack} ${JSON.stringify(e)}`)));

    expect(JSON.parse(searched).errors[0].extensions.code).toBe('SEARCH_UNAVAILABLE');
    expect(JSON.parse(ready)).toMatchObject({ ready: false, search: { state: 'down' } });
    const everything = [searched, ready, ...errors, ...logged].join('\n');
    for (const key of KEYS) expect(everything).not.toContain(key);
  });
});
