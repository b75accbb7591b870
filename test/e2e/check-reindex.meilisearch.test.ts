import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { deleteTestIndexes, MEILI_MASTER_KEY, MEILI_URL, meiliAdmin, testIndexUid } from '../support/meilisearch.js';
import { tupuWith } from '../support/tupu.js';

// Several `tupu` processes, each starting TypeScript and nodejieba: a generous bound, not a timing assertion.
vi.setConfig({ testTimeout: 240_000 });

describe.skipIf(!MEILI_URL)('tupu check and tupu reindex against Meilisearch (MEILI_URL set)', () => {
  afterAll(deleteTestIndexes);

  it('finds no drift after a load, names what is missing and stray, and reindex repairs it', async () => {
    const data = await mkdtemp(join(tmpdir(), 'tupu-cli-meili-'));
    const uid = testIndexUid();
    const env = { MEILI_URL: MEILI_URL!, MEILI_MASTER_KEY: MEILI_MASTER_KEY ?? '', MEILI_INDEX: uid };
    expect((await tupuWith(env, data, 'load')).code).toBe(0);
    const clean = await tupuWith(env, data, 'check');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true, missing: [], stale: [], stray: [] });

    const index = meiliAdmin().index(uid);
    const { results } = await index.getDocuments<{ id: string }>({ fields: ['id'], limit: 1 });
    const removed = results[0]!.id;
    await index.deleteDocument(removed).waitTask();
    await index.addDocuments([{ id: 'person_not_in_the_graph', type: 'PERSON', name: '无名氏' }]).waitTask();

    const drifted = await tupuWith(env, data, 'check');
    expect(drifted.code).toBe(1);
    expect(JSON.parse(drifted.stdout)).toMatchObject({ ok: false, missing: [removed], stray: ['person_not_in_the_graph'] });
    expect(drifted.stderr).toMatch(/run tupu reindex/);

    const reindexed = await tupuWith(env, data, 'reindex');
    expect(reindexed.code).toBe(0);
    expect(JSON.parse(reindexed.stdout).indexed).toBeGreaterThan(50);
    expect((await tupuWith(env, data, 'check')).code).toBe(0);
    const found = JSON.parse((await tupuWith(env, data, 'search', '北大', '--json')).stdout);
    expect(found.hits).toEqual([]); // the seeds hold no 北京大学: a short form finds only what exists
    const given = JSON.parse((await tupuWith(env, data, 'search', '雪竹', '--json')).stdout);
    expect(given.hits[0]).toMatchObject({ type: 'PERSON', highlight: '丁<em>雪竹</em>' });
  });
});
