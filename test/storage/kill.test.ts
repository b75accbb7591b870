import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { checkIndex, repairIndexAtStart } from '../../src/ingest/index-sync.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { WriteIntents } from '../../src/storage/intents.js';
import { documents } from './documents.js';
import { removeScratchDirectories, scratchDirectory } from './faulty-files.js';
import { contentOf } from './workload.js';

afterAll(removeScratchDirectories);

const CHILD = new URL('./child-writer.ts', import.meta.url).pathname;
const COUNT = 12;

/** Runs the writer in a child process and kills it with SIGKILL once it has acknowledged `after` documents. */
async function killWriterAfter(data: string, after: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, data, String(COUNT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let acked = 0;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      acked = Math.max(acked, ...[...chunk.toString().matchAll(/acked (\d+)/g)].map((m) => Number(m[1])));
      if (acked >= after) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  return acked;
}

describe('kill -9 of a real writer process', () => {
  it.each([1, 4, 7])('after %i acknowledged documents: the graph is a prefix holding all of them, and the index is mended to agree', async (after) => {
    const data = await scratchDirectory('tupu-kill-');
    const acked = await killWriterAfter(data, after);
    const graph = createMemoryStore({ directory: join(data, 'graph') });
    const found = await contentOf(graph);
    const serial = { graph: createMemoryStore(), search: createEmbeddedIndex() };
    const prefixes = [await contentOf(serial.graph)];
    for (const document of documents(COUNT)) {
      await ingestDocument(document, serial);
      prefixes.push(await contentOf(serial.graph));
    }
    // A prefix, holding at least what was acknowledged before the kill (the child may have gone on meanwhile).
    expect(prefixes.indexOf(found)).toBeGreaterThanOrEqual(acked);
    const ports = { graph, search: createEmbeddedIndex({ directory: join(data, 'search') }), intents: new WriteIntents(data) };
    await repairIndexAtStart(ports, 'repair', { warn: () => {} } as never);
    expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });
  }, 120_000);
});
