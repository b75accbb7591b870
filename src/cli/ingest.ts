import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { App } from '../compose.js';
import { extractArticles } from '../ingest/extract-pool.js';
import { extractFile } from '../ingest/extract-task.js';
import { filesIn } from '../ingest/files.js';
import { ingestDocuments } from '../ingest/load.js';
import type { FactsDocument } from '../ingest/read.js';
import { UsageError } from './commands.js';

export { extractFile };

/** What a directory given to `tupu ingest` is read for: text (UTF-8, GBK/GB18030, Big5) and HTML articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.htm', '.html'];

/** `tupu extract FILE`: the facts JSON on stdout and nothing else. */
export async function extractCommand(file: string): Promise<void> {
  const { facts } = await extractFile(file);
  process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
}

/** `--jobs N` (or TUPU_JOBS): how many threads extract at once; the machine's cores by default. */
export function jobsOption(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of threads, 1 or more, not "${value}"`);
  return jobs;
}

/**
 * `tupu ingest FILE|DIR…`: extract the articles on worker threads, then resolve, load and index them in the
 * order given, in batches (ingestDocuments), each all or nothing; a bad article is reported and skipped, the
 * others load. Ends with one summary line; exit 1 if any failed.
 */
export async function ingestCommand(app: App, paths: string[], options: { jobs?: string }): Promise<void> {
  const jobs = jobsOption(options.jobs);
  const { files, empty } = await filesIn(paths, ARTICLE_EXTENSIONS);
  // printed once the bar is gone, so the two never interleave
  const errors = empty.map((directory) => `${directory}: a directory with no article files (${ARTICLE_EXTENSIONS.join(', ')})`);
  const bar = process.stdout.isTTY ? new SingleBar({ format: '{bar} {value}/{total} {file}' }, Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  async function* articles(): AsyncGenerator<FactsDocument> {
    for await (const extracted of extractArticles(files, { jobs })) {
      bar?.update({ file: basename(extracted.file) });
      bar?.increment();
      if ('error' in extracted) errors.push(extracted.error);
      else yield extracted.document;
    }
  }
  try {
    const summary = await ingestDocuments(articles(), app);
    console.log(`${summary.documents} documents ingested, ${summary.created} new entities, ${summary.merged} merged, ${errors.length} errors`);
  } finally {
    bar?.stop();
    for (const error of errors) process.stderr.write(`tupu: ${error}\n`);
  }
  if (errors.length) process.exitCode = 1;
}
