import { link, mkdir, open, readdir, rename, truncate, unlink } from 'node:fs/promises';

/** A file opened for reading: its size and identity when opened, and reads at any position. */
export interface ReadableFile {
  readonly size: number;
  /** Changes when the file is replaced by a rename. */
  readonly identity: string;
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Every file operation the store performs, and nothing else. The default is Node's; the fault suite
 * (test/storage/) replaces it to fail or "crash" deterministically between any two operations.
 * Each mutating call is one system-level step, so a crash can fall between any two of them.
 */
export interface FileOps {
  /** Null when the file does not exist. */
  openRead(path: string): Promise<ReadableFile | null>;
  /** Appends in one write call and returns the bytes written, which may be fewer than asked. */
  append(path: string, data: Uint8Array): Promise<number>;
  /** Creates or empties the file and writes `data` in one call; returns the bytes written. */
  create(path: string, data: Uint8Array): Promise<number>;
  /** Flushes a file (or, for a directory, its entries) to the disk. */
  sync(path: string): Promise<void>;
  truncate(path: string, size: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Fails with EEXIST when `to` exists: the atomic step the writer lock is built on. */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** The names in a directory; none when it does not exist. */
  list(path: string): Promise<string[]>;
}

async function writeOnce(path: string, flags: string, data: Uint8Array): Promise<number> {
  const handle = await open(path, flags);
  try {
    return (await handle.write(data)).bytesWritten;
  } finally {
    await handle.close();
  }
}

export const nodeFiles: FileOps = {
  async openRead(path) {
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!handle) return null;
    const info = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    if (info.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    }
    return {
      size: info.size,
      identity: `${info.dev}:${info.ino}`,
      async read(position, length) {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      },
      close: () => handle.close(),
    };
  },
  append: (path, data) => writeOnce(path, 'a', data),
  create: (path, data) => writeOnce(path, 'w', data),
  async sync(path) {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  truncate: (path, size) => truncate(path, size),
  rename: (from, to) => rename(from, to),
  link: (from, to) => link(from, to),
  unlink: (path) => unlink(path),
  async mkdir(path) {
    await mkdir(path, { recursive: true });
  },
  list: (path) =>
    readdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    }),
};
