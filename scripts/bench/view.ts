import type { Driver } from 'neo4j-driver';
import { createNeo4jStore } from '../../src/graph/neo4j/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import type { SearchIndex } from '../../src/search/port.js';
import { apiClient, countingStore } from '../../test/support/api.js';
import { latencies, median, ms, percentile, ratio, type Row } from './measure.js';
import { neo4jOptions, query } from './neo4j.js';

/** The 3-level view of test/api/round-trips.test.ts: event → participations → person → roles (→ organization). */
export const VIEW = `query ($id: ID!) { event(id: $id) { name
  participations { kind participant { ... on Person { name roles { title organization { name } } } ... on Organization { name } } } } }`;

/** The same data in one hand-written Cypher statement: the floor no generic resolver can beat. */
const FLOOR = `MATCH (e:Event {id: $id})
OPTIONAL MATCH (a:Node)-[t:TOOK_PART]->(e)
OPTIONAL MATCH (a)-[:HOLDS]->(r:Role)-[:IN]->(o:Organization)
WITH e, a, t, collect(CASE WHEN r IS NULL THEN null ELSE {title: r.title, organization: o.name} END) AS roles
RETURN e.name AS name, collect({kind: t.kind, name: a.name, roles: roles}) AS participations`;

type Client = ReturnType<typeof apiClient>;

async function viewOnce(client: Client, id: string): Promise<number> {
  const { data, errors } = await client.query(VIEW, { id });
  if (errors?.length || !data?.event) throw new Error(`view of ${id} failed: ${JSON.stringify(errors)}`);
  return data.event.participations.length;
}

/** Latencies of the view over the sample, and the store calls (or Cypher statements) one view costs. */
async function measureView(client: Client, ids: string[], calls: () => number, reset: () => void) {
  reset();
  await viewOnce(client, ids[0]!);
  const perView = calls();
  const times = await latencies(ids, (id) => viewOnce(client, id));
  return { perView, times };
}

export async function measureMemoryView(graph: GraphStore, search: SearchIndex, ids: string[]): Promise<Row> {
  const counted = countingStore(graph);
  const { perView, times } = await measureView(apiClient(counted, search), ids, counted.calls, counted.reset);
  return {
    measurement: '3-level view, embedded default',
    value: `p50 ${ms(median(times))}, p99 ${ms(percentile(times, 99))}`,
    baseline: '',
    ratio: '',
    target: '',
    note: `${perView} store calls per view; ${ids.length} events`,
  };
}

/** One participation as both sides can spell it: kind, name, and the sorted "title@organization" of its roles. */
const participation = (kind: string, name: string, roles: { title: string; organization: string }[]) =>
  JSON.stringify([kind, name, roles.map((r) => `${r.title}@${r.organization}`).sort()]);

async function viewData(client: Client, id: string) {
  const { data, errors } = await client.query(VIEW, { id });
  if (errors?.length || !data?.event) throw new Error(`view of ${id} failed: ${JSON.stringify(errors)}`);
  const rows = (data.event.participations as any[]).map((p) =>
    participation(p.kind, p.participant.name, (p.participant.roles ?? []).map((r: any) => ({ title: r.title, organization: r.organization.name }))),
  );
  return JSON.stringify([data.event.name, rows.sort()]);
}

async function floorData(driver: Driver, id: string) {
  const record = (await query(driver, FLOOR, { id })).records[0];
  if (!record) throw new Error(`the floor query found no event ${id}`);
  const rows = (record.get('participations') as any[]).filter((p) => p.kind !== null).map((p) => participation(p.kind, p.name, p.roles));
  return JSON.stringify([record.get('name'), rows.sort()]);
}

/**
 * The view through GraphQL on the Neo4j adapter against the floor query, on the same events. Before
 * timing, both are run on every sampled event and must return the same data (event name, each
 * participation's kind and participant name, each person's roles with their organization).
 */
async function neo4jView(driver: Driver, search: SearchIndex, ids: string[]) {
  let statements = 0;
  const graph = await createNeo4jStore({ ...neo4jOptions(), onQuery: () => statements++ });
  try {
    const client = apiClient(graph, search);
    const floor = (id: string) => query(driver, FLOOR, { id });
    let participations = 0;
    for (const id of ids) {
      const [viewed, floored] = [await viewData(client, id), await floorData(driver, id)];
      if (viewed !== floored) throw new Error(`the floor query and the view disagree on ${id}:\n  view  ${viewed}\n  floor ${floored}`);
      participations += (JSON.parse(viewed) as [string, string[]])[1].length;
    }
    const { perView, times } = await measureView(client, ids, () => statements, () => void (statements = 0));
    const floorTimes = await latencies(ids, floor);
    return { perView, times, floorTimes, participations };
  } finally {
    await graph.close();
  }
}

export async function measureNeo4jView(driver: Driver, search: SearchIndex, ids: string[]): Promise<Row[]> {
  const asIs = await neo4jView(driver, search, ids);
  const row = (measurement: string, r: typeof asIs, note: string): Row => ({
    measurement,
    value: `p50 ${ms(median(r.times))}, p99 ${ms(percentile(r.times, 99))}`,
    baseline: `p50 ${ms(median(r.floorTimes))}, p99 ${ms(percentile(r.floorTimes, 99))}`,
    ...ratio(median(r.times), median(r.floorTimes), 1.5, false),
    note: `${r.perView} Cypher statements per view vs 1; ${ids.length} events, ${r.participations} participations, identical data both ways${note}`,
  });
  return [row('3-level view, Neo4j: GraphQL vs one Cypher query', asIs, '')];
}
