import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { App } from '../compose.js';
import { MAX_ARTICLE_BYTES } from '../extract/decode.js';
import { ArticleError } from '../extract/errors.js';
import { articleFacts, ingestArticle, type Article } from '../ingest/article.js';
import { BadInputError } from '../ingest/errors.js';
import { readInputFile } from '../ingest/files.js';
import type { FactsDocument } from '../ingest/read.js';

/** Reads an article file (any encoding decodeArticle accepts), refusing what cannot be one before reading it. */
async function readArticle(file: string): Promise<Article> {
  return { bytes: await readInputFile(file, MAX_ARTICLE_BYTES), source: file };
}

/** Reads an article, extracts its facts and checks them like a facts file. */
export async function extractFile(file: string): Promise<FactsDocument> {
  return articleFacts(await readArticle(file));
}

/** `tupu extract FILE`: the facts JSON on stdout and nothing else. */
export async function extractCommand(file: string): Promise<void> {
  const { facts } = await extractFile(file);
  process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
}

/**
 * `tupu ingest FILE…`: extract, resolve, load and index each article, each one all or nothing; a bad
 * article is reported and skipped, the others load. Ends with one summary line; exit 1 if any failed.
 */
export async function ingestCommand(app: App, files: string[]): Promise<void> {
  const bar = process.stdout.isTTY ? new SingleBar({ format: '{bar} {value}/{total} {file}' }, Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  const summary = { documents: 0, created: 0, merged: 0 };
  const errors: string[] = []; // printed once the bar is gone, so the two never interleave
  for (const file of files) {
    bar?.update({ file: basename(file) });
    try {
      const result = await ingestArticle(await readArticle(file), app);
      summary.documents++;
      summary.created += result.created;
      summary.merged += result.merged;
    } catch (error) {
      if (!(error instanceof BadInputError || error instanceof ArticleError)) throw error;
      errors.push(error.message);
    }
    bar?.increment();
  }
  bar?.stop();
  for (const error of errors) process.stderr.write(`tupu: ${error}\n`);
  console.log(`${summary.documents} documents ingested, ${summary.created} new entities, ${summary.merged} merged, ${errors.length} errors`);
  if (errors.length) process.exitCode = 1;
}
