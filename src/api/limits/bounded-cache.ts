import { LRUCache } from 'lru-cache';

/** What yoga's parser and validation cache asks of a cache. */
export interface StringKeyedCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

// A parsed document weighs many times its source: measured ≈ 220 bytes of syntax tree per source byte
// for a field-dense query, so the budget counts each entry as its source length times this.
const TREE_BYTES_PER_SOURCE_BYTE = 250;

/**
 * An LRU cache bounded by an estimate of the bytes it holds, not by a count: yoga's default keeps 1,024
 * documents whatever their size, and 1,024 large documents filled the heap (≈ 20 MB of tree each).
 */
export function boundedCache<T extends object>(maxBytes: number, ttlMs = 3_600_000): StringKeyedCache<T> {
  return new LRUCache<string, T>({
    maxSize: maxBytes,
    ttl: ttlMs,
    // An entry bigger than the whole budget is simply not kept.
    sizeCalculation: (_value, key) => Math.max(1, key.length * TREE_BYTES_PER_SOURCE_BYTE),
  });
}
