import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/cli/ingest.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { checkIndex } from '../../src/ingest/index-sync.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient } from '../support/api.js';

const article = (name: string) => new URL(`../fixtures/articles/${name}`, import.meta.url).pathname;

describe('an article ingested without hand-written facts', () => {
  it('is searchable over GraphQL, its people with their positions, and the index matches the graph', async () => {
    const ports = { graph: createMemoryStore(), search: createEmbeddedIndex() };
    await ingestDocument(await extractFile(article('liquan-2016.txt')), ports);
    const { data, errors } = await apiClient(ports.graph, ports.search).query(
      '{ search(query: "呼燕", types: [PERSON]) { hits { entity { ... on Person { name roles { title organization { name } } sources { title } } } } } }',
    );
    expect(errors).toBeUndefined();
    const person = data.search.hits[0].entity;
    expect(person.name).toBe('呼燕');
    expect(person.roles.map((r: any) => `${r.organization.name} ${r.title}`)).toEqual(
      expect.arrayContaining(['陕西省科协 党组书记', '陕西省科协 常务副主席']),
    );
    expect(person.sources).toHaveLength(1);
    expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });
  });

  it('merges the extracted seed article into the curated one: 李建文 stays an alias of 李健文', async () => {
    const ports = { graph: createMemoryStore(), search: createEmbeddedIndex() };
    const seed = new URL('../../seeds/bjp-2020-11-26-jinggangshan-summary.txt', import.meta.url).pathname;
    await ingestDocument(await extractFile(seed), ports);
    const people = await ports.graph.findByName('Person', '李建文');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: '李健文', aliases: ['李建文'] });
  });
});
