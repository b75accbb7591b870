import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient, countingStore } from '../support/api.js';
import { meetingWithSpeakers } from '../support/facts.js';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';

const VIEW = `query ($id: ID!) { event(id: $id) { name
  participations { kind participant { ... on Person { name roles { title organization { name } } } ... on Organization { name } } } } }`;

/** A store and a count of the round trips it made since the last reset. */
type Counted = { graph: GraphStore; calls: () => number; reset: () => void };

/** Round trips made by the 3-level view (event → participations → person → roles) of a meeting of n speakers. */
async function roundTripsForView(open: () => Promise<Counted>, speakers: number) {
  const { graph, calls, reset } = await open();
  const search = createEmbeddedIndex();
  try {
    await ingestDocument(validateFacts('t', meetingWithSpeakers(speakers), null), { graph, search });
    const [event] = await graph.findByName('Event', '座谈会');
    reset();
    const { data, errors } = await apiClient(graph, search).query(VIEW, { id: event!.id });
    expect(errors).toBeUndefined();
    expect(data.event.participations).toHaveLength(speakers);
    expect(data.event.participations.every((p: any) => p.participant.roles.length === 2)).toBe(true);
    return calls();
  } finally {
    await graph.close();
  }
}

function describeRoundTrips(store: string, open: () => Promise<Counted>) {
  it(`${store}: a 3-level view costs the same round trips for 10× more participants`, async () => {
    const few = await roundTripsForView(open, 5);
    const many = await roundTripsForView(open, 50);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(4); // the event, then one traversal per level: participants, roles, organizations
  });
}

describe('round trips', () => {
  describeRoundTrips('memory (store calls)', async () => {
    const graph = countingStore(createMemoryStore());
    return { graph, calls: graph.calls, reset: graph.reset };
  });
  describe.skipIf(!NEO4J_URI)('neo4j', () => {
    describeRoundTrips('neo4j (Cypher statements)', async () => {
      let statements = 0;
      const graph = await openEmptyNeo4jStore(() => statements++);
      return { graph, calls: () => statements, reset: () => void (statements = 0) };
    });
  });
});
