import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Thrown when another writer holds a data directory for longer than we wait. */
export class StorageLockedError extends Error {
  constructor(readonly directory: string) {
    super(`the data directory ${directory} is locked by another writer`);
    this.name = 'StorageLockedError';
  }
}

/**
 * Durable storage for the embedded adapters: a snapshot plus an append-only journal of change batches. A batch is
 * one line carrying its own checksum, appended and fsynced in one write, so a crash leaves either the whole
 * batch or a torn last line that replay ignores; a snapshot is replaced by rename, never rewritten in place.
 * Several processes (the server, `tupu load`) share one directory: writers take a lock, readers replay
 * whatever lines appeared since they last looked.
 */
export class Journal<Batch, State = Batch> {
  private readonly snapshotPath: string;
  private readonly journalPath: string;
  private readonly lockPath: string;
  private snapshotVersion = ''; // mtime+size of the snapshot last read, to notice a compaction
  private snapshotBytes = 0;
  private position = 0; // bytes of the journal already replayed

  /** `name` prefixes the files, so several journals can share one directory. */
  constructor(
    readonly directory: string,
    name: string,
    private readonly empty: () => State,
  ) {
    this.snapshotPath = join(directory, `${name}.snapshot.json`);
    this.journalPath = join(directory, `${name}.journal.jsonl`);
    this.lockPath = join(directory, `${name}.lock`);
  }

  /** Reads what changed on disk since the last call: a whole new state, or batches to replay. */
  async read(): Promise<{ reset: State | null; batches: Batch[] }> {
    await mkdir(this.directory, { recursive: true });
    const version = await fileVersion(this.snapshotPath);
    let reset: State | null = null;
    if (version !== this.snapshotVersion) {
      const text = version ? await readFile(this.snapshotPath, 'utf8') : null;
      reset = text === null ? this.empty() : (JSON.parse(text) as State);
      this.snapshotBytes = text === null ? 0 : Buffer.byteLength(text);
      this.snapshotVersion = version;
      this.position = 0;
    }
    return { reset, batches: await this.readJournal() };
  }

  private async readJournal(): Promise<Batch[]> {
    const size = (await stat(this.journalPath).catch(() => null))?.size ?? 0;
    if (size < this.position) this.position = 0; // emptied by another process's compaction
    if (size === this.position) return [];
    const bytes = Buffer.alloc(size - this.position);
    const handle = await open(this.journalPath, 'r');
    try {
      await handle.read(bytes, 0, bytes.length, this.position);
    } finally {
      await handle.close();
    }
    const batches: Batch[] = [];
    let start = 0;
    for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
      const batch = decodeLine<Batch>(bytes.subarray(start, end).toString('utf8'));
      if (!batch) break; // a torn line: stop, as if the journal ended here
      batches.push(batch);
      start = end + 1;
    }
    this.position += start;
    return batches;
  }

  /** Appends one batch durably. The caller holds the lock and has replayed everything before it. */
  async append(batch: Batch): Promise<void> {
    const handle = await open(this.journalPath, 'a');
    try {
      if ((await handle.stat()).size !== this.position) await handle.truncate(this.position); // drop a torn tail
      const line = encodeLine(batch);
      await handle.write(line);
      await handle.sync();
      this.position += Buffer.byteLength(line);
    } finally {
      await handle.close();
    }
  }

  /** Writes the whole state as the new snapshot and empties the journal (under the lock). */
  async compact(state: State): Promise<void> {
    const temporary = `${this.snapshotPath}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w');
    const text = JSON.stringify(state);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.snapshotBytes = Buffer.byteLength(text);
    await rename(temporary, this.snapshotPath);
    await writeFile(this.journalPath, '');
    this.snapshotVersion = await fileVersion(this.snapshotPath);
    this.position = 0;
  }

  /**
   * Whether the journal has grown enough to be folded into a new snapshot: past `minBytes` and at least as
   * large as the snapshot, so each compaction's rewrite is paid for by as many bytes appended since (a
   * fixed threshold rewrites a large snapshot every few megabytes: quadratic over a big load).
   */
  needsCompaction(minBytes: number): boolean {
    return this.position > Math.max(minBytes, this.snapshotBytes);
  }

  /** Runs `task` holding the directory's write lock (a lock directory: mkdir is atomic). */
  async locked<T>(task: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
    await mkdir(this.directory, { recursive: true });
    for (let waited = 0; ; waited += 50) {
      try {
        await mkdir(this.lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await this.breakStaleLock()) continue;
        if (waited > timeoutMs) throw new StorageLockedError(this.directory);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await writeFile(join(this.lockPath, 'pid'), String(process.pid));
    try {
      return await task();
    } finally {
      await rm(this.lockPath, { recursive: true, force: true });
    }
  }

  /** A lock left by a process that no longer exists (killed mid-write) is removed. */
  private async breakStaleLock(): Promise<boolean> {
    const pid = Number(await readFile(join(this.lockPath, 'pid'), 'utf8').catch(() => ''));
    if (!pid || isAlive(pid)) return false;
    await rm(this.lockPath, { recursive: true, force: true });
    return true;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function fileVersion(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  return info ? `${info.mtimeMs}:${info.size}:${info.ino}` : '';
}

const checksum = (json: string) => createHash('sha1').update(json).digest('hex');

function encodeLine(batch: unknown): string {
  const json = JSON.stringify(batch);
  return `${checksum(json)} ${json}\n`;
}

function decodeLine<T>(line: string): T | null {
  const json = line.slice(41);
  return line[40] === ' ' && checksum(json) === line.slice(0, 40) ? (JSON.parse(json) as T) : null;
}

/**
 * An in-memory state kept in step with a journal: `current()` replays what other processes appended
 * since the last call (a new snapshot means starting again from it). Without a journal the state is
 * simply the one in this process.
 */
export function replayed<T, Batch, State>(
  journal: Journal<Batch, State> | null,
  create: () => T,
  restore: (target: T, state: State) => void,
  apply: (target: T, batch: Batch) => void,
): () => Promise<T> {
  let target = create();
  return async () => {
    if (!journal) return target;
    const { reset, batches } = await journal.read();
    if (reset) {
      target = create();
      restore(target, reset);
    }
    for (const batch of batches) apply(target, batch);
    return target;
  };
}
