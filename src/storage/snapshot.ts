import { dirname } from 'node:path';
import { ioError, StoreCorruptError, StoreIOError } from './errors.js';
import type { FileOps, ReadableFile } from './files.js';
import { encodeRecord, RecordReader } from './records.js';

type SnapshotHeader = { tupu: 'snapshot'; version: 1; generation: number };
type SnapshotEnd = { tupu: 'end'; records: number };

/**
 * A snapshot is a header record, one record per batch of the state, and an end record counting them: a
 * stream of records, written and read one batch at a time, never as one string or list the size of the
 * graph. Batches must not carry a `tupu` key, which marks the header and the end.
 */
export class SnapshotReader<Batch> {
  private constructor(
    private readonly reader: RecordReader,
    private readonly file: ReadableFile,
    private readonly path: string,
    /** The generation the header declares, known before any batch is read. */
    readonly generation: number,
  ) {}

  /** Reads and checks the header. */
  static async open<Batch>(file: ReadableFile, path: string): Promise<SnapshotReader<Batch>> {
    const reader: RecordReader = new RecordReader(file, path, 0);
    const header = (await reader.next()) as SnapshotHeader | undefined;
    if (header?.tupu !== 'snapshot' || header.version !== 1 || !Number.isInteger(header.generation)) {
      reader.corrupt(header === undefined ? 'the snapshot header is missing or cut short' : 'not a tupu snapshot header');
    }
    return new SnapshotReader<Batch>(reader, file, path, header.generation);
  }

  /** Hands each batch to `apply` as it is read, then checks the end record; returns the snapshot's size. */
  async forEach(apply: (batch: Batch) => void): Promise<number> {
    const { file, path } = this;
    const reader: RecordReader = this.reader; // typed, so that its `never` calls narrow below
    for (let records = 0; ; records++) {
      const value = (await reader.next()) as (Batch & { tupu?: undefined }) | SnapshotEnd | undefined;
      if (value === undefined) reader.corrupt('the snapshot ends before its end record');
      if (value === null || typeof value !== 'object') reader.corrupt('a snapshot record is not a batch');
      if (value.tupu !== 'end') {
        apply(value as Batch);
        continue;
      }
      if ((value as SnapshotEnd).records !== records) reader.corrupt(`the end record counts ${(value as SnapshotEnd).records} batches, not ${records}`);
      if (reader.position !== file.size) throw new StoreCorruptError(path, reader.position, 'bytes after the end record');
      return file.size;
    }
  }
}

/** Writes a snapshot beside `path`, checks and fsyncs it, then renames it into place; returns its size. */
export async function writeSnapshot<Batch>(files: FileOps, path: string, generation: number, state: Iterable<Batch>): Promise<number> {
  const temporary = `${path}.tmp`;
  let bytes = 0;
  const write = async (value: unknown, first = false) => {
    const record = encodeRecord(value);
    const written = await (first ? files.create(temporary, record) : files.append(temporary, record));
    if (written !== record.length) throw new StoreIOError(temporary, 'write', 'SHORT_WRITE');
    bytes += record.length;
  };
  try {
    await write({ tupu: 'snapshot', version: 1, generation } satisfies SnapshotHeader, true);
    let records = 0;
    for (const batch of state) {
      await write(batch);
      records++;
    }
    await write({ tupu: 'end', records } satisfies SnapshotEnd);
    await files.sync(temporary);
    await files.rename(temporary, path);
    await files.sync(dirname(path));
    return bytes;
  } catch (error) {
    await files.unlink(temporary).catch(() => {});
    throw ioError(error, path, 'write the snapshot');
  }
}

/** `items` in lists of at most `size`, taken lazily: a state is written as batches without first copying it whole. */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
