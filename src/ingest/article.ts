import { basename } from 'node:path';
import { decodeArticle, extractFacts } from '../extract/index.js';
import { ingestDocument, type Ports } from './load.js';
import { validateFacts, type FactsDocument } from './read.js';

/** An article as it arrives: raw bytes (UTF-8, GBK, HTML…) and what its sender knows about it. */
export interface Article {
  bytes: Uint8Array;
  /** Where it came from (a file path, "api"): named in every error and recorded as the facts' source. */
  source: string;
  url?: string | null;
  /** YYYY-MM-DD; dates without a year in the text resolve against it. */
  publishedAt?: string | null;
}

/** decode → extract → validate: the facts of an article, checked like a facts file, with the given url and date. */
export function articleFacts({ bytes, source, url = null, publishedAt = null }: Article): FactsDocument {
  const text = decodeArticle(bytes, source);
  const facts = extractFacts(text, { source: basename(source), publishedAt });
  const document = { ...facts.document, url: url ?? facts.document.url, publishedAt: publishedAt ?? facts.document.publishedAt };
  return validateFacts(source, { ...facts, document }, text);
}

/**
 * The article pipeline that `tupu ingest` and the `ingestArticle` mutation both run: decode → extract →
 * resolve → write (one all-or-nothing batch) → index. Bad input throws before anything is written.
 */
export async function ingestArticle(article: Article, ports: Ports) {
  return ingestDocument(articleFacts(article), ports);
}
