import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { sampleSearchDocuments } from '../support/search-builder.js';
import { describeSearchIndex } from './index.contract.js';

describeSearchIndex('embedded', async () => createEmbeddedIndex());
describeSearchIndex('embedded, persisted', async () =>
  createEmbeddedIndex({ directory: await mkdtemp(join(tmpdir(), 'tupu-search-')) }),
);

describe('embedded index persistence', () => {
  it('shares its documents with another process opening the same directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'tupu-search-'));
    const [writer, reader] = [createEmbeddedIndex({ directory }), createEmbeddedIndex({ directory })];
    await writer.upsert(sampleSearchDocuments());
    expect((await reader.search({ query: '庄嘉', first: 1 })).hits[0]?.highlight).toBe('<em>庄嘉</em>');
    await writer.clear();
    expect((await reader.fingerprints()).size).toBe(0);
  });

  it('opened on a directory of many versions of its documents, answers as the index that wrote them', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'tupu-search-'));
    const writer = createEmbeddedIndex({ directory });
    const documents = sampleSearchDocuments();
    // Each version a load writes: the document alone, then with more aliases, titles and sources.
    for (const [i, doc] of documents.entries()) await writer.upsert([{ ...doc, aliases: [], titles: [], sources: [] }, documents[(i + 1) % documents.length]!]);
    await writer.upsert(documents);
    await writer.remove([documents[0]!.id]);
    const reopened = createEmbeddedIndex({ directory });
    expect(await reopened.fingerprints()).toEqual(await writer.fingerprints());
    expect((await reopened.search({ query: documents[1]!.name, first: 1 })).hits[0]?.id).toBe(documents[1]!.id);
    expect((await reopened.search({ query: documents[0]!.name, first: 10 })).hits.map((h) => h.id)).not.toContain(documents[0]!.id);
    for (const query of [documents[1]!.name, ...documents.flatMap((d) => d.aliases), documents[0]!.name, 'zhuangjia']) {
      expect(await reopened.search({ query, first: 10 })).toEqual(await writer.search({ query, first: 10 }));
    }
  });
});

describe('embedded pinyin index', () => {
  it('finds a name by a prefix of its pinyin of any length from 3 letters, though it keeps prefixes only to 12', async () => {
    const index = createEmbeddedIndex();
    const documents = sampleSearchDocuments();
    await index.upsert(documents);
    const museum = documents.find((d) => d.name === '北京天文馆')!.id;
    for (const query of ['bei', 'beijingtian', 'beijingtianw', 'beijingtianwe', 'beijingtianwengu', 'beijingtianwenguan', 'bjtwg']) {
      expect((await index.search({ query, types: ['ORGANIZATION'], first: 1 })).hits[0]?.id, query).toBe(museum);
    }
    expect((await index.search({ query: 'beijingtianwenguanx', first: 1 })).hits).toEqual([]);
  });
});
