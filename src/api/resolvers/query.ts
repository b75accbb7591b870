import { REL_TYPES, WORLD_TYPES, type EntityLabel, type EntityType, type NodeLabel, type NodeRecord } from '../../model/index.js';
import { bounded, capFirst, toConnection } from '../connection.js';
import type { Context } from '../context.js';
import { BadArgumentError, NotFoundError } from '../errors.js';

type PageArgs = { first?: number | null; after?: string | null };

/** Documents connect every entity they mention: paths go through them only when asked. */
const traversed = (throughDocuments: boolean | undefined) => (throughDocuments ? REL_TYPES : WORLD_TYPES);

/** A node only if it has the expected label, so event(id: <a person id>) is null, not a person. */
async function nodeOf(ctx: Context, id: string, label: NodeLabel): Promise<NodeRecord | null> {
  const node = await ctx.loaders.node(id);
  return node?.label === label ? node : null;
}

async function byIdOrName(ctx: Context, label: EntityLabel, { id, name }: { id?: string | null; name?: string | null }) {
  if (id) return nodeOf(ctx, id, label);
  if (name) return (await ctx.graph.findByName(label, name))[0] ?? null;
  return null;
}

/** The ids an answer starts from must exist: else "no path" and "no such node" would look the same. */
async function requireNodes(ctx: Context, ids: readonly string[]): Promise<void> {
  const nodes = await ctx.loaders.many(ids);
  const found = new Set(nodes.map((n) => n.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFoundError(missing);
}

const listing = (label: NodeLabel) => async (_: unknown, args: PageArgs & { from?: string; to?: string }, ctx: Context) => {
  if (args.from && args.to && args.from > args.to) throw new BadArgumentError(`from (${args.from}) is after to (${args.to})`);
  const first = capFirst(args.first, ctx.limits.maxFirst);
  const page = await ctx.graph.list(label, { first, after: args.after, from: args.from, to: args.to });
  return toConnection(page, args.after);
};

export const queryResolvers = {
  node: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.node(id),
  person: (_: unknown, args: { id?: string; name?: string }, ctx: Context) => byIdOrName(ctx, 'Person', args),
  organization: (_: unknown, args: { id?: string; name?: string }, ctx: Context) => byIdOrName(ctx, 'Organization', args),
  event: (_: unknown, { id }: { id: string }, ctx: Context) => nodeOf(ctx, id, 'Event'),
  people: listing('Person'),
  organizations: listing('Organization'),
  events: listing('Event'),
  agreements: listing('Agreement'),
  documents: listing('Document'),

  async search(_: unknown, args: PageArgs & { query: string; types?: EntityType[] | null }, ctx: Context) {
    const first = capFirst(args.first, ctx.limits.maxFirst, 10);
    const { maxSearchLength } = ctx.limits;
    if (args.query.length > maxSearchLength) throw new BadArgumentError(`query is ${args.query.length} characters; a search takes at most ${maxSearchLength}`);
    const results = await ctx.search.search({ query: args.query, types: args.types, first, after: args.after });
    const entities = await ctx.loaders.many(results.hits.map((h) => h.id));
    const byId = new Map(entities.map((e) => [e.id, e]));
    // A hit whose entity is gone from the graph (index not yet rebuilt) is dropped rather than failing the list.
    const hits = results.hits.filter((h) => byId.has(h.id)).map((h) => ({ ...h, entity: byId.get(h.id) }));
    return {
      total: results.total,
      hits,
      pageInfo: {
        hasNextPage: results.hasNextPage,
        hasPreviousPage: !!args.after,
        startCursor: hits[0]?.cursor ?? null,
        endCursor: hits.at(-1)?.cursor ?? null,
      },
    };
  },

  async path(_: unknown, args: { from: string; to: string; maxHops?: number | null; throughDocuments?: boolean }, ctx: Context) {
    const hops = bounded('maxHops', args.maxHops, { min: 0, max: ctx.limits.maxPathHops, fallback: 4 });
    await requireNodes(ctx, [args.from, args.to]);
    const path = await ctx.graph.path(args.from, args.to, hops, traversed(args.throughDocuments));
    return path && { length: path.edges.length, ...path };
  },

  async neighborhood(_: unknown, args: { id: string; hops?: number | null; first?: number | null; throughDocuments?: boolean }, ctx: Context) {
    const hops = bounded('hops', args.hops, { min: 0, max: ctx.limits.maxNeighborhoodHops, fallback: 1 });
    const first = bounded('first', args.first, { min: 1, max: ctx.limits.maxNeighborhoodNodes, fallback: 100 });
    await requireNodes(ctx, [args.id]);
    return ctx.graph.neighborhood(args.id, hops, first, traversed(args.throughDocuments));
  },
};
