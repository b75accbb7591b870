import type { Driver } from 'neo4j-driver';
import { createNeo4jStore } from '../../src/graph/neo4j/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import type { SearchIndex } from '../../src/search/port.js';
import { apiClient, countingStore } from '../../test/support/api.js';
import { latencies, median, ms, percentile, ratio, time, type Row } from './measure.js';
import { neo4jOptions, query } from './neo4j.js';
import { neo4jGraphQL } from './neo4j-graphql.js';
import { EVENT_VIEW, PERSON_VIEW, type View } from './views.js';

/** One way of answering a view: its canonical answer for a root id, and the statements it sent so far. */
interface Contender {
  name: string;
  answer(id: string): Promise<string>;
  statements(): number;
}

type Client = { query(text: string, variables: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> };

async function answered(client: Client, text: string, read: (data: any) => string | null, id: string, who: string): Promise<string> {
  const { data, errors } = await client.query(text, { id });
  const answer = errors?.length ? null : data && read(data);
  if (!answer) throw new Error(`${who} found nothing for ${id}: ${JSON.stringify(errors ?? data)}`);
  return answer;
}

export async function measureMemoryView(graph: GraphStore, search: SearchIndex, ids: string[]): Promise<Row> {
  const counted = countingStore(graph);
  const client = apiClient(counted, search);
  const view = (id: string) => answered(client, EVENT_VIEW.tupu.query, EVENT_VIEW.tupu.read, id, 'tupu');
  counted.reset();
  await view(ids[0]!);
  const perView = counted.calls();
  const times = await latencies(ids, view);
  return {
    measurement: '3-level view, embedded default',
    value: `p50 ${ms(median(times))}, p99 ${ms(percentile(times, 99))}`,
    baseline: '',
    ratio: '',
    target: '',
    note: `${perView} store calls per view; ${ids.length} events`,
  };
}

/**
 * Before any timing, every contender answers every sampled root and all answers must be equal (the run
 * fails otherwise); that pass also counts statements per request. Then `rounds` passes over the sample,
 * the contenders' order rotating from one root to the next, so that none is favoured by the noise of a
 * shared machine or by caches the previous one warmed.
 */
async function compare(view: View, ids: readonly string[], contenders: readonly Contender[], rounds: number) {
  const before = contenders.map((c) => c.statements());
  for (const id of ids) {
    const answers = await Promise.all(contenders.map((c) => c.answer(id)));
    const differs = answers.findIndex((a) => a !== answers[0]);
    if (differs > 0) throw new Error(`${view.name}: ${contenders[differs]!.name} and ${contenders[0]!.name} disagree on ${id}:\n  ${answers[differs]}\n  ${answers[0]}`);
  }
  const perRequest = contenders.map((c, i) => (c.statements() - before[i]!) / ids.length);
  const times: number[][] = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [n, id] of ids.entries()) {
      for (let k = 0; k < contenders.length; k++) {
        const i = (n + k) % contenders.length;
        times[i]!.push(await time(() => contenders[i]!.answer(id)));
      }
    }
  }
  return { perRequest, times };
}

const p50p99 = (times: number[]) => `p50 ${ms(median(times))}, p99 ${ms(percentile(times, 99))}`;

/** Both views on Neo4j: tupu's API, @neo4j/graphql and the hand-written floor, on the same roots. */
export async function measureNeo4jViews(driver: Driver, search: SearchIndex, roots: Record<View['label'], string[]>, rounds = 2): Promise<Row[]> {
  let tupuStatements = 0;
  const graph = await createNeo4jStore({ ...neo4jOptions(), onQuery: () => tupuStatements++ });
  const yardstick = await neo4jGraphQL(driver, neo4jOptions().database);
  let floorStatements = 0;
  try {
    const tupu = apiClient(graph, search);
    const rows: Row[] = [];
    for (const view of [EVENT_VIEW, PERSON_VIEW]) {
      const contenders: Contender[] = [
        { name: 'tupu', answer: (id) => answered(tupu, view.tupu.query, view.tupu.read, id, 'tupu'), statements: () => tupuStatements },
        { name: '@neo4j/graphql', answer: (id) => answered(yardstick, view.neo4jGraphQL.query, view.neo4jGraphQL.read, id, '@neo4j/graphql'), statements: yardstick.statements },
        {
          name: 'floor',
          answer: async (id) => {
            floorStatements++;
            const record = (await query(driver, view.floor.cypher, { id })).records[0];
            if (!record) throw new Error(`the floor found nothing for ${id}`);
            return view.floor.read(record);
          },
          statements: () => floorStatements,
        },
      ];
      const ids = roots[view.label];
      const { perRequest, times } = await compare(view, ids, contenders, rounds);
      const [ours, theirs, floor] = times as [number[], number[], number[]];
      rows.push({
        measurement: `${view.name}, Neo4j: tupu vs @neo4j/graphql 7.6.3`,
        value: p50p99(ours),
        baseline: p50p99(theirs),
        ...ratio(median(ours), median(theirs), 0.8, false),
        note:
          `hand-written Cypher ${p50p99(floor)} (tupu ${(median(ours) / median(floor)).toFixed(2)}× it); statements per request: tupu ${perRequest[0]}, ` +
          `@neo4j/graphql ${perRequest[1]}, floor ${perRequest[2]}; ${ids.length} ${view.label.toLowerCase()} roots × ${rounds} rounds interleaved; identical data all three ways`,
      });
    }
    return rows;
  } finally {
    await graph.close();
  }
}
