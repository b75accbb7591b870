import { describe, expect, it } from 'vitest';
import { ingestDocument, ingestDocuments } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { ENTITY_LABELS, NODE_LABELS, REL_TYPES } from '../../src/model/index.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { meetingWithSpeakers } from '../support/facts.js';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';

/**
 * What one document costs Neo4j: the writer lock, one read of everything resolution consults, one read of
 * which touched entities exist, one write transaction (its reads for the merge, then at most one statement
 * per label and per relationship type), and the search documents' views, one per entity label, sent at once.
 */
const BOUND = 1 + 1 + 1 + (3 + NODE_LABELS.length + REL_TYPES.length) + ENTITY_LABELS.length;

describe.skipIf(!NEO4J_URI)('Neo4j round trips of an ingest (NEO4J_URI set)', () => {
  it('are bounded, the same for a document naming 2 people or 200, and for a batch of documents', async () => {
    const statements: string[] = [];
    const graph = await openEmptyNeo4jStore((statement) => statements.push(statement));
    const ports = { graph, search: createEmbeddedIndex() };
    const meeting = (people: number, title = `座谈会${people}`) => validateFacts('t', { ...meetingWithSpeakers(people), document: { title, publishedAt: null } }, null);
    const count = async (task: () => Promise<unknown>) => {
      statements.length = 0;
      await task();
      return statements.length;
    };
    try {
      await ingestDocument(meeting(3, 'warm-up'), ports); // the organizations are stored from here on
      const two = await count(() => ingestDocument(meeting(2), ports));
      const twoHundred = await count(() => ingestDocument(meeting(200), ports));
      const batch = await count(() => ingestDocuments([meeting(5, '一'), meeting(50, '二'), meeting(120, '三')], ports));
      expect(two).toBeLessThanOrEqual(BOUND);
      expect(twoHundred).toBe(two);
      expect(batch).toBe(two);
      expect((await graph.stats()).nodes.Person).toBe(200); // the speakers of one meeting are those of the next
    } finally {
      await graph.close();
    }
  }, 120_000);
});
