import * as OpenCC from 'opencc-js';
import type { GraphStore } from '../../src/graph/port.js';
import { reindex } from '../../src/ingest/index-sync.js';
import { joinedPinyin } from '../../src/model/values/pinyin.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import type { SearchIndex } from '../../src/search/port.js';
import { apiClient } from '../../test/support/api.js';
import { latencies, median, ms, percentile, ratio, spread, time, type Row } from './measure.js';

const SEARCH = `query ($q: String!) { search(query: $q, first: 10) { total hits { type score highlight description entity { id name } } } }`;
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * What journalists type, drawn from the loaded graph: whole names, traditional script, pinyin, whole
 * organization names and the kind words that end them (天文馆, 人民医院), which match many entities.
 */
export async function searchQueries(graph: GraphStore, count: number): Promise<string[]> {
  const people = spread((await graph.list('Person', { first: 1_000_000 })).items, count).map((i) => i.node.name);
  const orgs = spread((await graph.list('Organization', { first: 1_000_000 })).items, count).map((i) => i.node.name);
  return people.flatMap((name, i) => {
    const org = orgs[i] ?? name;
    return [[name, toTraditional(name), joinedPinyin(name), org, org.slice(-3)][i % 5]!];
  });
}

/**
 * The embedded engine on its own (index build from the graph, query latency), then the same queries
 * through GraphQL in-process against the SearchIndex called directly, in alternating rounds.
 */
export async function measureSearch(graph: GraphStore, search: SearchIndex, queries: string[], rounds = 5): Promise<Row[]> {
  const fresh = createEmbeddedIndex();
  let indexed = 0;
  const build = await time(async () => (indexed = await reindex({ graph, search: fresh })));
  return [
    { measurement: 'search index build (reindex from the graph)', value: ms(build), baseline: '', ratio: '', target: '', note: `${indexed} entities; segmentation dictionary already warm` },
    ...(await searchRows('embedded engine', graph, search, queries, rounds)),
  ];
}

/** Latency of one engine called directly, and through GraphQL in-process against it, in alternating rounds. */
export async function searchRows(engine: string, graph: GraphStore, search: SearchIndex, queries: string[], rounds: number): Promise<Row[]> {
  const direct = (q: string) => search.search({ query: q, first: 10 });
  const client = apiClient(graph, search);
  const viaGraphql = async (q: string) => {
    const { errors } = await client.query(SEARCH, { q });
    if (errors?.length) throw new Error(`search ${q}: ${JSON.stringify(errors)}`);
  };
  const directTimes: number[] = [];
  const ratios: number[] = [];
  const graphqlTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const d = await latencies(queries, direct);
    const g = await latencies(queries, viaGraphql);
    directTimes.push(...d);
    graphqlTimes.push(...g);
    ratios.push(g.reduce((a, b) => a + b, 0) / d.reduce((a, b) => a + b, 0));
  }
  return [
    { measurement: `search, ${engine} direct`, value: `p50 ${ms(median(directTimes))}, p99 ${ms(percentile(directTimes, 99))}`, baseline: '', ratio: '', target: '', note: `${queries.length} queries × ${rounds}: names, traditional, pinyin, organizations, kind words` },
    { measurement: `search via GraphQL (yoga.fetch) vs SearchIndex, ${engine}`, value: `p50 ${ms(median(graphqlTimes))}`, baseline: `p50 ${ms(median(directTimes))}`, ...ratio(median(ratios), 1, 1.3, false), note: 'ratio of total time per round, median of rounds; GraphQL also loads each hit entity' },
  ];
}
