import type { RelType } from '../model/index.js';
import type { EdgeProperty, NodeProperty } from '../graph/view.js';

/**
 * How schema.graphql's fields map onto the stored graph, as data: the resolvers (resolvers/entities.ts)
 * and the view planner (selection.ts) are both derived from these tables, so they cannot disagree.
 */
export interface HopField {
  type: RelType;
  direction: 'out' | 'in';
  /** The first node only (parent, place…) rather than a list. */
  one?: boolean;
  /** The field lists the edges themselves (Participation), not the nodes at their far end. */
  edges?: boolean;
}

const list = (type: RelType, direction: 'out' | 'in'): HopField => ({ type, direction });
const one = (type: RelType, direction: 'out' | 'in'): HopField => ({ type, direction, one: true });
const edges = (type: RelType, direction: 'out' | 'in'): HopField => ({ type, direction, edges: true });

/** Per object type, the fields that follow one kind of relationship. */
export const HOP_FIELDS: Record<string, Record<string, HopField>> = {
  Person: {
    roles: list('HOLDS', 'out'),
    participations: edges('TOOK_PART', 'out'),
    authored: list('AUTHORED', 'out'),
    photographed: list('PHOTOGRAPHED', 'out'),
  },
  Organization: {
    parent: one('PART_OF', 'out'),
    units: list('PART_OF', 'in'),
    roles: list('IN', 'in'),
    participations: edges('TOOK_PART', 'out'),
    agreements: list('PARTY_TO', 'out'),
    published: list('PUBLISHED', 'out'),
  },
  Role: { person: one('HOLDS', 'in'), organization: one('IN', 'out') },
  Event: {
    place: one('HELD_AT', 'out'),
    partOf: one('PART_OF', 'out'),
    parts: list('PART_OF', 'in'),
    followsUp: one('FOLLOWS_UP', 'out'),
    followUps: list('FOLLOWS_UP', 'in'),
    participations: edges('TOOK_PART', 'in'),
    agreements: list('SIGNED_AT', 'in'),
  },
  Agreement: { parties: list('PARTY_TO', 'in'), event: one('SIGNED_AT', 'out') },
  Place: { parent: one('PART_OF', 'out'), events: list('HELD_AT', 'in') },
  Document: {
    publisher: one('PUBLISHED', 'in'),
    authors: list('AUTHORED', 'in'),
    photographers: list('PHOTOGRAPHED', 'in'),
    mentions: list('MENTIONS', 'out'),
  },
};

/** The stored node properties each scalar or value field reads (`id` and the label are always read). */
export const NODE_FIELD_PROPERTIES: Record<string, NodeProperty[]> = {
  name: ['name'],
  aliases: ['aliases'],
  sources: ['sources'],
  evidence: ['evidence'],
  title: ['title', 'name'], // a role's or a document's title falls back on its name
  startDate: ['startDate'],
  endDate: ['endDate'],
  signedOn: ['signedOn'],
  publishedAt: ['publishedAt'],
  url: ['url'],
  section: ['section'],
  text: ['text'],
  facts: ['figures'],
};

/** The edge type a field lists edges of, with what its fields read and which field is which end. */
export const EDGE_TYPE_FIELDS: Record<string, { properties: Record<string, EdgeProperty[]>; ends: { from: string; to: string } }> = {
  Participation: { properties: { kind: ['kind'], evidence: ['evidence'] }, ends: { from: 'participant', to: 'event' } },
};
