import { definition, typeOfLabel, type EdgeRecord, type Evidence, type NodeRecord, type ParticipationKind, type RelType } from '../../model/index.js';
import { capFirst } from '../connection.js';
import type { Context } from '../context.js';

type Args<T = Record<string, never>> = T;
type Resolver<T = object> = (node: NodeRecord, args: T, ctx: Context) => unknown;

/** Fields every entity shares; spread into each entity type. */
const entityFields: Record<string, Resolver> = {
  type: (node) => typeOfLabel(node.label as never),
  sources: (node, _, { loaders }) => loaders.many(node.sources),
  evidence: (node) => node.evidence,
};

/** A field that is the nodes at the other end of one kind of edge, or the first of them. */
const related = (type: RelType, direction: 'out' | 'in'): Resolver => (node, _, { loaders }) => loaders.related(node.id, type, direction);
const one = (type: RelType, direction: 'out' | 'in'): Resolver => (node, _, { loaders }) => loaders.one(node.id, type, direction);

const participations =
  (direction: 'in' | 'out'): Resolver<Args<{ kind?: ParticipationKind | null }>> =>
  (node, { kind }, { loaders }) =>
    loaders.hop(node.id, 'TOOK_PART', direction, kind);

/** The resolvers of every object type, each field one batched hop through the loaders. */
export const typeResolvers = {
  Node: { __resolveType: (node: NodeRecord) => node.label },
  Entity: { __resolveType: (node: NodeRecord) => node.label },
  Agent: { __resolveType: (node: NodeRecord) => node.label },

  Person: {
    ...entityFields,
    roles: related('HOLDS', 'out'),
    participations: participations('out'),
    authored: related('AUTHORED', 'out'),
    photographed: related('PHOTOGRAPHED', 'out'),
  },
  Organization: {
    ...entityFields,
    parent: one('PART_OF', 'out'),
    units: related('PART_OF', 'in'),
    roles: related('IN', 'in'),
    participations: participations('out'),
    agreements: related('PARTY_TO', 'out'),
    published: related('PUBLISHED', 'out'),
  },
  Role: {
    title: (node: NodeRecord) => node.title ?? node.name,
    person: one('HOLDS', 'in'),
    organization: one('IN', 'out'),
    evidence: (node: NodeRecord) => node.evidence,
  },
  Event: {
    ...entityFields,
    place: one('HELD_AT', 'out'),
    partOf: one('PART_OF', 'out'),
    parts: related('PART_OF', 'in'),
    followsUp: one('FOLLOWS_UP', 'out'),
    followUps: related('FOLLOWS_UP', 'in'),
    participations: participations('in'),
    agreements: related('SIGNED_AT', 'in'),
    facts: (node: NodeRecord) => node.figures ?? [],
  },
  Participation: {
    event: (edge: EdgeRecord, _: unknown, { loaders }: Context) => loaders.node(edge.to),
    participant: (edge: EdgeRecord, _: unknown, { loaders }: Context) => loaders.node(edge.from),
  },
  Agreement: {
    ...entityFields,
    title: (node: NodeRecord) => node.title ?? node.name,
    parties: related('PARTY_TO', 'in'),
    event: one('SIGNED_AT', 'out'),
  },
  Place: {
    ...entityFields,
    parent: one('PART_OF', 'out'),
    events: related('HELD_AT', 'in'),
  },
  Document: {
    ...entityFields,
    title: (node: NodeRecord) => node.title ?? node.name,
    text: (node: NodeRecord) => node.text ?? '',
    publisher: one('PUBLISHED', 'in'),
    authors: related('AUTHORED', 'in'),
    photographers: related('PHOTOGRAPHED', 'in'),
    mentions: (async (node, { first }, { loaders, limits }) => {
      const all = await loaders.related(node.id, 'MENTIONS', 'out');
      return all.slice(0, capFirst(first, limits.maxFirst, limits.maxFirst));
    }) as Resolver<{ first?: number | null }>,
  },
  Evidence: {
    document: (evidence: Evidence, _: unknown, { loaders }: Context) => loaders.node(evidence.document),
  },
  Edge: {
    label: (edge: EdgeRecord) => {
      const reading = definition.relationships[edge.type].label;
      return edge.kind ? `${reading}（${definition.participationKinds[edge.kind]}）` : reading;
    },
  },
};
