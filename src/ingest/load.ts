import { filesIn } from './files.js';
import { ingestBatch, type IngestedDocument } from './batch.js';
import { BadInputError, BadInputErrors, PartialLoadError } from './errors.js';
import { readFactsFile, type FactsDocument } from './read.js';
import type { Ports } from './writer.js';

export type { Ports } from './writer.js';

export interface LoadSummary {
  documents: number;
  created: number;
  merged: number;
}

/** Facts files named directly, or found (*.facts.json) in the directories named. */
export async function factsFiles(paths: readonly string[]): Promise<string[]> {
  return (await filesIn(paths, ['.facts.json'])).files;
}

/** Documents per batch: big enough that the round trips per batch are a small share of its cost. */
export const BATCH_SIZE = 100;

/**
 * Loads facts files: every file is read and validated before anything is written, so one bad file loads
 * nothing at all; then the documents are ingested in batches (ingestDocuments).
 */
export async function loadFiles(paths: readonly string[], ports: Ports, batchSize = BATCH_SIZE): Promise<LoadSummary> {
  const files = await factsFiles(paths);
  const documents: FactsDocument[] = [];
  const errors: BadInputError[] = [];
  for (const file of files) {
    try {
      documents.push(await readFactsFile(file));
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length) throw new BadInputErrors(errors);
  return ingestDocuments(documents, ports, batchSize);
}

/**
 * Ingests validated documents in the order given, `batchSize` at a time, each batch all or nothing
 * (ingestBatch). The documents may come from a stream (extraction on worker threads): a batch is written
 * as soon as it is full. A failed batch stops the load with a PartialLoadError naming what was written.
 */
export async function ingestDocuments(
  documents: AsyncIterable<FactsDocument> | Iterable<FactsDocument>,
  ports: Ports,
  batchSize = BATCH_SIZE,
): Promise<LoadSummary> {
  const summary: LoadSummary = { documents: 0, created: 0, merged: 0 };
  const written: string[] = [];
  let batch: FactsDocument[] = [];
  const flush = async () => {
    const results = await ingestBatch(batch, ports).catch((error: unknown) => {
      throw new PartialLoadError(written, batch.map((d) => d.file), error);
    });
    for (const result of results) {
      written.push(result.file);
      summary.documents++;
      summary.created += result.created;
      summary.merged += result.merged;
    }
    batch = [];
  };
  for await (const document of documents) {
    batch.push(document);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return summary;
}

/**
 * Resolves one validated document against the graph, writes it, and indexes the entities it touched, all as
 * the graph's only writer: a batch of one. Every touched entity is re-indexed, so running the same document
 * again mends its index entries instead of skipping them.
 */
export async function ingestDocument(document: FactsDocument, ports: Ports): Promise<IngestedDocument> {
  const [result] = await ingestBatch([document], ports);
  return result!;
}
