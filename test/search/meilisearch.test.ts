import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SearchError, SearchUnavailableError } from '../../src/search/errors.js';
import { fromIndexed, toIndexed } from '../../src/search/meilisearch/documents.js';
import { createMeilisearchIndex } from '../../src/search/meilisearch/index.js';
import { candidateQueries, quote } from '../../src/search/meilisearch/queries.js';
import {
  dictionaryWords,
  mergeDictionary,
  mergeSynonyms,
  pendingSettings,
  STATIC_SETTINGS,
  synonymsOf,
} from '../../src/search/meilisearch/settings.js';
import { analyzeQuery } from '../../src/search/tokenize.js';
import { deleteTestIndexes, MEILI_MASTER_KEY, MEILI_URL, meiliAdmin, openEmptyMeiliIndex, testIndexUid } from '../support/meilisearch.js';
import { sampleSearchDocuments, searchDoc } from '../support/search-builder.js';
import { describeGoldenSearch } from './golden.suite.js';
import { describeSearchIndex } from './index.contract.js';

// Against a real server: the one `npm test` starts (scripts/meili), or MEILI_URL and MEILI_MASTER_KEY given.
describe.skipIf(!MEILI_URL)('Meilisearch server', () => {
  const open = async () => openEmptyMeiliIndex();
  afterAll(deleteTestIndexes);

  describeSearchIndex('meilisearch', open);
  describeGoldenSearch('meilisearch', open);

  it('applies its settings once, and extends the dictionary and synonyms with new names', async () => {
    const uid = testIndexUid();
    await openEmptyMeiliIndex(uid).upsert(sampleSearchDocuments());
    const admin = meiliAdmin();
    const index = admin.index(uid);
    const settings = await index.getSettings();
    expect(settings.dictionary).toEqual(expect.arrayContaining(['李健文', '北京天文馆', '党委书记']));
    expect(settings.synonyms?.['科技部']).toContain('科学技术部');
    expect(settings.localizedAttributes).toContainEqual({ attributePatterns: expect.arrayContaining(['names']), locales: ['cmn'] });
    expect(pendingSettings(settings, STATIC_SETTINGS)).toEqual({});

    const updates = async () => (await admin.tasks.getTasks({ indexUids: [index.uid], types: ['settingsUpdate'] })).total;
    const before = await updates();
    const again = createMeilisearchIndex({ url: MEILI_URL!, indexUid: uid, masterKey: MEILI_MASTER_KEY });
    await again.upsert(sampleSearchDocuments());
    expect(await updates()).toBe(before); // nothing new: no settings task, no reindex
  });
});

describe('Meilisearch settings derived from the documents', () => {
  const docs = sampleSearchDocuments();

  it('keeps every learned name whole in the dictionary, simplified', () => {
    const words = dictionaryWords([...docs, searchDoc('ORGANIZATION', '北京天文館')]);
    expect(words).toEqual(expect.arrayContaining(['李健文', '李建文', '庄嘉', '北京天文馆', '中国园林博物馆', '党委书记', '副馆长']));
    expect(words.filter((w) => w === '北京天文馆')).toHaveLength(1);
    expect(words.every((w) => w.length > 1)).toBe(true);
  });

  it('links aliases and names both ways as synonyms', () => {
    const synonyms = synonymsOf(docs);
    expect(synonyms['科技部']).toEqual(['科学技术部']);
    expect(synonyms['科学技术部']).toEqual(['科技部']);
    expect(synonyms['李建文']).toEqual(['李健文']);
    expect(synonyms['庄嘉']).toBeUndefined();
  });

  it('merges dictionary and synonyms with what the index holds, null when nothing is new', () => {
    expect(mergeDictionary(['庄嘉'], ['庄嘉'])).toBeNull();
    expect(mergeDictionary(['庄嘉'], ['齐锐'])).toEqual(['庄嘉', '齐锐']);
    expect(mergeSynonyms({ 科技部: ['科学技术部'] }, { 科技部: ['科学技术部'] })).toBeNull();
    expect(mergeSynonyms({ 科技部: ['科学技术部'] }, { 科技部: ['科技局'] })).toEqual({ 科技部: ['科学技术部', '科技局'] });
  });

  it('declares Chinese attributes as Mandarin, filters by type, ranks names first', () => {
    expect(STATIC_SETTINGS.localizedAttributes).toContainEqual({ attributePatterns: expect.arrayContaining(['names', 'parts', 'context']), locales: ['cmn'] });
    expect(STATIC_SETTINGS.localizedAttributes).toContainEqual({ attributePatterns: ['pinyin'], locales: ['eng'] });
    expect(STATIC_SETTINGS.filterableAttributes).toEqual(expect.arrayContaining(['type', 'organizationIds', 'date']));
    expect(STATIC_SETTINGS.searchableAttributes[0]).toBe('names');
    expect(STATIC_SETTINGS.typoTolerance.disableOnAttributes).toContain('pinyin');
    const stored = toIndexed(docs[0]!);
    for (const field of [...STATIC_SETTINGS.searchableAttributes, ...STATIC_SETTINGS.filterableAttributes]) expect(stored).toHaveProperty(field);
    expect(stored.fingerprint).toMatch(/^[0-9a-f]{40}$/);
  });

  it('reads a document stored before surnames and given names were indexed as having none', () => {
    const { personal: _, ...older } = toIndexed(searchDoc('PERSON', '丁雪竹'));
    expect(fromIndexed(older as never).terms.personal).toEqual([]);
    expect(fromIndexed(toIndexed(searchDoc('PERSON', '丁雪竹'))).terms.personal).toEqual(['丁', '雪竹']);
  });

  it('applies only the settings that differ from what the server answers', () => {
    const echoed = {
      ...STATIC_SETTINGS,
      filterableAttributes: [...STATIC_SETTINGS.filterableAttributes].sort(), // a set: may come back in any order
      typoTolerance: { ...STATIC_SETTINGS.typoTolerance, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [] },
      dictionary: ['庄嘉'],
    };
    expect(pendingSettings(echoed, STATIC_SETTINGS)).toEqual({});
    expect(pendingSettings({ ...echoed, rankingRules: ['words'] }, STATIC_SETTINGS)).toEqual({ rankingRules: STATIC_SETTINGS.rankingRules });
    expect(Object.keys(pendingSettings({}, STATIC_SETTINGS)).sort()).toEqual(Object.keys(STATIC_SETTINGS).sort());
  });

  it('builds candidate queries with quoted terms and known types only', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    const [exact, chinese, pinyin] = candidateQueries('i', analyzeQuery('副馆长齐锐'), ['PERSON']);
    expect(exact!.filter).toEqual([expect.stringContaining('names IN ["副馆长齐锐"'), 'type IN ["PERSON"]']);
    expect(chinese).toMatchObject({ q: '副馆长齐锐', locales: ['cmn'] });
    expect(pinyin).toMatchObject({ q: 'fuguanchangqirui', attributesToSearchOn: ['pinyin'], locales: ['eng'] });
    expect(candidateQueries('i', analyzeQuery('zj'), null).map((q) => q.q)).toEqual(['', 'zj']);
    expect(candidateQueries('i', analyzeQuery('庄嘉'), ['NOT_A_TYPE' as never])).toEqual([]);
    expect(candidateQueries('i', analyzeQuery('  '), null)).toEqual([]);
  });
});

// A few canned Meilisearch answers, for the error paths only (it is no search engine).
type Answer = { status: number; body?: unknown } | 'hang';
async function fakeMeilisearch(answer: (method: string, path: string) => Answer) {
  const seen: { path: string; authorization: string | undefined }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    seen.push({ path: `${req.method} ${path}`, authorization: req.headers.authorization });
    const reply = answer(req.method!, path);
    if (reply === 'hang') return;
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return { url, seen, close };
}

const apiError = (code: string, message: string, type = 'invalid_request') => ({ message, code, type, link: `https://docs.meilisearch.com/errors#${code}` });
const KEYS = { masterKey: 'master-SECRET-0123456789abcdef', indexKey: 'index-SECRET-abcdef0123456789', searchKey: 'search-SECRET-fedcba9876543210' };

/** Every place a key could leak from an error: its text, its JSON, and its causes'. */
function expectNoKey(error: unknown) {
  const texts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    texts.push(String(e), (e as Error).message ?? '');
    try {
      texts.push(JSON.stringify(e) ?? '');
    } catch {
      // circular structures cannot leak through JSON
    }
  }
  for (const key of Object.values(KEYS)) for (const text of texts) expect(text).not.toContain(key);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('Meilisearch adapter errors (no server needed)', () => {
  const servers: { close(): Promise<void> }[] = [];
  const fake = async (answer: (method: string, path: string) => Answer) => {
    const server = await fakeMeilisearch(answer);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('reports a refused key as the service unavailable, without the key', async () => {
    const server = await fake((_, path) =>
      path === '/health' ? { status: 200, body: { status: 'available' } } : { status: 403, body: apiError('invalid_api_key', 'The provided API key is invalid.', 'auth') },
    );
    const index = createMeilisearchIndex({ url: server.url, indexUid: 'tupu_x', ...KEYS });
    const attempts = [() => index.ping(), () => index.search({ query: '庄嘉', first: 10 }), () => index.upsert(sampleSearchDocuments()), () => index.fingerprints()];
    for (const attempt of attempts) {
      const error = await failure(attempt());
      expect(error).toBeInstanceOf(SearchUnavailableError);
      expect(error.message).toMatch(new RegExp(`^the search service at 127\\.0\\.0\\.1:\\d+ is unavailable: .*invalid_api_key`));
      expectNoKey(error);
    }
    // the keys were sent, each to its side: queries with the search key, writes and settings with the indexing key
    expect(server.seen.find((r) => r.path === 'POST /multi-search')?.authorization).toBe(`Bearer ${KEYS.searchKey}`);
    expect(server.seen.find((r) => r.path === 'GET /indexes/tupu_x/settings')?.authorization).toBe(`Bearer ${KEYS.indexKey}`);
  });

  it('names the failed task with Meilisearch code and message', async () => {
    const server = await fake((method, path) => {
      if (method === 'GET' && path === '/indexes/tupu_x/settings') return { status: 404, body: apiError('index_not_found', 'Index `tupu_x` not found.') };
      if (method === 'POST' && path === '/indexes') return { status: 202, body: { taskUid: 42, indexUid: 'tupu_x', status: 'enqueued', type: 'indexCreation', enqueuedAt: '2024-01-01T00:00:00Z' } };
      if (path === '/tasks/42') {
        const error = apiError('invalid_index_uid', 'The index uid is invalid.');
        return { status: 200, body: { uid: 42, indexUid: 'tupu_x', status: 'failed', type: 'indexCreation', error, enqueuedAt: '2024-01-01T00:00:00Z' } };
      }
      return { status: 500, body: apiError('internal', 'unexpected request') };
    });
    const error = await failure(createMeilisearchIndex({ url: server.url, indexUid: 'tupu_x', ...KEYS }).upsert(sampleSearchDocuments()));
    expect(error).toBeInstanceOf(SearchError);
    expect(error).not.toBeInstanceOf(SearchUnavailableError);
    expect(error.message).toBe('Meilisearch task 42 (indexCreation) failed: invalid_index_uid: The index uid is invalid.');
    expectNoKey(error);
  });

  it('reads an index that does not exist yet as empty', async () => {
    const server = await fake(() => ({ status: 404, body: apiError('index_not_found', 'Index `tupu_x` not found.') }));
    const index = createMeilisearchIndex({ url: server.url, indexUid: 'tupu_x', ...KEYS });
    expect(await index.search({ query: '庄嘉', first: 10 })).toEqual({ total: 0, totalIsExact: true, hits: [], hasNextPage: false });
    expect((await index.fingerprints()).size).toBe(0);
  });

  it('reports a closed port as the service unavailable', async () => {
    const server = await fakeMeilisearch(() => ({ status: 200 }));
    await server.close();
    const index = createMeilisearchIndex({ url: server.url, indexUid: 'tupu_x', ...KEYS });
    const error = await failure(index.ping());
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect(error.message).toContain('ECONNREFUSED');
    expectNoKey(error);
  });

  it('reports a request that gets no answer in time as the service unavailable', async () => {
    const server = await fake(() => 'hang');
    const index = createMeilisearchIndex({ url: server.url, indexUid: 'tupu_x', timeoutMs: 200, ...KEYS });
    const error = await failure(index.search({ query: '庄嘉', first: 10 }));
    expect(error).toBeInstanceOf(SearchUnavailableError);
    expect(error.message).toContain('no answer within 200 ms');
    expectNoKey(error);
  });

  it('rejects a cursor it did not produce before asking the server', async () => {
    const index = createMeilisearchIndex({ url: 'http://127.0.0.1:9', indexUid: 'tupu_x' });
    await expect(index.search({ query: '庄嘉', first: 1, after: 'not-a-cursor' })).rejects.toThrow(/invalid cursor/);
  });
});
