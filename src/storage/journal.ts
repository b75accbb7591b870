import { dirname, join } from 'node:path';
import { ioError, StorageError, StoreCorruptError, StoreIOError, type LockHolder } from './errors.js';
import { hasLegacyStore } from './legacy.js';
import { nodeFiles, type FileOps, type ReadableFile } from './files.js';
import { WriterLock } from './lock.js';
import { encodeRecord, RecordReader } from './records.js';
import { SnapshotReader, writeSnapshot } from './snapshot.js';

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

/** Where a read puts what changed on disk since the last one: `reset` (start again from nothing) comes before any batch. */
export interface ReplayTarget<Batch> {
  reset(): void;
  apply(batch: Batch): void;
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
  // While this process holds the writer lock no other can append: once read under the lock, the journal
  // is known to be in step until the lock is released, and store calls skip the files (one open and stat each).
  private held = false;
  private readUnderLock = false;

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

  /**
   * Hands `target` what changed on disk since the last call, batch by batch as it is read, so that no list
   * the size of the store is ever held. After a failure part-way the next read starts again from nothing.
   */
  async read(target: ReplayTarget<Batch>): Promise<void> {
    if (this.held && this.readUnderLock) return;
    let started = false;
    const tracked: ReplayTarget<Batch> = {
      reset: () => ((started = true), target.reset()),
      apply: (batch) => ((started = true), target.apply(batch)),
    };
    const file = await this.open(this.journalPath);
    try {
      if (!file) await this.readWithoutJournal(tracked);
      else if (file.identity === this.identity) await this.readFrom(file, tracked);
      else await this.readAll(file, tracked);
      this.readUnderLock = this.held;
    } catch (error) {
      if (started) this.forget();
      throw error;
    } finally {
      await file?.close();
    }
  }

  /** What is on disk is uncertain (or half handed on): the next read starts again from the files. */
  private forget(): void {
    this.identity = null;
    this.readUnderLock = false;
  }

  private async readWithoutJournal(target: ReplayTarget<Batch>): Promise<void> {
    const snapshot = await this.open(this.snapshotPath);
    await snapshot?.close();
    if (snapshot) throw new StoreCorruptError(this.journalPath, 0, 'the journal is missing beside its snapshot');
    if (this.identity) throw new StoreCorruptError(this.journalPath, 0, 'the journal has disappeared since it was read');
    if (await hasLegacyStore(this.files, this.directory, this.name).catch(() => false)) {
      throw new StorageError(
        `${this.directory} holds a store in the format of an earlier tupu; run \`tupu doctor --salvage NEW_DIR\` to copy it into the current format, then point TUPU_DATA at NEW_DIR`,
      );
    }
    if (this.identity !== '') target.reset();
    Object.assign(this, { identity: '', generation: 0, position: 0, tornAt: null, needsNewJournal: true, snapshotBytes: 0 });
  }

  /** The snapshot then the journal, opened journal first: a compaction meanwhile can only make it older. */
  private async readAll(file: ReadableFile, target: ReplayTarget<Batch>): Promise<void> {
    const reader: RecordReader = new RecordReader(file, this.journalPath, 0);
    const header = (await reader.next()) as JournalHeader | undefined;
    if (header?.tupu !== 'journal' || header.version !== 1 || !Number.isInteger(header.generation)) {
      reader.corrupt(header ? 'not a tupu journal header' : 'the journal header is missing or cut short');
    }
    const snapshotFile = await this.open(this.snapshotPath);
    let generation = 0;
    let bytes = 0;
    try {
      const snapshot = snapshotFile && (await SnapshotReader.open<Batch>(snapshotFile, this.snapshotPath));
      generation = snapshot?.generation ?? 0;
      if (header.generation > generation) {
        throw new StoreCorruptError(this.journalPath, 0, `journal generation ${header.generation} follows a missing snapshot (found ${generation})`);
      }
      target.reset();
      if (snapshot) bytes = await snapshot.forEach((batch) => target.apply(batch));
    } finally {
      await snapshotFile?.close();
    }
    const stale = header.generation < generation; // a compaction stopped before its new journal
    if (!stale) await this.readFrom(file, target, reader);
    // Only now, all of it read: a failure above leaves the next read to start from the files again.
    Object.assign(this, { identity: file.identity, generation, snapshotBytes: bytes, needsNewJournal: stale });
    if (stale) Object.assign(this, { position: file.size, tornAt: null });
  }

  private async readFrom(file: ReadableFile, target: ReplayTarget<Batch>, reader = new RecordReader(file, this.journalPath, this.position)): Promise<void> {
    for (let batch = await reader.next(); batch !== undefined; batch = await reader.next()) target.apply(batch as Batch);
    this.position = reader.position;
    this.tornAt = reader.tornAt; // perhaps a write in progress: only the writer, under the lock, drops it
  }

  /** Appends one batch durably. The caller holds the lock and has just read everything before it. */
  async append(batch: Batch): Promise<void> {
    try {
      if (this.needsNewJournal) await this.startJournal();
      if (this.tornAt !== null) await this.dropTornRecord(this.tornAt);
    } catch (error) {
      this.forget(); // what is on disk is now uncertain: the next read starts again from the files
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
      this.forget();
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
      this.forget(); // the new snapshot may be in place or not: the next read finds out
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
    this.held = true;
    try {
      return await task();
    } finally {
      Object.assign(this, { held: false, readUnderLock: false });
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
 * the last call (a reset means starting again from nothing), then `settle` finishes what `apply` left to
 * the end of a read. Without a journal the state is simply the one in this process.
 */
export function replayed<T, Batch>(
  journal: Journal<Batch> | null,
  create: () => T,
  apply: (target: T, batch: Batch) => void,
  settle: (target: T) => void = () => {},
): () => Promise<T> {
  let target = create();
  const replay: ReplayTarget<Batch> = { reset: () => (target = create()), apply: (batch) => apply(target, batch) };
  // One read at a time: two at once would both hand on the same batches (on opening, the whole store twice).
  let last: Promise<unknown> = Promise.resolve();
  // Every caller that arrives while a read runs shares the one read queued after it: that read starts after
  // their call, so it sees every write finished before it, and a server's concurrent requests check the
  // files once a turn instead of once each.
  let next: Promise<void> | null = null;
  return async () => {
    if (!journal) return target;
    next ??= last.then(() => {
      next = null;
      const read = journal.read(replay).then(() => settle(target));
      last = read.catch(() => {});
      return read;
    });
    await next;
    return target;
  };
}
