import { createHash } from 'node:crypto';
import { idPrefix, type NodeLabel, type RelType } from './index.js';
import { normalizeName } from './values/name.js';

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 16);
}

/**
 * A stable id: the same label and key always give the same id, so reloading a document is a no-op.
 * Key parts that are names are normalised (simplified script, no spaces) before hashing.
 */
export function nodeId(label: NodeLabel, ...key: string[]): string {
  return `${idPrefix(label)}_${digest([label, ...key.map(normalizeName)])}`;
}

export function edgeId(type: RelType, from: string, to: string, kind: string | null = null): string {
  return `rel_${digest([type, from, to, kind ?? ''])}`;
}
