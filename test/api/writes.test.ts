import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.js';
import { newToken, readTokens } from '../../src/api/tokens.js';
import { ConfigError } from '../../src/config.js';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { loadFiles } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { LATER_ARTICLE } from '../e2e/retract.suite.js';

const writer = newToken('newsroom', 'write');
const reader = newToken('archive', 'read');
const INGEST = 'mutation ($text: String!, $url: String) { ingestArticle(text: $text, url: $url) { document { id title url } created merged } }';
const RETRACT = 'mutation ($id: ID!) { retractDocument(id: $id) { documentId removedNodes keptNodes } }';
const text = LATER_ARTICLE.bytes.toString('utf8');

function setUp(lines: string[]) {
  const graph = createMemoryStore();
  const search = createEmbeddedIndex();
  const sink = new Writable({ write: (chunk, _, done) => (lines.push(String(chunk)), done()) });
  const tokens = readTokens({ TUPU_TOKENS: [writer.line, reader.line].join(',') });
  const api = createApi({ graph, search, tokens, logger: pino({ level: 'info' }, sink) });
  async function call(query: string, variables: object, token?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const response = await api.fetch('http://tupu.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  }
  return { graph, search, call };
}

describe('writes over HTTP, for those with a token', () => {
  const lines: string[] = [];
  const { graph, search, call } = setUp(lines);
  let seeded: Awaited<ReturnType<typeof graph.stats>>;

  beforeAll(async () => {
    await loadFiles([SEEDS_DIRECTORY], { graph, search });
    seeded = await graph.stats();
  });

  it('refuses a mutation without a token (401) or with an unknown one, and writes nothing', async () => {
    for (const token of [undefined, 'tupu_not-a-token']) {
      const refused = await call(INGEST, { text }, token);
      expect(refused.status).toBe(401);
      expect(refused.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(refused.body.data).toBeUndefined();
    }
    expect(await graph.stats()).toEqual(seeded);
    expect((await search.search({ query: '科普工作会议', first: 5 })).total).toBe(0);
  });

  it('refuses a mutation with a read token (403), and writes nothing', async () => {
    const refused = await call(INGEST, { text }, reader.token);
    expect(refused.status).toBe(403);
    expect(refused.body.errors![0]).toMatchObject({ message: 'The token "archive" may read, not write.', extensions: { code: 'FORBIDDEN' } });
    expect(await graph.stats()).toEqual(seeded);
  });

  it('ingests, then retracts, an article for a write token, logging the token name and never the token', async () => {
    const ingested = await call(INGEST, { text, url: LATER_ARTICLE.url }, writer.token);
    expect(ingested.body.errors).toBeUndefined();
    const { document, created, merged } = ingested.body.data.ingestArticle;
    expect(document.url).toBe(LATER_ARTICLE.url);
    expect(created).toBeGreaterThan(0);
    expect(merged).toBeGreaterThan(0); // 李建文 is the seed's 李健文
    expect(await graph.stats()).not.toEqual(seeded);

    const retracted = await call(RETRACT, { id: document.id }, writer.token);
    expect(retracted.body.data.retractDocument).toMatchObject({ documentId: document.id, keptNodes: expect.any(Number) });
    expect(await graph.stats()).toEqual(seeded);

    const writes = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'write');
    expect(writes.map((w) => w.token)).toEqual(['newsroom', 'newsroom']);
    expect(lines.join('')).not.toContain(writer.token);
  });

  it('answers bad writes with coded errors: an empty article, a bad url, an unknown document', async () => {
    const empty = await call(INGEST, { text: '   ' }, writer.token);
    expect(empty.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/ingestArticle: the file is empty/) });
    const badUrl = await call(INGEST, { text, url: 'not a url' }, writer.token);
    expect(badUrl.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/\$\.document\.url/) });
    const unknown = await call(RETRACT, { id: 'doc_nope' }, writer.token);
    expect(unknown.body.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await graph.stats()).toEqual(seeded);
  });

  it('takes an article larger than an anonymous body from a write token, up to the article limit', async () => {
    const long = `${text}${'北京天文馆举办科普活动。'.repeat(4000)}`; // ≈ 140 KB
    expect((await call('{ __typename }', { long })).status).toBe(413);
    const ingested = await call(INGEST, { text: long, url: 'https://example.org/long' }, writer.token);
    expect(ingested.body.errors).toBeUndefined();
  });
});

describe('reads, once a read token is configured', () => {
  const { call } = setUp([]);

  it('need a read or write token', async () => {
    const anonymous = await call('{ people { totalCount } }', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await call('{ people { totalCount } }', {}, reader.token)).body.data.people.totalCount).toBe(0);
    expect((await call('{ people { totalCount } }', {}, writer.token)).body.errors).toBeUndefined();
  });
});

describe('token configuration', () => {
  it('holds hashes, and refuses a token pasted in place of its hash, naming the entry', () => {
    expect(readTokens({ TUPU_TOKENS: writer.line })[0]).toMatchObject({ name: 'newsroom', scope: 'write' });
    expect(() => readTokens({ TUPU_TOKENS: `${writer.line},paper:write:${writer.token}` })).toThrow(ConfigError);
    expect(() => readTokens({ TUPU_TOKENS: `${writer.line},paper:write:${writer.token}` })).toThrow(/TUPU_TOKENS entry 2 needs the SHA-256/);
    expect(() => readTokens({ TUPU_TOKENS: 'paper:admin:00' })).toThrow(/scope "admin"/);
    expect(() => readTokens({ TUPU_TOKENS: `${writer.line},${writer.line}` })).toThrow(/configured twice/);
    expect(() => readTokens({ TUPU_TOKENS_FILE: '/nonexistent/tokens' })).toThrow(/TUPU_TOKENS_FILE \/nonexistent\/tokens/);
  });

  it('reads a tokens file, one entry a line, # comments, and names the line of a bad one', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'tupu-tokens-')), 'tokens');
    await writeFile(file, `# newsroom desks\n${writer.line}\n\n${reader.line}\n`);
    expect(readTokens({ TUPU_TOKENS_FILE: file }).map((t) => `${t.name}:${t.scope}`)).toEqual(['newsroom:write', 'archive:read']);
    await writeFile(file, `${writer.line}\nbroken\n`);
    expect(() => readTokens({ TUPU_TOKENS_FILE: file })).toThrow(`TUPU_TOKENS_FILE ${file} line 2 is not name:scope:sha256`);
  });
});
