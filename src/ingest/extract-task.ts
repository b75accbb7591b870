import { MAX_ARTICLE_BYTES } from '../extract/decode.js';
import { ArticleError } from '../extract/errors.js';
import { articleFacts } from './article.js';
import { BadInputError } from './errors.js';
import { readInputFile } from './files.js';
import type { FactsDocument } from './read.js';

/** What extracting one article file gives: its checked facts, or why it is no article (the message names the file). */
export type Extracted = { file: string; document: FactsDocument } | { file: string; error: string };

/** Reads an article file (refusing what cannot be one before reading it), extracts its facts and checks them like a facts file. */
export async function extractFile(file: string): Promise<FactsDocument> {
  return articleFacts({ bytes: await readInputFile(file, MAX_ARTICLE_BYTES), source: file });
}

/**
 * The task of an extraction worker thread. A bad article is an answer, not a throw: a thread hands back
 * plain data, and an error's class would not survive the trip. Only what no article explains (a bug) throws.
 */
export async function extractArticleFile(file: string): Promise<Extracted> {
  try {
    return { file, document: await extractFile(file) };
  } catch (error) {
    if (error instanceof BadInputError || error instanceof ArticleError) return { file, error: error.message };
    throw error;
  }
}
