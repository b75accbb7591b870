import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/cli/ingest.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { checkIndex } from '../../src/ingest/index-sync.js';
import { ingestDocument, type Ports } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient } from '../support/api.js';
import { deleteTestIndexes, MEILI_URL, openEmptyMeiliIndex } from '../support/meilisearch.js';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';

const article = (name: string) => new URL(`../fixtures/articles/${name}`, import.meta.url).pathname;

/** An article ingested without hand-written facts, into the ports `open` gives (empty). */
function describeArticleIngest(ports: string, open: () => Promise<Ports>) {
  describe(`an article ingested without hand-written facts (${ports})`, () => {
    it('is searchable over GraphQL, its people with their positions, and the index matches the graph', async () => {
      const opened = await open();
      try {
        await ingestDocument(await extractFile(article('liquan-2016.txt')), opened);
        const { data, errors } = await apiClient(opened.graph, opened.search).query(
          '{ search(query: "呼燕", types: [PERSON]) { hits { entity { ... on Person { name roles { title organization { name } } sources { title } } } } } }',
        );
        expect(errors).toBeUndefined();
        const person = data.search.hits[0].entity;
        expect(person.name).toBe('呼燕');
        expect(person.roles.map((r: any) => `${r.organization.name} ${r.title}`)).toEqual(
          expect.arrayContaining(['陕西省科协 党组书记', '陕西省科协 常务副主席']),
        );
        expect(person.sources).toHaveLength(1);
        expect(await checkIndex(opened)).toEqual({ missing: [], stale: [], stray: [] });
        // Its organizations by their full names, though the article writes them short (科协 for 科学技术协会).
        const { data: full } = await apiClient(opened.graph, opened.search).query('{ search(query: "陕西省科学技术协会") { hits { highlight entity { name } } } }');
        expect(full.search.hits[0]).toEqual({ highlight: '<em>陕西省科协</em>', entity: { name: '陕西省科协' } });
      } finally {
        await opened.graph.close();
      }
    });
  });
}

describeArticleIngest('memory + embedded', async () => ({ graph: createMemoryStore(), search: createEmbeddedIndex() }));

describe.skipIf(!NEO4J_URI || !MEILI_URL)('Neo4j + Meilisearch (NEO4J_URI and MEILI_URL set)', () => {
  afterAll(deleteTestIndexes);
  describeArticleIngest('neo4j + meilisearch', async () => ({ graph: await openEmptyNeo4jStore(), search: openEmptyMeiliIndex() }));
});

describe('the extracted seed article merged into the curated one', () => {
  it('keeps 李建文 an alias of 李健文', async () => {
    const ports = { graph: createMemoryStore(), search: createEmbeddedIndex() };
    const seed = new URL('../../seeds/bjp-2020-11-26-jinggangshan-summary.txt', import.meta.url).pathname;
    await ingestDocument(await extractFile(seed), ports);
    const people = await ports.graph.findByName('Person', '李建文');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: '李健文', aliases: ['李建文'] });
  });
});
