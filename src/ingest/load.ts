import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphStore } from '../graph/port.js';
import { isEntityLabel } from '../model/index.js';
import { buildSearchDocuments } from '../search/documents.js';
import type { SearchIndex } from '../search/port.js';
import type { WriteIntents } from '../storage/intents.js';
import { BadInputError, BadInputErrors } from './errors.js';
import { readFactsFile, type FactsDocument } from './read.js';
import { resolveFacts } from './resolve.js';

export interface Ports {
  graph: GraphStore;
  search: SearchIndex;
  /** Where a data directory notes writes in progress, so a crash between graph and index is mended at the next start. */
  intents?: WriteIntents;
}

export interface LoadSummary {
  documents: number;
  created: number;
  merged: number;
}

/** Facts files named directly, or found (*.facts.json) in the directories named. */
export async function factsFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.facts.json')).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

/**
 * Loads facts files: every file is read and validated before anything is written, so one bad file loads
 * nothing at all; then each document is resolved and applied in its own all-or-nothing batch.
 */
export async function loadFiles(paths: readonly string[], ports: Ports): Promise<LoadSummary> {
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
  const summary: LoadSummary = { documents: 0, created: 0, merged: 0 };
  for (const document of documents) {
    const result = await ingestDocument(document, ports);
    summary.documents++;
    summary.created += result.created;
    summary.merged += result.merged;
  }
  return summary;
}

/**
 * Runs `task` — a write to the graph, then to the index — as the graph's only writer, with the data
 * directory's note that a writer is at work: if the task fails (or the process dies) between the two, the
 * note outlives it and the next start brings the index back in step (see repairIndexAtStart).
 */
export async function asOneWriter<T>({ graph, intents }: Ports, task: () => Promise<T>): Promise<T> {
  await intents?.begin();
  return graph.exclusive(async () => {
    try {
      return await task();
    } catch (error) {
      intents?.markLagging();
      throw error;
    }
  });
}

/**
 * Resolves one validated document against the graph, writes it, and indexes the entities it touched, all as
 * the graph's only writer: a concurrent load resolves against the graph with this document in it or without,
 * never half-way. Every touched entity is re-indexed, so running the same document again mends its index
 * entries instead of skipping them.
 */
export async function ingestDocument({ facts, text }: FactsDocument, ports: Ports) {
  const { graph, search } = ports;
  return asOneWriter(ports, async () => {
    const resolved = await resolveFacts(graph, facts, text);
    const entityIds = resolved.changes.nodes.filter((n) => isEntityLabel(n.label)).map((n) => n.id);
    const before = await graph.nodes(entityIds);
    await graph.apply(resolved.changes);
    await search.upsert(await buildSearchDocuments(graph, entityIds));
    return {
      documentId: resolved.documentId,
      created: before.filter((n) => n === null).length,
      merged: resolved.merged.length,
    };
  });
}
