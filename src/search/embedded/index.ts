import { BadCursorError, decodeCursor, encodeCursor } from '../../graph/cursor.js';
import { Journal, replayed } from '../../storage/journal.js';
import type { SearchDocument, SearchIndex } from '../port.js';
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
      if (journal.journalBytes > compactAfterBytes) await journal.compact(current.documents());
    });
  }

  return {
    kind: directory ? `embedded (${directory})` : 'embedded',
    upsert: (documents) => write({ upsert: [...documents], remove: [] }),
    remove: (ids) => write({ upsert: [], remove: [...ids] }),
    async search({ query, types, first, after }) {
      const matches = (await refresh()).match(query, types);
      const offset = after ? offsetOf(after) : 0;
      const page = matches.slice(offset, offset + first);
      return {
        total: matches.length,
        hasNextPage: offset + first < matches.length,
        hits: page.map((m, i) => ({
          id: m.doc.id,
          type: m.doc.type,
          score: Math.round(m.score * 1000) / 1000,
          highlight: m.highlight,
          description: m.doc.description || null,
          cursor: encodeCursor([String(offset + i + 1)]),
        })),
      };
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

/** Search cursors carry the offset of the next hit. */
function offsetOf(cursor: string): number {
  const [value] = decodeCursor(cursor);
  const offset = Number(value);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new BadCursorError(cursor);
  return offset;
}
