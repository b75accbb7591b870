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
});
