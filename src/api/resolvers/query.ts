import type { GraphQLResolveInfo } from 'graphql';
import type { ViewNode } from '../../graph/view.js';
import { REL_TYPES, WORLD_TYPES, type EntityLabel, type EntityType, type NodeLabel } from '../../model/index.js';
import { bounded, capFirst, toConnection } from '../connection.js';
import type { Context } from '../context.js';
import { BadArgumentError, NotFoundError } from '../errors.js';
import { selectionOf, selects } from '../selection.js';

type PageArgs = { first?: number | null; after?: string | null };

/** Documents connect every entity they mention: paths go through them only when asked. */
const traversed = (throughDocuments: boolean | undefined) => (throughDocuments ? REL_TYPES : WORLD_TYPES);

/** Nodes read with everything the field selects below them (at `path` inside its result): one store call. */
const viewed = (ctx: Context, info: GraphQLResolveInfo, ids: readonly string[], path?: readonly string[]) =>
  ctx.loaders.view(ids, selectionOf(info, path), info.variableValues);

/** A node only if it has the expected label, so event(id: <a person id>) is null, not a person. */
async function nodeOf(ctx: Context, info: GraphQLResolveInfo, id: string, label?: NodeLabel): Promise<ViewNode | null> {
  const [node] = await viewed(ctx, info, [id]);
  return node && (!label || node.label === label) ? node : null;
}

async function byIdOrName(ctx: Context, info: GraphQLResolveInfo, label: EntityLabel, { id, name }: { id?: string | null; name?: string | null }) {
  if (id) return nodeOf(ctx, info, id, label);
  const [found] = name ? await ctx.graph.findByName(label, name) : [];
  return found ? nodeOf(ctx, info, found.id, label) : null;
}

/** The ids an answer starts from must exist: else "no path" and "no such node" would look the same. */
async function requireNodes(ctx: Context, ids: readonly string[]): Promise<void> {
  const nodes = await ctx.loaders.many(ids);
  const found = new Set(nodes.map((n) => n.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFoundError(missing);
}

type ListArgs = PageArgs & { from?: string; to?: string };

/** A page (the store's listing and count), then its nodes viewed as the field selects them. */
const listing = (label: NodeLabel) => async (_: unknown, args: ListArgs, ctx: Context, info: GraphQLResolveInfo) => {
  if (args.from && args.to && args.from > args.to) throw new BadArgumentError(`from (${args.from}) is after to (${args.to})`);
  const first = capFirst(args.first, ctx.limits.maxFirst);
  const page = await ctx.graph.list(label, { first, after: args.after, from: args.from, to: args.to });
  const nodes = await viewed(ctx, info, page.items.map((i) => i.node.id), ['edges', 'node']);
  const items = page.items.map((item, i) => ({ cursor: item.cursor, node: nodes[i] ?? item.node }));
  return toConnection({ ...page, items }, args.after);
};

type ById = { id?: string; name?: string };

/** Search hits with their entities; a hit whose entity is gone from the graph (index not yet rebuilt) is
 * dropped rather than failing the list. */
async function withEntities<H extends { id: string }>(ctx: Context, info: GraphQLResolveInfo, hits: readonly H[]) {
  const entities = await viewed(ctx, info, hits.map((h) => h.id), ['hits', 'entity']);
  const byId = new Map(entities.flatMap((e) => (e ? [[e.id, e]] : [])));
  return hits.filter((h) => byId.has(h.id)).map((h) => ({ ...h, entity: byId.get(h.id) }));
}

export const queryResolvers = {
  node: (_: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) => nodeOf(ctx, info, id),
  person: (_: unknown, args: ById, ctx: Context, info: GraphQLResolveInfo) => byIdOrName(ctx, info, 'Person', args),
  organization: (_: unknown, args: ById, ctx: Context, info: GraphQLResolveInfo) => byIdOrName(ctx, info, 'Organization', args),
  event: (_: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) => nodeOf(ctx, info, id, 'Event'),
  people: listing('Person'),
  organizations: listing('Organization'),
  events: listing('Event'),
  agreements: listing('Agreement'),
  documents: listing('Document'),

  async search(_: unknown, args: PageArgs & { query: string; types?: EntityType[] | null }, ctx: Context, info: GraphQLResolveInfo) {
    const first = capFirst(args.first, ctx.limits.maxFirst, 10);
    const { maxSearchLength } = ctx.limits;
    if (args.query.length > maxSearchLength) throw new BadArgumentError(`query is ${args.query.length} characters; a search takes at most ${maxSearchLength}`);
    const results = await ctx.search.search({ query: args.query, types: args.types, first, after: args.after });
    // Only listed hits need the graph (their entities, one view): a count or a cursor is the index's alone.
    const hits = selects(info, ['hits']) ? await withEntities(ctx, info, results.hits) : results.hits;
    return {
      total: results.total,
      totalIsExact: results.totalIsExact,
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
    const path = await ctx.graph.path(args.from, args.to, hops, traversed(args.throughDocuments));
    if (!path) await requireNodes(ctx, [args.from, args.to]); // checked only then: a found path has both ends
    return path && { length: path.edges.length, ...path };
  },

  async neighborhood(_: unknown, args: { id: string; hops?: number | null; first?: number | null; throughDocuments?: boolean }, ctx: Context) {
    const hops = bounded('hops', args.hops, { min: 0, max: ctx.limits.maxNeighborhoodHops, fallback: 1 });
    const first = bounded('first', args.first, { min: 1, max: ctx.limits.maxNeighborhoodNodes, fallback: 100 });
    const around = await ctx.graph.neighborhood(args.id, hops, first, traversed(args.throughDocuments));
    if (!around.nodes.length) throw new NotFoundError(args.id); // it holds its centre whenever that exists
    return around;
  },
};
