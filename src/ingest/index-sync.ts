import type { Logger } from 'pino';
import { ENTITY_LABELS } from '../model/index.js';
import { buildSearchDocuments, fingerprint } from '../search/documents.js';
import type { Ports } from './load.js';

/** Rebuilds the search index from the graph: every entity upserted, every stray index entry removed. */
export async function reindex({ graph, search }: Ports, batchSize = 500): Promise<number> {
  const seen = new Set<string>();
  for await (const batch of graph.scan(ENTITY_LABELS, batchSize)) {
    const ids = batch.map((n) => n.id);
    ids.forEach((id) => seen.add(id));
    await search.upsert(await buildSearchDocuments(graph, ids));
  }
  const stray = [...(await search.fingerprints()).keys()].filter((id) => !seen.has(id));
  if (stray.length) await search.remove(stray);
  return seen.size;
}

export interface Drift {
  /** In the graph, not in the index. */
  missing: string[];
  /** In the index with content the graph no longer gives. */
  stale: string[];
  /** In the index, not in the graph. */
  stray: string[];
}

/** Compares the index with what the graph says it should hold, document by document. */
export async function checkIndex({ graph, search }: Ports, batchSize = 500): Promise<Drift> {
  const indexed = await search.fingerprints();
  const drift: Drift = { missing: [], stale: [], stray: [] };
  const seen = new Set<string>();
  for await (const batch of graph.scan(ENTITY_LABELS, batchSize)) {
    for (const doc of await buildSearchDocuments(graph, batch.map((n) => n.id))) {
      seen.add(doc.id);
      const found = indexed.get(doc.id);
      if (!found) drift.missing.push(doc.id);
      else if (found !== fingerprint(doc)) drift.stale.push(doc.id);
    }
  }
  drift.stray = [...indexed.keys()].filter((id) => !seen.has(id));
  return drift;
}

/** Brings the index in step where `drift` says it is not: missing and stale documents upserted, stray removed. */
export async function mendIndex({ graph, search }: Ports, drift: Drift): Promise<number> {
  const upsert = [...drift.missing, ...drift.stale];
  if (upsert.length) await search.upsert(await buildSearchDocuments(graph, upsert));
  if (drift.stray.length) await search.remove(drift.stray);
  return upsert.length + drift.stray.length;
}

/** What start-up does about an index behind the graph: rebuild it (serve), say so (other commands), or nothing. */
export type IndexAtStart = 'rebuild' | 'repair' | 'leave';

/**
 * At start: mends what writers that died between graph and index left behind (their notes, see
 * storage/intents.ts), then compares counts: an index emptier than the graph — a fresh data directory
 * beside a Neo4j filled from elsewhere — is rebuilt, or the log says which command rebuilds it.
 */
export async function repairIndexAtStart(ports: Ports, mode: IndexAtStart, logger: Pick<Logger, 'warn'>): Promise<void> {
  if (mode === 'leave') return;
  const { graph, search, intents } = ports;
  const abandoned = (await intents?.abandoned()) ?? [];
  if (abandoned.length) {
    const mended = await graph.exclusive(async () => mendIndex(ports, await checkIndex(ports)));
    await intents!.clear(abandoned);
    logger.warn({ mended }, 'a writer stopped between the graph and the search index; the index is back in step');
  }
  const stats = await graph.stats();
  const entities = ENTITY_LABELS.reduce((sum, label) => sum + stats.nodes[label], 0);
  const indexed = (await search.fingerprints()).size;
  if (indexed >= entities) return;
  if (mode === 'repair') {
    logger.warn({ entities, indexed }, 'the search index holds fewer documents than the graph has entities; run `tupu reindex` to rebuild it');
    return;
  }
  logger.warn({ entities, indexed }, 'the search index holds fewer documents than the graph has entities: rebuilding it');
  await reindex(ports);
}
