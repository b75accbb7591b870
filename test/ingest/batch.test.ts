import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../scripts/bench/corpus.js';
import { extractFile } from '../../src/cli/ingest.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { GraphStoreError } from '../../src/graph/errors.js';
import { PartialLoadError } from '../../src/ingest/errors.js';
import { factsFiles, ingestDocuments, loadFiles } from '../../src/ingest/load.js';
import { readFactsFile, validateFacts, type FactsDocument } from '../../src/ingest/read.js';
import { resolveFacts } from '../../src/ingest/resolve.js';
import type { FactsInput } from '../../src/model/facts.js';
import { ENTITY_LABELS, NODE_LABELS, REL_TYPES, type GraphChanges } from '../../src/model/index.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { GOLDEN_ARTICLES, GOLDEN_FACTS } from '../search/golden.suite.js';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';
import { smallFacts, writeFiles } from '../support/facts.js';

const person = (name: string, ...positions: [title: string, organization: string][]) => ({
  name,
  positions: positions.map(([title, organization]) => ({ title, organization, evidence: { quote: `${organization}${title}${name}` } })),
});
const doc = (title: string, rest: Partial<FactsInput>): FactsInput => ({ document: { title, publishedAt: '2021-03-01' }, events: [], ...rest });

/**
 * Documents whose resolution depends on what an earlier document of the same batch wrote: a homophone
 * variant merged in one and named again in the next under another title, tied there only through the
 * stored person's other role; a byline author recognised through the publisher; a document loaded twice.
 */
const orgs = [{ name: '北京天文馆' }, { name: '中国科学院' }];
const first = doc('一', { organizations: orgs, people: [person('李健文', ['副馆长', '北京天文馆'], ['研究员', '中国科学院'])] });
const variant = [
  doc('二', { organizations: orgs, people: [person('李建文', ['副馆长', '北京天文馆'])] }),
  doc('三', { organizations: [orgs[1]!], people: [person('李建文', ['院士', '中国科学院'])] }),
];

function dependentDocuments(): FactsInput[] {
  return [
    first,
    ...variant,
    { ...doc('四', { organizations: orgs }), document: { title: '四', publishedAt: null, publisher: '北京天文馆', authors: ['李珺'] } },
    doc('五', { organizations: [...orgs, { name: '北京天文馆宣传部', parent: '北京天文馆' }], people: [person('李珺', ['干事', '北京天文馆宣传部'])] }),
    first,
    smallFacts(),
  ];
}

async function testDocuments(): Promise<FactsDocument[]> {
  const generated = [...corpus(0.1)].map((facts, i) => validateFacts(`generated-${i}`, facts, null));
  const dependent = dependentDocuments().map((facts, i) => validateFacts(`dependent-${i}`, facts, null));
  const golden: FactsDocument[] = [];
  for (const article of GOLDEN_ARTICLES) golden.push(await extractFile(article));
  for (const file of await factsFiles(GOLDEN_FACTS)) golden.push(await readFactsFile(file));
  return [...dependent, ...golden, ...generated, ...dependent];
}

/** Every node and every edge, each list in id order: two stores holding the same graph dump equal. */
async function dump(store: GraphStore) {
  const nodes = [];
  for await (const batch of store.scan(NODE_LABELS, 500)) nodes.push(...batch);
  nodes.sort((a, b) => (a.id < b.id ? -1 : 1));
  const edges = (await store.edges(nodes.flatMap((n) => REL_TYPES.map((type) => ({ node: n.id, type, direction: 'out' as const }))))).flat();
  return { nodes, edges: edges.sort((a, b) => (a.id < b.id ? -1 : 1)), stats: await store.stats() };
}

/** The reference: each document resolved against the store itself and applied on its own. */
async function oneByOne(store: GraphStore, documents: readonly FactsDocument[]) {
  for (const { facts, text } of documents) await store.apply((await resolveFacts(store, facts, text)).changes);
}

function describeBatches(adapter: string, open: () => Promise<GraphStore>) {
  describe(`batched ingest (${adapter})`, () => {
    it('gives exactly the graph resolving and writing the documents one by one gives, whatever the batch size', async () => {
      const documents = await testDocuments();
      const reference = await open();
      await oneByOne(reference, documents);
      const expected = await dump(reference);
      await reference.close();
      expect(expected.stats.nodes.Person).toBeGreaterThan(100);
      const summaries = [];
      for (const batchSize of [1, 6, documents.length]) {
        const graph = await open();
        summaries.push(await ingestDocuments(documents, { graph, search: createEmbeddedIndex() }, batchSize));
        expect(await dump(graph)).toEqual(expected);
        await graph.close();
      }
      // Counted per document as one by one: an entity is created once, by the first document naming it.
      const entities = ENTITY_LABELS.reduce((sum, label) => sum + expected.stats.nodes[label], 0);
      expect(summaries[0]).toMatchObject({ documents: documents.length, created: entities });
      expect(new Set(summaries.map((s) => JSON.stringify(s))).size).toBe(1);
    }, 300_000);

    it('resolves a document against what an earlier one of its batch merged, and the stored ties of what it merged into', async () => {
      const [stored, ...batch] = [first, ...variant].map((facts, i) => validateFacts(`variant-${i}`, facts, null));
      const reference = await open();
      await oneByOne(reference, [stored!, ...batch]);
      const expected = await dump(reference);
      await reference.close();
      const graph = await open();
      const ports = { graph, search: createEmbeddedIndex() };
      await ingestDocuments([stored!], ports);
      expect(await ingestDocuments(batch, ports)).toEqual({ documents: 2, created: 2, merged: 2 }); // the two documents, and no person
      expect(await dump(graph)).toEqual(expected);
      const [li] = await graph.findByName('Person', '李建文');
      expect(li).toMatchObject({ name: '李健文', aliases: ['李建文'] });
      expect(expected.stats.nodes.Person).toBe(1);
      await graph.close();
    });
  });
}

describe('tupu load in batches', () => {
  it('writes batch after batch; a failed batch is not written, and the error names what was and what was not', async () => {
    const files = Object.fromEntries(['一', '二', '三', '四', '五'].map((title, i) => [`${i}.facts.json`, smallFacts({ document: { title, publishedAt: null } })]));
    const directory = await writeFiles(files);
    const graph = createMemoryStore();
    let applied = 0;
    const failingSecondWrite = new Proxy(graph, {
      get: (target, key, receiver) =>
        key === 'apply' ? (changes: GraphChanges) => (++applied === 2 ? Promise.reject(new GraphStoreError('disk full')) : target.apply(changes)) : Reflect.get(target, key, receiver),
    });
    const error = await loadFiles([directory], { graph: failingSecondWrite, search: createEmbeddedIndex() }, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialLoadError);
    const { written, notWritten, message } = error as PartialLoadError;
    expect([written, notWritten]).toEqual([['0.facts.json', '1.facts.json'], ['2.facts.json', '3.facts.json']].map((l) => l.map((f) => join(directory, f))));
    expect(message).toBe(`2 documents (${written[0]} through ${written[1]}) were written; the batch of 2 documents (${notWritten[0]} through ${notWritten[1]}) was not written, nor anything after it: disk full`);
    expect((await graph.stats()).nodes.Document).toBe(2);
    expect(applied).toBe(2); // nothing tried after the failed batch
  });
});

describeBatches('memory', async () => createMemoryStore());
describe.skipIf(!NEO4J_URI)('Neo4j (NEO4J_URI set)', () => describeBatches('neo4j', () => openEmptyNeo4jStore()));
