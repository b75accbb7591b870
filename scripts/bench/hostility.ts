import { percentile } from './measure.js';

/**
 * The hostile run that once took the server down, as a reusable load: clients sending the bodies below
 * while other clients search and ask /healthz as usual. Shared by `npm run bench:hostility` (full size)
 * and test/api/hostility.test.ts (bounded counts).
 */

const NAMES = ['李', '王', '张', '刘', '陈', '北京', '中国', '天文', '科学', '技术', '馆', '部', '会', '中心', '委员会', 'li', 'wang', 'zhang', 'z', 'j'];
const HITS = 'hits { entity { id name aliases ... on Person { roles { title organization { name } } } } }';
const people = (first: number) => `people(first: ${first}) { edges { node { roles { organization { roles { title } } } } } }`;

/** The i-th hostile body: each distinct (a comment #i), so no cache can answer it from an earlier one. */
export function hostileBody(i: number): string {
  switch (i % 4) {
    case 0: // the crash: ~90 KB, 45,000 fields, refused by the token limit while parsing
      return JSON.stringify({ query: `{ ${'a '.repeat(45_000)}} #${i}` });
    case 1: // twenty searches of sixty hits with their roles: every alias allowed, just under the cost budget
      return JSON.stringify({ query: `{ ${NAMES.map((q, a) => `a${a}: search(query: "${q}", first: 60) { ${HITS} }`).join(' ')} } #${i}` });
    case 2: // the costliest query accepted: four lists of lists just under the cost budget, executed
      return JSON.stringify({ query: `{ ${[0, 1, 2, 3].map((a) => `a${a}: ${people(100)}`).join(' ')} } #${i}` });
    default: // nesting that once overflowed the stack
      return JSON.stringify({ query: `{ search(query: "x", types: ${'['.repeat(900)}PERSON${']'.repeat(900)}) { total } } #${i}` });
  }
}

const SEARCH = 'query ($q: String!) { search(query: $q, first: 10) { total hits { type entity { id name } } } }';

export interface HostilityOptions {
  url: string;
  hostileClients: number;
  /** Bodies each hostile client sends, one after the other. */
  bodiesPerClient: number;
  normalClients: number;
  /** Names the normal clients search, in turn. */
  queries: readonly string[];
  /** Normal requests to make at least, flood or not (for a run without hostile clients). */
  minimumRequests?: number;
}

export interface Latencies {
  count: number;
  failures: number;
  p50: number;
  p99: number;
}

export interface HostilityResult {
  /** HTTP status and error code of each hostile answer, counted. */
  hostile: Record<string, number>;
  search: Latencies;
  healthz: Latencies;
}

async function timed(request: () => Promise<boolean>, into: { ms: number[]; failures: number }) {
  const started = performance.now();
  const ok = await request().catch(() => false);
  into.ms.push(performance.now() - started);
  if (!ok) into.failures++;
}

const summary = ({ ms, failures }: { ms: number[]; failures: number }): Latencies => ({ count: ms.length, failures, p50: percentile(ms, 50), p99: percentile(ms, 99) });

/** Runs the flood and, beside it until it ends, the normal load; returns what each side got. */
export async function runHostility({ url, hostileClients, bodiesPerClient, normalClients, queries, minimumRequests = 0 }: HostilityOptions): Promise<HostilityResult> {
  const hostile: Record<string, number> = {};
  let flooding = true;
  const flood = Array.from({ length: hostileClients }, async (_, client) => {
    for (let n = 0; n < bodiesPerClient; n++) {
      const body = hostileBody(client * bodiesPerClient + n);
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const key = `${response.status} ${answer.errors?.[0]?.extensions?.code ?? 'ok'}`;
      hostile[key] = (hostile[key] ?? 0) + 1;
    }
  });
  const search = { ms: [] as number[], failures: 0 };
  const healthz = { ms: [] as number[], failures: 0 };
  const normal = Array.from({ length: normalClients }, async (_, client) => {
    for (let n = client; flooding || search.ms.length < minimumRequests; n += normalClients) {
      await timed(async () => {
        const body = JSON.stringify({ query: SEARCH, variables: { q: queries[n % queries.length] } });
        const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const answer = (await response.json()) as { data?: { search: { total: number } }; errors?: unknown[] };
        return response.ok && !answer.errors && answer.data!.search.total > 0;
      }, search);
      await timed(async () => (await fetch(`${url}/healthz`)).ok, healthz);
    }
  });
  await Promise.all(flood);
  flooding = false;
  await Promise.all(normal);
  return { hostile, search: summary(search), healthz: summary(healthz) };
}
