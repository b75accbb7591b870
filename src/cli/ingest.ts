import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { App } from '../compose.js';
import { ArticleError } from '../extract/errors.js';
import { MAX_ARTICLE_BYTES } from '../extract/decode.js';
import { decodeArticle, extractFacts } from '../extract/index.js';
import { readInputFile } from '../ingest/files.js';
import { BadInputError } from '../ingest/errors.js';
import { ingestDocument } from '../ingest/load.js';
import { validateFacts, type FactsDocument } from '../ingest/read.js';

/** Reads an article (any encoding decodeArticle accepts), extracts its facts and checks them like a facts file. */
export async function extractFile(file: string): Promise<FactsDocument> {
  const text = decodeArticle(await readInputFile(file, MAX_ARTICLE_BYTES), file);
  return validateFacts(file, extractFacts(text, { source: basename(file) }), text);
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
      const result = await ingestDocument(await extractFile(file), app);
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
