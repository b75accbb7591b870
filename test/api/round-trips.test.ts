import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient, countingStore } from '../support/api.js';
import { meetingWithSpeakers } from '../support/facts.js';

const VIEW = `query ($id: ID!) { event(id: $id) { name
  participations { kind participant { ... on Person { name roles { title organization { name } } } ... on Organization { name } } } } }`;

/** Store calls made by the 3-level view (event → participations → person → roles) of a meeting of n speakers. */
async function callsForView(speakers: number) {
  const graph = countingStore(createMemoryStore());
  const search = createEmbeddedIndex();
  await ingestDocument(validateFacts('t', meetingWithSpeakers(speakers), null), { graph, search });
  const [event] = await graph.findByName('Event', '座谈会');
  graph.reset();
  const { data, errors } = await apiClient(graph, search).query(VIEW, { id: event!.id });
  expect(errors).toBeUndefined();
  expect(data.event.participations).toHaveLength(speakers);
  expect(data.event.participations.every((p: any) => p.participant.roles.length === 2)).toBe(true);
  return graph.calls();
}

describe('round trips', () => {
  it('a 3-level view costs the same number of store calls for 10× more participants', async () => {
    const few = await callsForView(5);
    const many = await callsForView(50);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });
});
