import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FileOps } from './files.js';

/**
 * The store format before checksummed records: `NAME.snapshot.json`, one JSON document of the whole
 * state, and `NAME.journal.jsonl`, one `sha1 json` line per batch. Read only to salvage such a store into
 * the current format (`tupu doctor --salvage`); opening one refuses and says so, rather than showing an
 * empty store beside it.
 */
export const legacyPaths = (directory: string, name: string) => ({
  snapshot: join(directory, `${name}.snapshot.json`),
  journal: join(directory, `${name}.journal.jsonl`),
});

export async function hasLegacyStore(files: FileOps, directory: string, name: string): Promise<boolean> {
  const names = await files.list(directory);
  const { snapshot, journal } = legacyPaths(directory, name);
  return [snapshot, journal].some((path) => names.includes(path.slice(directory.length + 1)));
}

/** The legacy store's state then its valid journal lines, as batches; a line failing its checksum is skipped. */
export async function readLegacyStore<Batch>(files: FileOps, directory: string, name: string): Promise<{ batches: Batch[]; skipped: number }> {
  const { snapshot, journal } = legacyPaths(directory, name);
  const text = async (path: string) => {
    const file = await files.openRead(path);
    if (!file) return null;
    try {
      return (await file.read(0, file.size)).toString('utf8');
    } finally {
      await file.close();
    }
  };
  const batches: Batch[] = [];
  let skipped = 0;
  const state = await text(snapshot);
  if (state) batches.push(JSON.parse(state) as Batch);
  for (const line of ((await text(journal)) ?? '').split('\n').filter(Boolean)) {
    const json = line.slice(41);
    const valid = line[40] === ' ' && createHash('sha1').update(json).digest('hex') === line.slice(0, 40);
    if (valid) batches.push(JSON.parse(json) as Batch);
    else skipped++;
  }
  return { batches, skipped };
}
