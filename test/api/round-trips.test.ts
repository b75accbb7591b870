import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { HOPS, type ViewNode } from '../../src/graph/view.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient, countingStore } from '../support/api.js';
import { meetingWithSpeakers } from '../support/facts.js';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';

/** A store, the round trips it made since the last reset (store calls, or Cypher statements), and their text. */
type Counted = { graph: GraphStore; calls: () => number; reset: () => void; statements: () => string[] };
type Ids = { event: string; first: string; fourth: string };
type Scenario = { query: string; variables: (ids: Ids) => Record<string, unknown>; check: (data: any, speakers: number) => void };

const ROLES = 'roles { title organization { name } }';

/** One root field each; the checks make sure each really read its rows, which grow with the speakers. */
const SCENARIOS: Record<string, Scenario> = {
  '3-level view': {
    query: `query ($id: ID!) { event(id: $id) { name participations { kind evidence { quote }
      participant { ... on Person { name ${ROLES} } ... on Organization { name } } } } }`,
    variables: (ids) => ({ id: ids.event }),
    check: (data, n) => {
      expect(data.event.participations).toHaveLength(n);
      expect(data.event.participations.every((p: any) => p.participant.roles.length === 2 && p.evidence)).toBe(true);
    },
  },
  '2-hop view': {
    query: `query ($id: ID!) { person(id: $id) { name roles { title organization { name roles { title person { name } } } } } }`,
    variables: (ids) => ({ id: ids.first }),
    // 发言人0 works where every third speaker does, each with two titles
    check: (data, n) => expect(data.person.roles.map((r: any) => r.organization.roles.length)).toEqual([2, 2].map((t) => t * Math.ceil(n / 3))),
  },
  'search hits with their entities': {
    query: `{ search(query: "发言人", types: [PERSON], first: 100) { hits { entity { name ... on Person { ${ROLES} } } } } }`,
    variables: () => ({}),
    check: (data, n) => {
      expect(data.search.hits.length).toBe(Math.min(n, 100));
      expect(data.search.hits.every((h: any) => h.entity.roles.length === 2)).toBe(true);
    },
  },
  path: {
    query: `query ($from: ID!, $to: ID!) { path(from: $from, to: $to) { length nodes { id ... on Entity { name } } edges { type label } } }`,
    variables: (ids) => ({ from: ids.first, to: ids.fourth }),
    check: (data) => expect(data.path.nodes.map((n: any) => n.name)).toEqual(['发言人0', '座谈会', '发言人3']), // both spoke there
  },
  neighborhood: {
    query: `query ($id: ID!) { neighborhood(id: $id, hops: 2, first: 500) { nodes { id ... on Entity { name } } edges { type } } }`,
    variables: (ids) => ({ id: ids.event }),
    check: (data, n) => expect(data.neighborhood.nodes).toHaveLength(1 + 3 * n), // the event, its speakers, their roles
  },
};

async function openMeeting(open: () => Promise<Counted>, speakers: number) {
  const counted = await open();
  const search = createEmbeddedIndex();
  await ingestDocument(validateFacts('t', meetingWithSpeakers(speakers), null), { graph: counted.graph, search });
  const id = async (label: 'Event' | 'Person', name: string) => (await counted.graph.findByName(label, name))[0]!.id;
  const ids: Ids = { event: await id('Event', '座谈会'), first: await id('Person', '发言人0'), fourth: await id('Person', '发言人3') };
  return { ...counted, client: apiClient(counted.graph, search), ids };
}

/** The round trips each scenario costs on a meeting of `speakers` speakers. */
async function roundTrips(open: () => Promise<Counted>, speakers: number): Promise<Record<string, number>> {
  const { graph, calls, reset, client, ids } = await openMeeting(open, speakers);
  try {
    const cost: Record<string, number> = {};
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      reset();
      const { data, errors } = await client.query(scenario.query, scenario.variables(ids));
      expect(errors, name).toBeUndefined();
      scenario.check(data, speakers);
      cost[name] = calls();
    }
    return cost;
  } finally {
    await graph.close();
  }
}

/** Every property name the store handed back in views: node and edge keys, all the way down the hops. */
function propertiesRead(nodes: readonly (ViewNode | null)[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (!node) continue;
    for (const key of Object.keys(node)) into.add(key);
    for (const steps of node[HOPS]?.values() ?? []) {
      for (const step of steps) for (const key of Object.keys(step.edge)) into.add(key);
      propertiesRead(steps.map((s) => s.node), into);
    }
  }
  return into;
}

function describeRoundTrips(store: string, open: () => Promise<Counted>) {
  it(`${store}: one round trip per root field, the same for 10× more rows`, async () => {
    const few = await roundTrips(open, 5);
    const many = await roundTrips(open, 50);
    expect(many).toEqual(few);
    expect(few).toEqual(Object.fromEntries(Object.keys(SCENARIOS).map((name) => [name, 1])));
  });

  it(`${store}: a view selecting only names reads no evidence, sources or figures`, async () => {
    const { graph, reset, client, ids, statements } = await openMeeting(open, 5);
    const read: (ViewNode | null)[] = [];
    const view = graph.view.bind(graph);
    graph.view = async (...args) => (await view(...args)).map((n) => (read.push(n), n));
    try {
      reset();
      const { data, errors } = await client.query(
        `query ($id: ID!) { event(id: $id) { name participations { participant { ... on Person { name roles { organization { name } } } } } } }`,
        { id: ids.event },
      );
      expect(errors).toBeUndefined();
      expect(data.event.participations).toHaveLength(5);
      const properties = propertiesRead(read);
      expect(properties).toContain('name');
      for (const unselected of ['evidence', 'sources', 'figures', 'aliases']) expect(properties).not.toContain(unselected);
      for (const statement of statements()) expect(statement).not.toMatch(/evidence|sources|figures|properties\(/);
    } finally {
      await graph.close();
    }
  });
}

describe('round trips', () => {
  describeRoundTrips('memory (store calls)', async () => {
    const graph = countingStore(createMemoryStore());
    return { graph, calls: graph.calls, reset: graph.reset, statements: () => [] };
  });
  describe.skipIf(!NEO4J_URI)('neo4j', () => {
    describeRoundTrips('neo4j (Cypher statements)', async () => {
      let sent: string[] = [];
      const graph = await openEmptyNeo4jStore((statement) => sent.push(statement));
      return { graph, calls: () => sent.length, reset: () => void (sent = []), statements: () => sent };
    });
  });
});
