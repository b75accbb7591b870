import { Journal, replayed } from '../../storage/journal.js';
import type { SearchDocument, SearchIndex } from '../port.js';
import { pageOfMatches } from '../rank.js';
import { EmbeddedEngine } from './engine.js';

export interface EmbeddedIndexOptions {
  /** Where the index documents are kept between runs; null keeps them in this process only. */
  directory?: string | null;
  compactAfterBytes?: number;
}

type Batch = { upsert: SearchDocument[]; remove: string[] };

/**
 * The embedded default search index. Its documents are journaled beside the graph (see storage/journal.ts)
 * so `tupu load` and a running server share them; the engine's inverted indexes are rebuilt in memory
 * from the documents when a process opens the directory.
 */
export function createEmbeddedIndex({ directory = null, compactAfterBytes = 16 << 20 }: EmbeddedIndexOptions = {}): SearchIndex {
  const journal = directory ? new Journal<Batch, SearchDocument[]>(directory, 'search', () => []) : null;
  const refresh = replayed(journal, () => new EmbeddedEngine(), (engine, documents) => engine.upsert(documents), applyBatch);

  async function write(batch: Batch): Promise<void> {
    if (!journal) return applyBatch(await refresh(), batch);
    await journal.locked(async () => {
      const current = await refresh();
      await journal.append(batch);
      applyBatch(current, batch);
      if (journal.needsCompaction(compactAfterBytes)) await journal.compact(current.documents());
    });
  }

  return {
    kind: directory ? `embedded (${directory})` : 'embedded',
    upsert: (documents) => write({ upsert: [...documents], remove: [] }),
    remove: (ids) => write({ upsert: [], remove: [...ids] }),
    async search({ query, types, first, after }) {
      return pageOfMatches((await refresh()).match(query, types), first, after);
    },
    fingerprints: async () => (await refresh()).fingerprints(),
    clear: async () => {
      const ids = [...(await refresh()).fingerprints().keys()];
      await write({ upsert: [], remove: ids });
    },
    ping: async () => {
      await refresh();
    },
    close: async () => {},
  };
}

function applyBatch(engine: EmbeddedEngine, batch: Batch): void {
  engine.remove(batch.remove);
  engine.upsert(batch.upsert);
}
