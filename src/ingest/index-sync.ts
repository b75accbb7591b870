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
