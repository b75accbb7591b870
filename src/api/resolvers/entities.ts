import { definition, typeOfLabel, type EdgeRecord, type Evidence, type NodeRecord, type ParticipationKind } from '../../model/index.js';
import type { Context } from '../context.js';

type Args<T = Record<string, never>> = T;
type Resolver<T = object> = (node: NodeRecord, args: T, ctx: Context) => unknown;

/** Fields every entity shares; spread into each entity type. */
const entityFields: Record<string, Resolver> = {
  type: (node) => typeOfLabel(node.label as never),
  sources: (node, _, { loaders }) => loaders.many(node.sources),
  evidence: (node) => node.evidence,
};

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
    roles: ((node, _, { loaders }) => loaders.related(node.id, 'HOLDS', 'out')) as Resolver,
    participations: participations('out'),
    authored: ((node, _, { loaders }) => loaders.related(node.id, 'AUTHORED', 'out')) as Resolver,
    photographed: ((node, _, { loaders }) => loaders.related(node.id, 'PHOTOGRAPHED', 'out')) as Resolver,
  },
  Organization: {
    ...entityFields,
    parent: ((node, _, { loaders }) => loaders.one(node.id, 'PART_OF', 'out')) as Resolver,
    units: ((node, _, { loaders }) => loaders.related(node.id, 'PART_OF', 'in')) as Resolver,
    roles: ((node, _, { loaders }) => loaders.related(node.id, 'IN', 'in')) as Resolver,
    participations: participations('out'),
    agreements: ((node, _, { loaders }) => loaders.related(node.id, 'PARTY_TO', 'out')) as Resolver,
    published: ((node, _, { loaders }) => loaders.related(node.id, 'PUBLISHED', 'out')) as Resolver,
  },
  Role: {
    title: (node: NodeRecord) => node.title ?? node.name,
    person: ((node, _, { loaders }) => loaders.one(node.id, 'HOLDS', 'in')) as Resolver,
    organization: ((node, _, { loaders }) => loaders.one(node.id, 'IN', 'out')) as Resolver,
    evidence: (node: NodeRecord) => node.evidence,
  },
  Event: {
    ...entityFields,
    place: ((node, _, { loaders }) => loaders.one(node.id, 'HELD_AT', 'out')) as Resolver,
    partOf: ((node, _, { loaders }) => loaders.one(node.id, 'PART_OF', 'out')) as Resolver,
    parts: ((node, _, { loaders }) => loaders.related(node.id, 'PART_OF', 'in')) as Resolver,
    followsUp: ((node, _, { loaders }) => loaders.one(node.id, 'FOLLOWS_UP', 'out')) as Resolver,
    followUps: ((node, _, { loaders }) => loaders.related(node.id, 'FOLLOWS_UP', 'in')) as Resolver,
    participations: participations('in'),
    agreements: ((node, _, { loaders }) => loaders.related(node.id, 'SIGNED_AT', 'in')) as Resolver,
    facts: (node: NodeRecord) => node.figures ?? [],
  },
  Participation: {
    event: (edge: EdgeRecord, _: unknown, { loaders }: Context) => loaders.node(edge.to),
    participant: (edge: EdgeRecord, _: unknown, { loaders }: Context) => loaders.node(edge.from),
  },
  Agreement: {
    ...entityFields,
    title: (node: NodeRecord) => node.title ?? node.name,
    parties: ((node, _, { loaders }) => loaders.related(node.id, 'PARTY_TO', 'in')) as Resolver,
    event: ((node, _, { loaders }) => loaders.one(node.id, 'SIGNED_AT', 'out')) as Resolver,
  },
  Place: {
    ...entityFields,
    parent: ((node, _, { loaders }) => loaders.one(node.id, 'PART_OF', 'out')) as Resolver,
    events: ((node, _, { loaders }) => loaders.related(node.id, 'HELD_AT', 'in')) as Resolver,
  },
  Document: {
    ...entityFields,
    title: (node: NodeRecord) => node.title ?? node.name,
    text: (node: NodeRecord) => node.text ?? '',
    publisher: ((node, _, { loaders }) => loaders.one(node.id, 'PUBLISHED', 'in')) as Resolver,
    authors: ((node, _, { loaders }) => loaders.related(node.id, 'AUTHORED', 'in')) as Resolver,
    photographers: ((node, _, { loaders }) => loaders.related(node.id, 'PHOTOGRAPHED', 'in')) as Resolver,
    mentions: (async (node, { first }, { loaders, limits }) => {
      const all = await loaders.related(node.id, 'MENTIONS', 'out');
      return all.slice(0, Math.max(0, Math.min(first ?? limits.maxFirst, limits.maxFirst)));
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
