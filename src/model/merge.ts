import type { EdgeRecord, Evidence, Figure, NodeRecord } from './records.js';

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

const evidenceKey = (e: Evidence) => `${e.document}\u0001${e.offset ?? ''}\u0001${e.quote}`;

export function mergeEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const byKey = new Map(a.map((e) => [evidenceKey(e), e]));
  for (const e of b) if (!byKey.has(evidenceKey(e))) byKey.set(evidenceKey(e), e);
  return [...byKey.values()];
}

function mergeFigures(a: readonly Figure[] = [], b: readonly Figure[] = []): Figure[] {
  const byLabel = new Map(a.map((f) => [f.label, f]));
  for (const f of b) {
    const old = byLabel.get(f.label);
    byLabel.set(f.label, old ? { ...f, evidence: mergeEvidence(old.evidence, f.evidence) } : f);
  }
  return [...byLabel.values()];
}

/** What names an entity: once stored, another spelling of it is an alias, never a rename. */
const NAMING = new Set<string>(['name', 'title']);

/**
 * Merges a stored node with an incoming record of the same id: lists become unions, scalar fields take the
 * incoming value unless it is missing, but the stored name and title stay: an article in another script
 * or with a variant spelling adds that spelling as an alias (北京天文馆 keeps its name when an article
 * writes 北京天文館), so what is stored never drifts from what the index holds. Reloading the same record
 * therefore changes nothing.
 */
export function mergeNode(stored: NodeRecord | undefined, incoming: NodeRecord): NodeRecord {
  if (!stored) return incoming;
  const merged: NodeRecord = { ...stored };
  for (const [key, value] of Object.entries(incoming) as [keyof NodeRecord, unknown][]) {
    const named = NAMING.has(key) && stored[key] !== undefined && stored[key] !== null;
    if (value !== undefined && value !== null && !named) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  merged.aliases = union(stored.aliases, [incoming.name, ...incoming.aliases]).filter((a) => a !== merged.name);
  merged.sources = union(stored.sources, incoming.sources);
  merged.evidence = mergeEvidence(stored.evidence, incoming.evidence);
  if (stored.figures || incoming.figures) merged.figures = mergeFigures(stored.figures, incoming.figures);
  return merged;
}

export function mergeEdge(stored: EdgeRecord | undefined, incoming: EdgeRecord): EdgeRecord {
  if (!stored) return incoming;
  return {
    ...stored,
    sources: union(stored.sources, incoming.sources),
    evidence: mergeEvidence(stored.evidence, incoming.evidence),
  };
}
