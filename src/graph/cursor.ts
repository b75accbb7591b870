import type { NodeRecord } from '../model/index.js';

/** Thrown for a cursor this server did not produce. */
export class BadCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`invalid cursor "${cursor.slice(0, 40)}"`);
    this.name = 'BadCursorError';
  }
}

/** Cursors are the sort key of the last row seen, opaque to clients (base64url JSON). */
export function encodeCursor(key: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): (string | null)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((v) => v === null || typeof v === 'string')) return key;
  } catch {
    // fall through: any undecodable cursor is the client's error
  }
  throw new BadCursorError(cursor);
}

// Events sort by start date (undated last), everything else by name; the id breaks ties. Neo4j's adapter
// orders by the same key, so cursors mean the same thing in both stores.
export const UNDATED = '9999-99-99';

export function sortKeyOf(node: NodeRecord): string[] {
  return node.label === 'Event' ? [node.startDate ?? UNDATED, node.name, node.id] : [node.name, node.id];
}

export function compareKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i] ?? '', b[i] ?? ''];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
