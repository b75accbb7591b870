import type { GraphStore } from '../graph/port.js';
import type { SearchIndex } from '../search/port.js';
import type { WriteIntents } from '../storage/intents.js';

export interface Ports {
  graph: GraphStore;
  search: SearchIndex;
  /** Where a data directory notes writes in progress, so a crash between graph and index is mended at the next start. */
  intents?: WriteIntents;
}

/**
 * Runs `task` — a write to the graph, then to the index — as the graph's only writer, with the data
 * directory's note that a writer is at work: if the task fails (or the process dies) between the two, the
 * note outlives it and the next start brings the index back in step (see repairIndexAtStart).
 */
export async function asOneWriter<T>({ graph, intents }: Ports, task: () => Promise<T>): Promise<T> {
  await intents?.begin();
  return graph.exclusive(async () => {
    try {
      return await task();
    } catch (error) {
      intents?.markLagging();
      throw error;
    }
  });
}
