import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { NodeSelection } from '../../src/graph/view.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { apiClient } from '../support/api.js';
import { meetingWithSpeakers } from '../support/facts.js';

/** The trees the API hands the store for a query, one per root field. */
async function plansOf(query: string, variables?: Record<string, unknown>) {
  const graph = createMemoryStore();
  const plans: NodeSelection[] = [];
  const view = graph.view.bind(graph);
  graph.view = (ids, selection, vars) => (plans.push(selection), view(ids, selection, vars));
  const client = apiClient(graph, createEmbeddedIndex());
  const { errors } = await client.query(query, variables);
  expect(errors).toBeUndefined();
  return { plans, again: async () => (await client.query(query, variables), plans.at(-1)) };
}

describe('the view planner', () => {
  it('merges aliases of one field, fragments on the union, and keeps the kind as a variable', async () => {
    const { plans } = await plansOf(
      `query ($k: ParticipationKind) { event(id: "event_x") { name
        a: participations(kind: $k) { kind participant { ...P ... on Organization { name } } }
        b: participations(kind: $k) { evidence { quote } participant { ... on Person { aliases } } } } }
      fragment P on Person { name roles { title } }`,
      { k: 'CHAIR' },
    );
    expect(plans).toEqual([
      {
        label: 'Event',
        properties: ['name'],
        hops: [
          {
            type: 'TOOK_PART',
            direction: 'in',
            kind: { variable: 'k' },
            edge: ['kind', 'evidence'],
            node: {
              properties: ['name', 'aliases'],
              hops: [{ type: 'HOLDS', direction: 'out', edge: [], node: { label: 'Role', properties: ['title', 'name'], hops: [] } }],
            },
          },
        ],
      },
    ]);
  });

  it('follows the same field name to the relationship of each type (Person.roles, Organization.roles)', async () => {
    const { plans } = await plansOf('{ node(id: "x") { ... on Person { roles { title } } ... on Organization { roles { person { name } } } } }');
    expect(plans[0]!.hops.map((h) => `${h.type} ${h.direction}`)).toEqual(['HOLDS out', 'IN in']);
    expect(plans[0]!.label).toBeUndefined(); // Node is an interface: the label is read back
  });

  it('plans each field of a query document once', async () => {
    const { plans, again } = await plansOf('{ event(id: "event_x") { name place { name } } }');
    expect(await again()).toBe(plans[0]);
  });

  it('answers right when two selections of one field meet on one key at run time ($kind null)', async () => {
    const graph = createMemoryStore();
    const search = createEmbeddedIndex();
    await ingestDocument(validateFacts('t', meetingWithSpeakers(2), null), { graph, search });
    const [event] = await graph.findByName('Event', '座谈会');
    const { data, errors } = await apiClient(graph, search).query(
      `query ($id: ID!, $k: ParticipationKind) { event(id: $id) {
        all: participations { participant { ... on Person { name } } }
        some: participations(kind: $k) { kind participant { ... on Person { roles { title } } } } } }`,
      { id: event!.id, k: null },
    );
    expect(errors).toBeUndefined();
    expect(data.event.all.map((p: any) => p.participant.name)).toEqual(['发言人0', '发言人1'].sort());
    expect(data.event.some.map((p: any) => p.participant.roles.length)).toEqual([2, 2]);
  });
});
