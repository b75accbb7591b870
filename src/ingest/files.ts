import { constants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { meaningOf } from '../errno.js';
import { BadInputError } from './errors.js';

// O_NONBLOCK: opening a FIFO for reading would otherwise wait, forever, for a writer to appear.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
const CHUNK_BYTES = 1 << 20;

/**
 * Reads an input file the user named, refusing before reading what it cannot be: anything but a regular file
 * (a directory, a FIFO, a device such as /dev/zero), or a file over `maxBytes` by its size on disk. The read
 * itself stops at `maxBytes` + 1 bytes, so a file whose size lies (one that grows, /proc) is refused too
 * without being held in memory. Problems are BadInputErrors naming the file.
 */
export async function readInputFile(file: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(file, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => {
    throw new BadInputError(file, null, meaningOf(error.code) ?? error.message);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new BadInputError(file, null, `not a regular file (${kindOf(info)})`);
    if (info.size > maxBytes) throw tooLarge(file, info.size, maxBytes);
    return await readAtMost(handle, file, maxBytes);
  } finally {
    await handle.close();
  }
}

async function readAtMost(handle: FileHandle, file: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(file, null, maxBytes);
  }
}

/**
 * The paths named, each directory replaced by the files in it (not below it) whose name ends with one of
 * `extensions` (`.txt`, `.facts.json`; any case), in name order. Anything else is kept as given, for its
 * reader to accept or refuse; a directory holding no such file is listed in `empty`, so that naming it is not silently a no-op.
 */
export async function filesIn(paths: readonly string[], extensions: readonly string[]): Promise<{ files: string[]; empty: string[] }> {
  const files: string[] = [];
  const empty: string[] = [];
  for (const path of paths) {
    if (!(await stat(path).catch(() => null))?.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((name) => extensions.some((ext) => name.toLowerCase().endsWith(ext))).sort();
    if (!names.length) empty.push(path);
    files.push(...names.map((name) => join(path, name)));
  }
  return { files, empty };
}

const tooLarge = (file: string, size: number | null, maxBytes: number) =>
  new BadInputError(file, null, `${size === null ? 'it holds more than' : `${size} bytes is over`} the ${maxBytes}-byte limit`);

function kindOf(info: Awaited<ReturnType<FileHandle['stat']>>): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a plain file';
}
