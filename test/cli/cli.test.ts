import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readTokens } from '../../src/api/tokens.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { NEO4J_URI, neo4jOptions, openEmptyNeo4jStore } from '../support/neo4j.js';
import { TUPU_BIN, tupuWith } from '../support/tupu.js';

// Each test runs several `tupu` processes, each starting TypeScript and loading the segmentation
// dictionary: seconds apiece on a busy two-core machine. A generous bound, not a timing assertion.
vi.setConfig({ testTimeout: 180_000 });

/** Runs `tupu …` on the embedded default, in its own data directory. */
const tupu = (data: string, ...args: string[]) => tupuWith({}, data, ...args);
const run = promisify(execFile);

describe('the tupu command', () => {
  let data: string;
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'tupu-cli-'));
    expect((await tupu(data, 'load')).code).toBe(0);
  });

  it('loads the seeds idempotently: a second load leaves every count unchanged', async () => {
    const before = JSON.parse((await tupu(data, 'stats')).stdout);
    expect(before.nodes).toMatchObject({ Person: 22, Role: 22, Event: 2, Agreement: 1, Document: 1 });
    expect((await tupu(data, 'load')).code).toBe(0);
    expect(JSON.parse((await tupu(data, 'stats')).stdout)).toEqual(before);
  });

  it('refuses a broken facts file with its path and JSON path, exits ≠ 0, and loads nothing of the batch', async () => {
    const before = (await tupu(data, 'stats')).stdout;
    const dir = await mkdtemp(join(tmpdir(), 'tupu-bad-'));
    const good = join(dir, 'good.facts.json');
    const bad = join(dir, 'bad.facts.json');
    await writeFile(good, JSON.stringify({ document: { title: '好文章' }, people: [{ name: '新人' }] }));
    await writeFile(bad, JSON.stringify({ document: { title: '坏文章' }, people: [{ name: '王五', positions: [{ title: '主任', organization: '不存在', evidence: { quote: 'x' } }] }] }));
    const result = await tupu(data, 'load', good, bad);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${bad}: $.people[0].positions[0].organization`);
    expect(result.stderr).toMatch(/nothing was loaded/);
    expect((await tupu(data, 'stats')).stdout).toBe(before);
  });

  it('refuses a pipe, a device and a directory holding no article as articles at once, naming each, and loads nothing', async () => {
    const before = (await tupu(data, 'stats')).stdout;
    const dir = await mkdtemp(join(tmpdir(), 'tupu-inputs-'));
    const fifo = join(dir, 'article.fifo');
    await run('mkfifo', [fifo]);
    const result = await tupu(data, 'ingest', fifo, '/dev/zero', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${fifo}: not a regular file (a named pipe)`);
    expect(result.stderr).toContain('/dev/zero: not a regular file (a device)');
    expect(result.stderr).toContain(`${dir}: a directory with no article files (.txt, .htm, .html)`);
    expect(result.stdout).toContain('0 documents ingested');
    expect((await tupu(data, 'stats')).stdout).toBe(before);
  });

  it('never prints credentials written into a server address or a secret setting', async () => {
    const secret = 'pw-SECRET-4242';
    const inUri = await tupuWith({ NEO4J_URI: `bolt://neo4j:${secret}@127.0.0.1:1` }, data, 'stats');
    expect(inUri.code).toBe(2);
    expect(inUri.stderr).toContain('NEO4J_URI: must not carry a user or password');
    // A search service that is down is logged as a warning; its key must not be in that line or any other.
    const keyed = await tupuWith({ MEILI_URL: 'http://127.0.0.1:1', MEILI_MASTER_KEY: secret, LOG_LEVEL: 'debug' }, data, 'search', '天文');
    expect(keyed.stderr).toMatch(/unavailable/);
    for (const out of [inUri, keyed]) expect(out.stdout + out.stderr).not.toContain(secret);
  });

  it('searches from the command line, as a table or as JSON', async () => {
    const table = await tupu(data, 'search', '李建文');
    expect(table.stdout).toMatch(/李健文（【李建文】）/);
    const json = JSON.parse((await tupu(data, 'search', 'zhuangjia', '--json')).stdout);
    expect(json.hits[0]).toMatchObject({ type: 'PERSON', highlight: '<em>庄嘉</em>' });
    const typed = await tupu(data, 'search', '天文馆', '--type', 'nonsense');
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/unknown type NONSENSE/);
  });

  it('reports no drift between graph and index after a load', async () => {
    const result = await tupu(data, 'check');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, missing: [], stale: [], stray: [] });
  });

  it('extracts the seed article: 李健文 once, 李建文 as his alias, his two positions; JSON only on stdout', async () => {
    const { code, stdout } = await tupu(data, 'extract', new URL('../../seeds/bjp-2020-11-26-jinggangshan-summary.txt', import.meta.url).pathname);
    expect(code).toBe(0);
    const facts = JSON.parse(stdout);
    const li = facts.people.filter((p: any) => p.name === '李健文' || p.aliases.includes('李健文'));
    expect(li).toHaveLength(1);
    expect(li[0].aliases).toContain('李建文');
    expect(li[0].positions.map((p: any) => `${p.organization} ${p.title}`).sort()).toEqual(['北京天文馆 党委书记', '北京天文馆 副馆长']);
  });

  it('ingests a raw article, ends with a summary line, and leaves no drift between graph and index', async () => {
    const article = new URL('../fixtures/articles/liquan-2016.txt', import.meta.url).pathname;
    const result = await tupu(data, 'ingest', article);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 documents ingested, \d+ new entities, \d+ merged, 0 errors$/m);
    const check = await tupu(data, 'check');
    expect(check.code).toBe(0);
    const search = JSON.parse((await tupu(data, 'search', '呼燕', '--json')).stdout);
    expect(search.hits[0].description).toMatch(/陕西省科协/);
  });

  it('refuses an empty or binary article with its path and loads nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tupu-article-'));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
    const before = (await tupu(data, 'stats')).stdout;
    const result = await tupu(data, 'ingest', join(dir, 'empty.txt'), join(dir, 'binary.txt'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'empty.txt')}: the file is empty`);
    expect(result.stderr).toContain(`${join(dir, 'binary.txt')}: not a text file`);
    expect(result.stdout).toMatch(/0 documents ingested, 0 new entities, 0 merged, 2 errors/);
    expect((await tupu(data, 'stats')).stdout).toBe(before);
  });

  it('retracts an ingested article: the seed counts come back, the index has no drift, an unknown id exits 2', async () => {
    const own = await mkdtemp(join(tmpdir(), 'tupu-retract-'));
    expect((await tupu(own, 'load')).code).toBe(0);
    const seeded = (await tupu(own, 'stats')).stdout;
    const documents = async () => (await createMemoryStore({ directory: join(own, 'graph') }).list('Document', { first: 10 })).items.map((i) => i.node.id);
    const [seed] = await documents();
    const article = new URL('../fixtures/articles/liquan-2016.txt', import.meta.url).pathname;
    expect((await tupu(own, 'ingest', article)).code).toBe(0);
    const ingested = { id: (await documents()).find((id) => id !== seed)! };
    const retracted = await tupu(own, 'retract', ingested.id);
    expect(retracted.code).toBe(0);
    expect(JSON.parse(retracted.stdout)).toMatchObject({ documentId: ingested.id, removedNodes: expect.any(Number) });
    expect((await tupu(own, 'stats')).stdout).toBe(seeded);
    expect((await tupu(own, 'check')).code).toBe(0);
    const unknown = await tupu(own, 'retract', 'doc_nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('tupu: no document has the id "doc_nope" (tupu search --type DOCUMENT finds ids)');
  });

  it('makes a token: the token for its holder, and a configuration line that holds only its hash', async () => {
    const made = JSON.parse((await tupu(data, 'token', 'newsroom')).stdout) as { token: string; config: string };
    expect(made.config).not.toContain(made.token);
    expect(readTokens({ TUPU_TOKENS: made.config })).toMatchObject([{ name: 'newsroom', scope: 'write' }]);
    expect((await tupu(data, 'token', 'desk', '--scope', 'admin')).code).toBe(2);
  });

  it('serves an empty data directory by loading the seeds first', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tupu-serve-'));
    const child = spawn(process.execPath, [TUPU_BIN, 'serve'], { env: { ...process.env, TUPU_DATA: empty, PORT: '0', LOG_LEVEL: 'info', NEO4J_URI: '', MEILI_URL: '' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let log = '';
        child.stderr.on('data', (chunk: Buffer) => {
          log += chunk;
          const match = /"url":"(http:[^"]+)"/.exec(log);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${log}`)));
      });
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ people { totalCount } }' }) });
      expect(await response.json()).toEqual({ data: { people: { totalCount: 22 } } });
      const graphiql = await fetch(url, { headers: { accept: 'text/html' } });
      expect(await graphiql.text()).toMatch(/graphiql/i);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe.skipIf(!NEO4J_URI)('the tupu command on Neo4j (NEO4J_URI set)', () => {
  it('loads the seeds twice into Neo4j and every count of tupu stats stays the same', async () => {
    await (await openEmptyNeo4jStore()).close();
    const data = await mkdtemp(join(tmpdir(), 'tupu-cli-neo4j-'));
    const env = { NEO4J_URI: NEO4J_URI!, NEO4J_PASSWORD: neo4jOptions().password };
    expect((await tupuWith(env, data, 'load')).code).toBe(0);
    const first = JSON.parse((await tupuWith(env, data, 'stats')).stdout);
    expect(first.nodes).toMatchObject({ Person: 22, Role: 22, Event: 2, Agreement: 1 });
    expect((await tupuWith(env, data, 'load')).code).toBe(0);
    expect(JSON.parse((await tupuWith(env, data, 'stats')).stdout)).toEqual(first);
  });

  it('stops with one clear line on a wrong password, and on a wrong address', async () => {
    const data = await mkdtemp(join(tmpdir(), 'tupu-cli-neo4j-'));
    const badPassword = await tupuWith({ NEO4J_URI: NEO4J_URI!, NEO4J_PASSWORD: 'not-the-password' }, data, 'stats');
    expect(badPassword.code).toBe(3);
    expect(badPassword.stderr.trim().split('\n')).toHaveLength(1);
    expect(badPassword.stderr).toMatch(/Neo4j graph store at .* is unavailable: the user name or password was refused/);
    expect(badPassword.stderr).not.toMatch(/not-the-password/);
    const badAddress = await tupuWith({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' }, data, 'stats');
    expect(badAddress.code).toBe(3);
    expect(badAddress.stderr.trim().split('\n')).toHaveLength(1);
    expect(badAddress.stderr).toMatch(/bolt:\/\/127\.0\.0\.1:1 is unavailable/);
  });
});
