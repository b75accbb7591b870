import type { Step } from '../../graph/port.js';
import { hopKey, viewedSteps, type ViewStep } from '../../graph/view.js';
import { definition, typeOfLabel, type EdgeRecord, type Evidence, type NodeRecord, type ParticipationKind } from '../../model/index.js';
import { capFirst } from '../connection.js';
import type { Context } from '../context.js';
import { HOP_FIELDS, type HopField } from '../fields.js';

type Resolver<T = object> = (node: NodeRecord, args: T, ctx: Context) => unknown;

/** Fields every entity shares; spread into each entity type. */
const entityFields: Record<string, Resolver> = {
  type: (node) => typeOfLabel(node.label as never),
  sources: (node, _, { loaders }) => loaders.many(node.sources),
  evidence: (node) => node.evidence,
};

/** What a hop field returns: the edges themselves, the first far node, or all of them. */
const shaped = (field: HopField, steps: readonly (Step | ViewStep)[]) => {
  if (field.edges) return steps;
  return field.one ? (steps[0]?.node ?? null) : steps.map((s) => s.node);
};

/**
 * A field that follows one relationship: from the steps the root field's view already read, else with one
 * batched call through the loaders. The first answers synchronously: no promise per field of a view.
 */
const hopResolver =
  (field: HopField): Resolver<{ kind?: ParticipationKind | null }> =>
  (node, { kind }, { loaders }) => {
    const viewed = viewedSteps(node, hopKey(field.type, field.direction, kind ?? null));
    return viewed ? shaped(field, viewed) : loaders.hop(node.id, field.type, field.direction, kind ?? null).then((steps) => shaped(field, steps));
  };

/** The resolvers of fields.ts's hop fields of one type. */
const hops = (type: keyof typeof HOP_FIELDS) => Object.fromEntries(Object.entries(HOP_FIELDS[type]!).map(([name, field]) => [name, hopResolver(field)]));

const mentions = hopResolver(HOP_FIELDS.Document!.mentions!);

/** One end of a participation: the node the hop read when it is that end, else loaded by id. */
const endOf = (step: Step | ViewStep, id: string, { loaders }: Context) => (step.node.id === id ? step.node : loaders.node(id));

/** The resolvers of every object type; fields that follow relationships come from fields.ts. */
export const typeResolvers = {
  Node: { __resolveType: (node: NodeRecord) => node.label },
  Entity: { __resolveType: (node: NodeRecord) => node.label },
  Agent: { __resolveType: (node: NodeRecord) => node.label },

  Person: { ...entityFields, ...hops('Person') },
  Organization: { ...entityFields, ...hops('Organization') },
  Role: {
    ...hops('Role'),
    title: (node: NodeRecord) => node.title ?? node.name,
    evidence: (node: NodeRecord) => node.evidence,
  },
  Event: {
    ...entityFields,
    ...hops('Event'),
    facts: (node: NodeRecord) => node.figures ?? [],
  },
  Participation: {
    kind: (step: Step) => step.edge.kind,
    evidence: (step: Step) => step.edge.evidence,
    event: (step: Step, _: unknown, ctx: Context) => endOf(step, step.edge.to, ctx),
    participant: (step: Step, _: unknown, ctx: Context) => endOf(step, step.edge.from, ctx),
  },
  Agreement: {
    ...entityFields,
    ...hops('Agreement'),
    title: (node: NodeRecord) => node.title ?? node.name,
  },
  Place: { ...entityFields, ...hops('Place') },
  Document: {
    ...entityFields,
    ...hops('Document'),
    title: (node: NodeRecord) => node.title ?? node.name,
    text: (node: NodeRecord) => node.text ?? '',
    mentions: (async (node, { first }, ctx) => {
      const all = (await mentions(node, {}, ctx)) as NodeRecord[];
      return all.slice(0, capFirst(first, ctx.limits.maxFirst, ctx.limits.maxFirst));
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
