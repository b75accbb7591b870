import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { StoreLockedError, type LockHolder } from './errors.js';
import type { FileOps } from './files.js';
import { encodeRecord, RecordReader } from './records.js';

/** This process's start time in clock ticks since boot (Linux), so a reused pid is not taken for its holder. */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export const thisProcess = (): LockHolder => ({ pid: process.pid, started: startTimeOf(process.pid) });

export function isAlive({ pid, started }: LockHolder): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTimeOf(pid);
  return !started || !now || now === started;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A writer lock that cannot go stale: the lock file appears in one atomic step (link(2) of a finished
 * temporary file, which fails if the lock exists) already holding the holder's pid and start time. A lock
 * whose holder is dead — or whose pid now belongs to another process — is taken over; a live holder is
 * waited for, then named in the error.
 */
export class WriterLock {
  private content: Buffer;

  constructor(
    private readonly path: string,
    private readonly directory: string,
    private readonly files: FileOps,
    holder: LockHolder = thisProcess(),
  ) {
    // The token tells this lock from another instance's in the same process (same pid and start time).
    this.content = encodeRecord({ ...holder, token: randomUUID() });
  }

  async acquire(timeoutMs: number, pollMs = 25): Promise<void> {
    const temporary = `${this.path}.${process.pid}.${randomUUID()}`;
    await this.files.create(temporary, this.content);
    try {
      for (let waited = 0; ; ) {
        try {
          return await this.files.link(temporary, this.path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const found = await this.read(this.path);
        if (!found) continue; // released meanwhile
        // Ours (a release that failed), its holder gone, or nothing readable: no one holds it.
        if (found.bytes.equals(this.content) || !found.holder || !isAlive(found.holder)) {
          await this.takeOver(found.bytes);
          continue;
        }
        if (waited >= timeoutMs) throw new StoreLockedError(this.directory, found.holder);
        await sleep(pollMs);
        waited += pollMs;
      }
    } finally {
      await this.files.unlink(temporary).catch(() => {});
    }
  }

  /** Removes the lock if it is still ours (a takeover by mistake must not be undone by us). */
  async release(): Promise<void> {
    const found = await this.read(this.path);
    if (found?.bytes.equals(this.content)) await this.files.unlink(this.path);
  }

  /**
   * Moves the dead holder's lock aside by rename (atomic: of two processes taking over, one moves it); if
   * what was moved is not what we judged dead, a live lock was moved in a race and is put back.
   */
  private async takeOver(dead: Buffer): Promise<void> {
    const aside = `${this.path}.stale.${randomUUID()}`;
    try {
      await this.files.rename(this.path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const moved = await this.read(aside);
    if (moved && !moved.bytes.equals(dead)) await this.files.link(aside, this.path).catch(() => {});
    await this.files.unlink(aside);
  }

  private async read(path: string): Promise<{ bytes: Buffer; holder: LockHolder | null } | null> {
    const file = await this.files.openRead(path);
    if (!file) return null;
    try {
      const bytes = await file.read(0, file.size);
      const holder = (await new RecordReader(file, path, 0).next().catch(() => null)) as LockHolder | null;
      return { bytes, holder: typeof holder?.pid === 'number' ? holder : null };
    } finally {
      await file.close();
    }
  }
}
