import { definition } from './definition.js';
import { checkModel } from './check.js';

checkModel(definition);

export { definition };
export type EntityLabel = keyof typeof definition.entities;
export type NodeLabel = EntityLabel | keyof typeof definition.nodes;
export type RelType = keyof typeof definition.relationships;
export type ParticipationKind = keyof typeof definition.participationKinds;
export type EntityType = (typeof definition.entities)[EntityLabel]['type'];

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

export const ENTITY_LABELS = keys(definition.entities);
export const NODE_LABELS: NodeLabel[] = [...ENTITY_LABELS, ...keys(definition.nodes)];
export const REL_TYPES = keys(definition.relationships);
export const PARTICIPATION_KINDS = keys(definition.participationKinds);
export const PROVENANCE_TYPES: readonly RelType[] = definition.provenance;
/** The relationship types that connect the world (everything but provenance). */
export const WORLD_TYPES: readonly RelType[] = REL_TYPES.filter((t) => !PROVENANCE_TYPES.includes(t));
export const ENTITY_TYPES = ENTITY_LABELS.map((l) => definition.entities[l].type) as EntityType[];

export function typeOfLabel(label: EntityLabel): EntityType {
  return definition.entities[label].type;
}

export function labelOfType(type: EntityType): EntityLabel {
  const label = ENTITY_LABELS.find((l) => definition.entities[l].type === type);
  if (!label) throw new Error(`unknown entity type ${type}`);
  return label;
}

export function isEntityLabel(label: string): label is EntityLabel {
  return label in definition.entities;
}

export function isRelType(type: string): type is RelType {
  return type in definition.relationships;
}

export function idPrefix(label: NodeLabel): string {
  return isEntityLabel(label) ? definition.entities[label].idPrefix : definition.nodes[label].idPrefix;
}

/** The node label an id belongs to, read from its prefix (ids are `prefix_hash`). */
export function labelOfId(id: string): NodeLabel | undefined {
  const prefix = id.slice(0, id.indexOf('_'));
  return NODE_LABELS.find((l) => idPrefix(l) === prefix);
}

export * from './records.js';
