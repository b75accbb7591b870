import { ingestArticle } from '../../ingest/article.js';
import { retractDocument } from '../../ingest/retract.js';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';

// Resolution reads what is stored before writing: two writes interleaved could both create an entity
// the other was about to. Writes through this process therefore run one at a time.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(write: () => Promise<T>): Promise<T> {
  const next = queue.then(write, write);
  queue = next.catch(() => undefined);
  return next;
}

export const mutationResolvers = {
  ingestArticle: (_: unknown, args: { text: string; url?: string | null; publishedAt?: string | null }, ctx: Context) =>
    oneAtATime(async () => {
      const article = { bytes: Buffer.from(args.text, 'utf8'), source: args.url ?? 'ingestArticle', url: args.url, publishedAt: args.publishedAt };
      const result = await ingestArticle(article, ctx);
      return { document: await ctx.loaders.node(result.documentId), created: result.created, merged: result.merged };
    }),

  retractDocument: (_: unknown, { id }: { id: string }, ctx: Context) =>
    oneAtATime(async () => {
      const summary = await retractDocument(id, ctx);
      if (!summary) throw new NotFoundError(id);
      return summary;
    }),
};
