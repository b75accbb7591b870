import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LockHolder } from './errors.js';
import { nodeFiles, type FileOps } from './files.js';
import { isAlive, thisProcess } from './lock.js';
import { writeAside } from './journal.js';
import { encodeRecord, RecordReader } from './records.js';

const PREFIX = 'writing.';

/**
 * Notes, durably, that a process is writing the graph and the index, which are two stores: a process that
 * dies between writing a document to the graph and to the index leaves its note behind, and whoever opens
 * the data directory next knows to bring the index back in step. One note per process, written before its
 * first document and removed when it closes with everything indexed — not one per document, which would
 * cost three more fsyncs each.
 */
export class WriteIntents {
  private readonly path: string;
  private noted = false;
  private lagging = false;

  constructor(
    private readonly directory: string,
    private readonly files: FileOps = nodeFiles,
    private readonly holder: LockHolder = thisProcess(),
  ) {
    this.path = join(directory, `${PREFIX}${holder.pid}-${randomUUID()}`); // one per writer, even two in one process
  }

  /** Before writing a document: leaves the note, once per process. */
  async begin(): Promise<void> {
    if (this.noted) return;
    await this.files.mkdir(this.directory);
    await writeAside(this.files, this.path, encodeRecord(this.holder));
    this.noted = true;
  }

  /** A document reached the graph but perhaps not the index: the note must outlive this process. */
  markLagging(): void {
    this.lagging = true;
  }

  /** On closing: removes the note unless something may be left unindexed. */
  async end(): Promise<void> {
    if (!this.noted || this.lagging) return;
    await this.files.unlink(this.path);
    this.noted = false;
  }

  /** Notes left by processes that are gone (or unreadable ones): the index may lag behind their writes. */
  async abandoned(): Promise<string[]> {
    const names = (await this.files.list(this.directory)).filter((name) => name.startsWith(PREFIX) && !name.endsWith('.tmp'));
    const dead: string[] = [];
    for (const path of names.map((name) => join(this.directory, name))) {
      if (path === this.path) continue;
      const holder = await this.holderOf(path);
      if (!holder || !isAlive(holder)) dead.push(path);
    }
    return dead;
  }

  /** Removes notes whose writes have been brought into the index. */
  async clear(paths: readonly string[]): Promise<void> {
    for (const path of paths) await this.files.unlink(path).catch(() => {});
  }

  private async holderOf(path: string): Promise<LockHolder | null> {
    const file = await this.files.openRead(path).catch(() => null);
    if (!file) return null;
    try {
      const holder = (await new RecordReader(file, path, 0).next().catch(() => null)) as LockHolder | null;
      return typeof holder?.pid === 'number' ? holder : null;
    } finally {
      await file.close();
    }
  }
}
