import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import type { GraphStore } from '../../src/graph/port.js';
import { ingestArticle } from '../../src/ingest/article.js';
import { checkIndex } from '../../src/ingest/index-sync.js';
import { loadFiles, type Ports } from '../../src/ingest/load.js';
import { retractDocument } from '../../src/ingest/retract.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';

/** An article of its own (its own url, so its own document) about people and organizations of the seed. */
export const LATER_ARTICLE = {
  bytes: Buffer.from('2020年12月1日，北京天文馆党委书记、副馆长李建文在北京天文馆主持召开科普工作会议。中国科学技术交流中心副主任庄嘉出席会议并讲话。\n'),
  source: 'later.txt',
  url: 'https://example.org/news/2020-12-01',
  publishedAt: '2020-12-01',
};

/** The seed document's id: the one document the seed facts hold. */
async function seedDocumentId(graph: GraphStore): Promise<string> {
  const { items } = await graph.list('Document', { first: 1 });
  return items[0]!.node.id;
}

/**
 * Retracts the seed and loads it again, then ingests the later article and retracts it: the graph should
 * be the seed graph again, which the seed API suite then checks answer by answer.
 */
export async function retractAndRestore(ports: Ports): Promise<void> {
  await retractDocument(await seedDocumentId(ports.graph), ports);
  await loadFiles([SEEDS_DIRECTORY], ports);
  const { documentId } = await ingestArticle(LATER_ARTICLE, ports);
  await retractDocument(documentId, ports);
}

export function describeRetractReplay(store: string, open: () => Promise<GraphStore>) {
  describe(`retract, then ingest again (${store})`, () => {
    let ports: Ports;
    beforeAll(async () => {
      ports = { graph: await open(), search: createEmbeddedIndex() };
      await loadFiles([SEEDS_DIRECTORY], ports);
    });
    afterAll(() => ports?.graph.close());

    it('the seed: retracting it empties the graph and the index, loading it again gives the same stats', async () => {
      const seeded = await ports.graph.stats();
      await retractDocument(await seedDocumentId(ports.graph), ports);
      const empty = await ports.graph.stats();
      expect(Object.values(empty.nodes).every((n) => n === 0) && Object.values(empty.relationships).every((n) => n === 0)).toBe(true);
      expect((await ports.search.fingerprints()).size).toBe(0);
      await loadFiles([SEEDS_DIRECTORY], ports);
      expect(await ports.graph.stats()).toEqual(seeded);
      expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });
    });

    it('an ingested article: retracting it gives the seed stats back, keeping what the seed supports without its evidence', async () => {
      const seeded = await ports.graph.stats();
      const seed = await seedDocumentId(ports.graph);
      const { documentId } = await ingestArticle(LATER_ARTICLE, ports);
      const ingested = await ports.graph.stats();
      expect(ingested).not.toEqual(seeded);
      const [before] = await ports.graph.findByName('Person', '李健文');
      expect(before!.sources.sort()).toEqual([documentId, seed].sort());

      expect(await retractDocument(documentId, ports)).toMatchObject({ documentId, keptNodes: expect.any(Number) });
      expect(await ports.graph.stats()).toEqual(seeded);
      const [after] = await ports.graph.findByName('Person', '李健文');
      expect(after!.sources).toEqual([seed]);
      expect(after!.evidence.every((e) => e.document === seed)).toBe(true);
      expect(after!.aliases).toEqual(['李建文']); // the seed spells it too
      expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });

      await ingestArticle(LATER_ARTICLE, ports);
      expect(await ports.graph.stats()).toEqual(ingested);
      expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });
    });

    it('answers null for an id that is no document', async () => {
      expect(await retractDocument('doc_nope', ports)).toBeNull();
    });
  });
}
