import type { FileOps } from './files.js';
import { decodePayload, HEADER, payloadLength } from './records.js';

export interface FileScan {
  file: string;
  exists: boolean;
  /** Every record that passes its checks, in file order, with where it starts. */
  records: { offset: number; value: unknown }[];
  /** Stretches that are not records: where each begins and how many bytes it spans. */
  damage: { offset: number; bytes: number }[];
  /** Where a record cut short by a crash begins, if the file ends inside one. */
  tornAt: number | null;
}

/**
 * Reads a store file the way `tupu doctor` needs: not stopping at the first bad record but searching byte by
 * byte for the next one whose header and payload checksums both hold, so a damaged record in the middle
 * costs that record and no more. Reads the file whole: a repair tool, not the path a server takes.
 */
export async function scanFile(files: FileOps, path: string): Promise<FileScan> {
  const scan: FileScan = { file: path, exists: false, records: [], damage: [], tornAt: null };
  const file = await files.openRead(path);
  if (!file) return scan;
  let bytes: Buffer;
  try {
    bytes = await file.read(0, file.size);
  } finally {
    await file.close();
  }
  scan.exists = true;
  let damagedFrom: number | null = null;
  for (let at = 0; at < bytes.length; ) {
    const record = recordAt(bytes, at);
    if (record === 'torn' && damagedFrom === null) {
      scan.tornAt = at;
      break;
    }
    if (record === 'torn' || record === 'bad') {
      damagedFrom ??= at;
      at++;
      continue;
    }
    if (damagedFrom !== null) scan.damage.push({ offset: damagedFrom, bytes: at - damagedFrom });
    damagedFrom = null;
    scan.records.push({ offset: at, value: record.value });
    at = record.end;
  }
  if (damagedFrom !== null) scan.damage.push({ offset: damagedFrom, bytes: bytes.length - damagedFrom });
  return scan;
}

function recordAt(bytes: Buffer, at: number): { value: unknown; end: number } | 'torn' | 'bad' {
  if (at + HEADER > bytes.length) return 'torn';
  const header = bytes.subarray(at, at + HEADER);
  const length = payloadLength(header);
  if (length === null) return 'bad';
  const end = at + HEADER + length;
  if (end > bytes.length) return 'torn';
  const decoded = decodePayload(header, bytes.subarray(at + HEADER, end));
  return 'problem' in decoded ? 'bad' : { value: decoded.value, end };
}
