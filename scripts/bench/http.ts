import autocannon from 'autocannon';
import { EVENT_VIEW } from './views.js';
import { mib, type Row } from './measure.js';
import { memoryOf, type Served } from './server.js';

const SEARCH = 'query ($q: String!) { search(query: $q, first: 10) { total hits { type highlight entity { id name } } } }';

/** The loopback load: a request mix cycled by every connection, one search for each view. */
function requests(eventIds: string[], queries: string[]) {
  const post = (query: string, variables: Record<string, unknown>) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const count = Math.max(eventIds.length, queries.length);
  return Array.from({ length: count }, (_, i) => [post(SEARCH, { q: queries[i % queries.length] }), post(EVENT_VIEW.tupu.query, { id: eventIds[i % eventIds.length] })]).flat();
}

/**
 * `tupu serve` holding the corpus, measured from outside: its memory once started (from /proc; the baseline
 * is the same server holding only the seeds), then autocannon on 127.0.0.1, with the server's event-loop
 * delay recorded inside it over the same time. Errors count transport errors, timeouts and non-2xx answers: all must be 0.
 */
export async function measureHttp(served: Served, scale: number, eventIds: string[], queries: string[], seconds: number, seedsRss: number): Promise<Row[]> {
  const pid = served.child.pid!;
  const idle = await memoryOf(pid);
  await served.loopDelay(); // starts the server's record afresh: only the load is measured
  const result = await autocannon({ url: served.url, connections: 50, duration: seconds, requests: requests(eventIds, queries) });
  const delay = await served.loopDelay();
  const loaded = await memoryOf(pid);
  const errors = result.errors + result.timeouts + result.non2xx;
  return [
    {
      measurement: `memory of tupu serve holding S=${scale}`,
      value: `RSS ${mib(idle.rss)}`,
      baseline: Number.isNaN(seedsRss) ? '' : `${mib(seedsRss)} (seeds only)`,
      ratio: Number.isNaN(seedsRss) ? '' : `${(idle.rss / seedsRss).toFixed(2)}×`,
      target: '',
      note: `peak ${mib(idle.peak)} while starting (journal replay, index rebuild: ${(served.startMs / 1000).toFixed(1)} s to listening), ${mib(loaded.peak)} after the HTTP load`,
    },
    {
      measurement: 'HTTP: 50 connections, search + view mix',
      value: `${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`,
      baseline: '',
      ratio: '',
      target: `errors 0: ${errors === 0 ? 'met' : 'NOT met'}`,
      note: `${seconds} s, ${result.requests.total} requests, ${errors} errors (${result.non2xx} non-2xx)`,
    },
    {
      measurement: 'event-loop delay of tupu serve during the HTTP load',
      value: `p50 ${delay.p50} ms, p99 ${delay.p99} ms, max ${delay.max} ms`,
      baseline: '',
      ratio: '',
      target: '',
      note: `monitorEventLoopDelay (10 ms resolution) inside the server, ${delay.count} samples; GC pauses ${delay.gc.count}, ${Math.round(delay.gc.total)} ms in all, longest ${Math.round(delay.gc.longest)} ms; latency p50 ${result.latency.p50} ms`,
    },
  ];
}
