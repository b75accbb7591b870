import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileBody, runHostility } from '../../scripts/bench/hostility.js';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { loadFiles } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { startServer } from '../support/server.js';

const MiB = 2 ** 20;

describe('the hostile run that crashed the server', () => {
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    const graph = createMemoryStore();
    const search = createEmbeddedIndex();
    await loadFiles([SEEDS_DIRECTORY], { graph, search });
    server = await startServer(graph, search);
  });
  afterAll(() => server?.close());

  it('replayed with 400 varied 90 KB bodies: each refused with its code and status, RSS grows less than 200 MiB', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const answers = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const body = hostileBody(i * 4); // the crash body, a different comment each time
      expect(body.length).toBeGreaterThan(90_000);
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      const key = `${response.status} ${errors[0]!.extensions.code} ${errors[0]!.message}`;
      answers.set(key, (answers.get(key) ?? 0) + 1);
    }
    expect([...answers]).toEqual([['400 QUERY_TOO_COMPLEX Token limit of 2000 exceeded.', 400]]);
    // Before the limits, memory grew by ≈ 3.7 GB over 195 such bodies; what is left now is noise.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const { data } = await server.query('{ search(query: "李建文") { hits { entity { name } } } }');
    expect(data.search.hits[0].entity.name).toBe('李健文');
  });

  it('keeps answering searches and /healthz while four clients flood it with the worst bodies it accepts or refuses', async () => {
    const result = await runHostility({ url: server.url, hostileClients: 4, bodiesPerClient: 40, normalClients: 2, queries: ['李建文', '天文馆', 'zhuangjia', '科技部'] });
    const refused = result.hostile['400 QUERY_TOO_COMPLEX'];
    expect(refused).toBe(80); // the crash bodies and the deep lists
    expect(result.hostile['200 ok']).toBe(80); // the largest document and the costliest query accepted
    expect(result.search.count).toBeGreaterThan(0);
    expect(result.search.failures).toBe(0);
    expect(result.healthz.failures).toBe(0);
  });
});
