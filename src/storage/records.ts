import { crc32 } from 'node:zlib';
import { StoreCorruptError } from './errors.js';
import type { ReadableFile } from './files.js';

/**
 * The one record format of every store file: a 12-byte header — payload length, CRC-32 of the payload,
 * CRC-32 of those 8 bytes — then the payload, JSON in UTF-8. The header's own checksum tells a damaged
 * length (refuse) from a record cut short by a crash (the file simply ends inside it).
 */
export const HEADER = 12;
const CHUNK = 1 << 20;

export function encodeRecord(value: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(value), 'utf8');
  const record = Buffer.alloc(HEADER + payload.length);
  record.writeUInt32BE(payload.length, 0);
  record.writeUInt32BE(crc32(payload), 4);
  record.writeUInt32BE(crc32(record.subarray(0, 8)), 8);
  payload.copy(record, HEADER);
  return record;
}

/** The payload length a record header declares, or null when the header fails its own checksum. */
export function payloadLength(header: Buffer): number | null {
  return crc32(header.subarray(0, 8)) === header.readUInt32BE(8) ? header.readUInt32BE(0) : null;
}

/** A record's value, or what is wrong with its payload. */
export function decodePayload(header: Buffer, payload: Buffer): { value: unknown } | { problem: string } {
  if (crc32(payload) !== header.readUInt32BE(4)) return { problem: 'record checksum mismatch' };
  try {
    return { value: JSON.parse(payload.toString('utf8')) };
  } catch {
    return { problem: 'record is not valid JSON' };
  }
}

/** Concatenates the records of several values, for one write. */
export const encodeRecords = (values: readonly unknown[]): Buffer => Buffer.concat(values.map(encodeRecord));

/**
 * Reads records one at a time from `start`, holding at most one chunk (or one record) in memory, so a file
 * of any size streams. A record that fails its checks throws StoreCorruptError with its offset; a record
 * the file ends inside is "torn": `next()` returns undefined and `tornAt` says where it began.
 */
export class RecordReader {
  private buffer: Buffer = Buffer.alloc(0);
  private bufferStart: number;
  /** Where the next record begins: after the last one returned. */
  position: number;
  tornAt: number | null = null;

  constructor(
    private readonly file: ReadableFile,
    private readonly path: string,
    start: number,
  ) {
    this.position = start;
    this.bufferStart = start;
  }

  async next(): Promise<unknown> {
    if (this.position >= this.file.size) return undefined;
    const header = await this.bytes(this.position, HEADER);
    if (!header) return this.torn();
    const length = payloadLength(header);
    if (length === null) this.corrupt('record header checksum mismatch');
    const payload = await this.bytes(this.position + HEADER, length);
    if (!payload) return this.torn();
    const decoded = decodePayload(header, payload);
    if ('problem' in decoded) this.corrupt(decoded.problem);
    this.position += HEADER + length;
    return decoded.value;
  }

  /** Throws StoreCorruptError for the record at the current position. */
  corrupt(problem: string): never {
    throw new StoreCorruptError(this.path, this.position, problem);
  }

  private torn(): undefined {
    this.tornAt = this.position;
    return undefined;
  }

  /** The bytes [at, at+length) of the file, or null when the file ends before them. */
  private async bytes(at: number, length: number): Promise<Buffer | null> {
    if (at + length > this.file.size) return null;
    const offset = at - this.bufferStart;
    if (offset + length <= this.buffer.length) return this.buffer.subarray(offset, offset + length);
    this.buffer = await this.file.read(at, Math.min(Math.max(length, CHUNK), this.file.size - at));
    this.bufferStart = at;
    return this.buffer.length >= length ? this.buffer.subarray(0, length) : null;
  }
}
