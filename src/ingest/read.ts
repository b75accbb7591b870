import { dirname, resolve } from 'node:path';
import { MAX_ARTICLE_BYTES } from '../extract/decode.js';
import { factsSchema, type Facts } from '../model/facts.js';
import { BadInputError, jsonPath } from './errors.js';
import { readInputFile } from './files.js';
import { checkReferences } from './references.js';

/** One facts file, validated, with the article text it refers to (or null when it names none). */
export interface FactsDocument {
  file: string;
  facts: Facts;
  text: string | null;
}

/** Facts files are small; anything bigger is not what it claims to be. */
export const MAX_FACTS_BYTES = 20 << 20;

/** Reads and validates one facts file; throws BadInputError naming the file and the JSON path. */
export async function readFactsFile(file: string): Promise<FactsDocument> {
  const raw = await readBounded(file);
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BadInputError(file, null, `invalid JSON: ${(error as Error).message}`);
  }
  return validateFacts(file, json, await readSource(file, json));
}

/** Validates facts already parsed (the extractor's output or a file's), against the article text if any. */
export function validateFacts(file: string, json: unknown, text: string | null): FactsDocument {
  const parsed = factsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BadInputError(file, jsonPath(issue.path), issue.message);
  }
  const [problem] = checkReferences(parsed.data, text);
  if (problem) throw new BadInputError(file, problem.at, problem.problem);
  return { file, facts: parsed.data, text };
}

async function readBounded(file: string): Promise<string> {
  const bytes = await readInputFile(file, MAX_FACTS_BYTES);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadInputError(file, null, 'not UTF-8 text');
  }
}

/** The article named by `document.source`, resolved beside the facts file. */
async function readSource(file: string, json: unknown): Promise<string | null> {
  const source = (json as { document?: { source?: unknown } } | null)?.document?.source;
  if (typeof source !== 'string' || !source) return null;
  const path = resolve(dirname(file), source);
  const bytes = await readInputFile(path, MAX_ARTICLE_BYTES).catch((error: BadInputError) => {
    throw new BadInputError(file, '$.document.source', `cannot read the article: ${error.message}`);
  });
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
