import type { EdgeRecord, Evidence, Figure, NodeRecord, RelType } from '../../model/index.js';
import { normalizeName } from '../../model/values/name.js';

/**
 * Neo4j properties cannot hold maps, so evidence and figures are stored as lists of JSON strings; names
 * and aliases are also kept as one delimited, normalised string (`nameKey`) that a TEXT index answers
 * CONTAINS lookups on. These two functions are the only translation between records and properties.
 */
const SCALARS = ['title', 'startDate', 'endDate', 'signedOn', 'publishedAt', 'url', 'section', 'text'] as const;

export const nameKeyOf = (names: readonly string[]) => `\u0001${names.map(normalizeName).join('\u0001')}\u0001`;
export const nameNeedle = (name: string) => `\u0001${normalizeName(name)}\u0001`;

/** One stored property as a record holds it: JSON lists parsed, absent lists empty, absent scalars null. */
export function decodeProperty(key: string, value: any): unknown {
  if (key === 'evidence' || key === 'figures') return ((value ?? []) as string[]).map((json) => JSON.parse(json));
  if (key === 'aliases' || key === 'sources') return value ?? [];
  return value ?? null;
}

export function nodeProperties(node: NodeRecord): Record<string, unknown> {
  const props: Record<string, unknown> = {
    id: node.id,
    name: node.name,
    aliases: node.aliases,
    sources: node.sources,
    evidence: node.evidence.map((e) => JSON.stringify(e)),
    nameKey: nameKeyOf([node.name, ...node.aliases]),
  };
  for (const key of SCALARS) if (node[key] !== undefined && node[key] !== null) props[key] = node[key];
  if (node.figures) props.figures = node.figures.map((f) => JSON.stringify(f));
  return props;
}

export function nodeFromProperties(label: string, props: Record<string, any>): NodeRecord {
  const node: NodeRecord = {
    id: props.id,
    label: label as NodeRecord['label'],
    name: props.name,
    aliases: props.aliases ?? [],
    sources: props.sources ?? [],
    evidence: decodeProperty('evidence', props.evidence) as Evidence[],
  };
  for (const key of SCALARS) if (props[key] !== undefined) node[key] = props[key];
  if (props.figures) node.figures = decodeProperty('figures', props.figures) as Figure[];
  return node;
}

export function edgeProperties(edge: EdgeRecord): Record<string, unknown> {
  return { id: edge.id, kind: edge.kind, sources: edge.sources, evidence: edge.evidence.map((e) => JSON.stringify(e)) };
}

export function edgeFromProperties(type: string, from: string, to: string, props: Record<string, any>): EdgeRecord {
  return {
    id: props.id,
    type: type as RelType,
    from,
    to,
    kind: props.kind ?? null,
    sources: props.sources ?? [],
    evidence: decodeProperty('evidence', props.evidence) as Evidence[],
  };
}
