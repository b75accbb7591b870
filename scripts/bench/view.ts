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

/** The view through GraphQL on the Neo4j adapter against the floor query, on the same events, interleaved. */
export async function measureNeo4jView(driver: Driver, search: SearchIndex, ids: string[]): Promise<Row> {
  let statements = 0;
  const graph = await createNeo4jStore({ ...neo4jOptions(), onQuery: () => statements++ });
  try {
    const client = apiClient(graph, search);
    const floor = (id: string) => query(driver, FLOOR, { id });
    const check = (await floor(ids[0]!)).records[0]!.get('participations') as unknown[];
    if (check.length !== (await viewOnce(client, ids[0]!))) throw new Error('the floor query and the view disagree');
    const { perView, times } = await measureView(client, ids, () => statements, () => void (statements = 0));
    const floorTimes = await latencies(ids, floor);
    return {
      measurement: '3-level view, Neo4j: GraphQL vs one Cypher query',
      value: `p50 ${ms(median(times))}, p99 ${ms(percentile(times, 99))}`,
      baseline: `p50 ${ms(median(floorTimes))}, p99 ${ms(percentile(floorTimes, 99))}`,
      ...ratio(median(times), median(floorTimes), 1.5, false),
      note: `${perView} Cypher statements per view vs 1; ${ids.length} events`,
    };
  } finally {
    await graph.close();
  }
}
