import { dirname, join } from 'node:path';
import { ioError, StorageError, StoreCorruptError, StoreIOError, type LockHolder } from './errors.js';
import { hasLegacyStore } from './legacy.js';
import { nodeFiles, type FileOps, type ReadableFile } from './files.js';
import { WriterLock } from './lock.js';
import { encodeRecord, RecordReader } from './records.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';

export interface JournalOptions {
  /** The file operations used; the fault suite replaces them. */
  files?: FileOps;
  /** Who this writer is, as written into the lock (default: this process). */
  holder?: LockHolder;
  lockTimeoutMs?: number;
  /** Told of what is worth a log line but not a failure: a torn record dropped, a compaction that failed. */
  warn?: (message: string, details: Record<string, unknown>) => void;
}

type JournalHeader = { tupu: 'journal'; version: 1; generation: number };

/** What changed on disk since the last read: with `reset`, start again from nothing and apply `batches`. */
export interface Changes<Batch> {
  reset: boolean;
  batches: Batch[];
}

/**
 * Durable storage for the embedded adapters: a snapshot plus an append-only journal of change batches, both
 * sequences of checksummed records (records.ts). A batch is appended in one write, checked for its length
 * and fsynced before `append` returns; a failed append is cut off again, so what was reported stored is
 * exactly what is stored. Only a record the journal ends inside (a crash mid-append) is dropped, by the next
 * writer, with a warning; any other damage refuses to open (StoreCorruptError). Compaction writes a new
 * snapshot of generation g+1 beside the old one, renames it into place, then starts a journal of
 * generation g+1 the same way: a journal older than the snapshot is already folded into it.
 * Several processes share one directory: writers take the lock, readers replay what appeared since.
 */
export class Journal<Batch> {
  readonly snapshotPath: string;
  readonly journalPath: string;
  private readonly files: FileOps;
  private readonly lock: WriterLock;
  private identity: string | null = null; // of the journal file last read; null: nothing read yet
  private generation = 0;
  private position = 0; // where the next record of the journal begins
  private tornAt: number | null = null;
  private needsNewJournal = false;
  private snapshotBytes = 0;

  /** `name` prefixes the files, so several journals can share one directory. */
  constructor(
    readonly directory: string,
    private readonly name: string,
    private readonly options: JournalOptions = {},
  ) {
    this.snapshotPath = join(directory, `${name}.snapshot`);
    this.journalPath = join(directory, `${name}.journal`);
    this.files = options.files ?? nodeFiles;
    this.lock = new WriterLock(join(directory, `${name}.writer-lock`), directory, this.files, options.holder);
  }

  /** Reads what changed on disk since the last call. */
  async read(): Promise<Changes<Batch>> {
    const file = await this.open(this.journalPath);
    try {
      if (!file) return await this.readWithoutJournal();
      if (file.identity === this.identity) return { reset: false, batches: await this.readFrom(file) };
      return { reset: true, batches: await this.readAll(file) };
    } finally {
      await file?.close();
    }
  }

  private async readWithoutJournal(): Promise<Changes<Batch>> {
    const snapshot = await this.open(this.snapshotPath);
    await snapshot?.close();
    if (snapshot) throw new StoreCorruptError(this.journalPath, 0, 'the journal is missing beside its snapshot');
    if (this.identity) throw new StoreCorruptError(this.journalPath, 0, 'the journal has disappeared since it was read');
    if (await hasLegacyStore(this.files, this.directory, this.name).catch(() => false)) {
      throw new StorageError(
        `${this.directory} holds a store in the format of an earlier tupu; run \`tupu doctor --salvage NEW_DIR\` to copy it into the current format, then point TUPU_DATA at NEW_DIR`,
      );
    }
    const reset = this.identity !== '';
    Object.assign(this, { identity: '', generation: 0, position: 0, tornAt: null, needsNewJournal: true, snapshotBytes: 0 });
    return { reset, batches: [] };
  }

  /** The snapshot then the journal, opened journal first: a compaction meanwhile can only make it older. */
  private async readAll(file: ReadableFile): Promise<Batch[]> {
    const reader: RecordReader = new RecordReader(file, this.journalPath, 0);
    const header = (await reader.next()) as JournalHeader | undefined;
    if (header?.tupu !== 'journal' || header.version !== 1 || !Number.isInteger(header.generation)) {
      reader.corrupt(header ? 'not a tupu journal header' : 'the journal header is missing or cut short');
    }
    const snapshot = await this.open(this.snapshotPath);
    const { generation, batches, bytes } = snapshot
      ? await readSnapshot<Batch>(snapshot, this.snapshotPath).finally(() => snapshot.close())
      : { generation: 0, batches: [], bytes: 0 };
    if (header.generation > generation) {
      throw new StoreCorruptError(this.journalPath, 0, `journal generation ${header.generation} follows a missing snapshot (found ${generation})`);
    }
    const stale = header.generation < generation; // a compaction stopped before its new journal
    const all = stale ? batches : batches.concat(await this.readFrom(file, reader));
    // Only now, all of it read: a failure above leaves the next read to start from the files again.
    Object.assign(this, { identity: file.identity, generation, snapshotBytes: bytes, needsNewJournal: stale });
    if (stale) Object.assign(this, { position: file.size, tornAt: null });
    return all;
  }

  private async readFrom(file: ReadableFile, reader = new RecordReader(file, this.journalPath, this.position)): Promise<Batch[]> {
    const batches: Batch[] = [];
    for (let batch = await reader.next(); batch !== undefined; batch = await reader.next()) batches.push(batch as Batch);
    this.position = reader.position;
    this.tornAt = reader.tornAt; // perhaps a write in progress: only the writer, under the lock, drops it
    return batches;
  }

  /** Appends one batch durably. The caller holds the lock and has just read everything before it. */
  async append(batch: Batch): Promise<void> {
    try {
      if (this.needsNewJournal) await this.startJournal();
      if (this.tornAt !== null) await this.dropTornRecord(this.tornAt);
    } catch (error) {
      this.identity = null; // what is on disk is now uncertain: the next read starts again from the files
      throw error;
    }
    const record = encodeRecord(batch);
    try {
      const written = await this.files.append(this.journalPath, record);
      if (written !== record.length) throw new StoreIOError(this.journalPath, 'append a record to', 'SHORT_WRITE');
      await this.files.sync(this.journalPath);
    } catch (error) {
      await this.cutBack(this.position);
      throw ioError(error, this.journalPath, 'append a record to');
    }
    this.position += record.length;
  }

  private async dropTornRecord(at: number): Promise<void> {
    this.options.warn?.('dropped a torn last record (a write cut short by a crash)', { file: this.journalPath, offset: at });
    await this.cutBack(at);
    this.tornAt = null;
  }

  /** Truncates the journal to `size`; if even that fails, the next read starts again from the files. */
  private async cutBack(size: number): Promise<void> {
    try {
      await this.files.truncate(this.journalPath, size);
      await this.files.sync(this.journalPath);
    } catch (error) {
      this.identity = null;
      throw ioError(error, this.journalPath, 'cut a failed write off');
    }
  }

  /**
   * Writes the whole state (as batches) as the snapshot of the next generation and starts an empty journal.
   * A failure is only a warning: every batch is already durable in the journal.
   */
  async compact(state: Iterable<Batch>): Promise<void> {
    try {
      this.snapshotBytes = await writeSnapshot(this.files, this.snapshotPath, this.generation + 1, state);
      this.generation++;
      this.needsNewJournal = true;
      await this.startJournal();
    } catch (error) {
      this.identity = null; // the new snapshot may be in place or not: the next read finds out
      this.options.warn?.('compaction failed; the journal keeps every record', { file: this.snapshotPath, problem: ioError(error, this.snapshotPath, 'compact').message });
    }
  }

  /** Replaces the journal by an empty one of the current generation: written aside, fsynced, renamed. */
  private async startJournal(): Promise<void> {
    await this.files.mkdir(this.directory).catch((error: unknown) => {
      throw ioError(error, this.directory, 'create the data directory');
    });
    const header: JournalHeader = { tupu: 'journal', version: 1, generation: this.generation };
    const record = encodeRecord(header);
    await writeAside(this.files, this.journalPath, record);
    const file = await this.open(this.journalPath);
    await file?.close();
    Object.assign(this, { identity: file?.identity ?? null, position: record.length, tornAt: null, needsNewJournal: false });
  }

  /**
   * Whether the journal has grown enough to be folded into a new snapshot: past `minBytes` and at least as
   * large as the snapshot, so each compaction's rewrite is paid for by as many bytes appended since.
   */
  needsCompaction(minBytes: number): boolean {
    return this.position > Math.max(minBytes, this.snapshotBytes);
  }

  /** Runs `task` holding the directory's writer lock (not re-entrant: see exclusive.ts). */
  async locked<T>(task: () => Promise<T>): Promise<T> {
    await this.files.mkdir(this.directory).catch((error: unknown) => {
      throw ioError(error, this.directory, 'create the data directory');
    });
    await this.lock.acquire(this.options.lockTimeoutMs ?? 30_000).catch((error: unknown) => {
      throw ioError(error, this.directory, 'lock');
    });
    try {
      return await task();
    } finally {
      await this.lock.release().catch(() => {}); // a lock we cannot remove is taken over once we are gone
    }
  }

  private open(path: string): Promise<ReadableFile | null> {
    return this.files.openRead(path).catch((error: unknown) => {
      throw ioError(error, path, 'read');
    });
  }
}

/** Writes `data` as `path` in one step: to a temporary file, checked, fsynced, renamed, directory fsynced. */
export async function writeAside(files: FileOps, path: string, data: Buffer): Promise<void> {
  const temporary = `${path}.tmp`;
  try {
    const written = await files.create(temporary, data);
    if (written !== data.length) throw new StoreIOError(temporary, 'write', 'SHORT_WRITE');
    await files.sync(temporary);
    await files.rename(temporary, path);
    await files.sync(dirname(path));
  } catch (error) {
    await files.unlink(temporary).catch(() => {});
    throw ioError(error, path, 'write');
  }
}

/**
 * An in-memory state kept in step with a journal: `current()` replays what other processes appended since
 * the last call (a reset means starting again from nothing). Without a journal the state is simply the one
 * in this process.
 */
export function replayed<T, Batch>(journal: Journal<Batch> | null, create: () => T, apply: (target: T, batch: Batch) => void): () => Promise<T> {
  let target = create();
  return async () => {
    if (!journal) return target;
    const { reset, batches } = await journal.read();
    if (reset) target = create();
    for (const batch of batches) apply(target, batch);
    return target;
  };
}
