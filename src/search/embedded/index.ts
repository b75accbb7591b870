import { exclusiveRunner } from '../../storage/exclusive.js';
import { Journal, replayed, type JournalOptions } from '../../storage/journal.js';
import { inBatches } from '../../storage/snapshot.js';
import type { SearchDocument, SearchIndex } from '../port.js';
import { EmbeddedEngine } from './engine.js';

export interface EmbeddedIndexOptions extends JournalOptions {
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
export function createEmbeddedIndex({ directory = null, compactAfterBytes = 16 << 20, ...journalOptions }: EmbeddedIndexOptions = {}): SearchIndex {
  const journal = directory ? new Journal<Batch>(directory, 'search', journalOptions) : null;
  // Opening a directory replays every version of every document: indexed once each, when the read ends.
  const refresh = replayed(journal, () => (journal ? new EmbeddedEngine().defer() : new EmbeddedEngine()), applyBatch, (engine) => engine.flush());
  const exclusive = exclusiveRunner(journal ? (task) => journal.locked(task) : undefined);

  async function write(batch: Batch): Promise<void> {
    await exclusive(async () => {
      const current = await refresh();
      await journal?.append(batch);
      applyBatch(current, batch);
      if (journal?.needsCompaction(compactAfterBytes)) await journal.compact(snapshotBatches(current.documents()));
    });
  }

  return {
    kind: directory ? `embedded (${directory})` : 'embedded',
    upsert: (documents) => write({ upsert: [...documents], remove: [] }),
    remove: (ids) => write({ upsert: [], remove: [...ids] }),
    search: async (query) => (await refresh()).search(query),
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

const SNAPSHOT_BATCH = 1000;

/** The index's documents as upsert batches, the records of a snapshot. */
function* snapshotBatches(documents: Iterable<SearchDocument>): Generator<Batch> {
  for (const upsert of inBatches(documents, SNAPSHOT_BATCH)) yield { upsert, remove: [] };
}

function applyBatch(engine: EmbeddedEngine, batch: Batch): void {
  engine.remove(batch.remove);
  engine.upsert(batch.upsert);
}
