import { Readable } from 'node:stream';
import type { GraphStore } from '../graph/port.js';
import { collectGraph, parseHops, type ExportScope } from './collect.js';
import { writeCsvZip } from './csv.js';
import { ExportError } from './errors.js';
import { toFtm } from './ftm.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';
import type { Subgraph } from '../graph/port.js';

interface ExportFormat {
  /** What `/export/graph.<extension>` ends with. */
  extension: string;
  contentType: string;
  write(subgraph: Subgraph): NodeJS.ReadableStream;
}

/** Every export format, by the name `tupu export --format` takes. */
export const FORMATS = {
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8', write: (g) => Readable.from([writeGraphml(g)]) },
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8', write: (g) => Readable.from([writeGexf(g)]) },
  csv: { extension: 'csv.zip', contentType: 'application/zip', write: writeCsvZip },
  // One entity a line, as `ftm` and Aleph read them.
  ftm: { extension: 'ftm.json', contentType: 'application/x-ndjson; charset=utf-8', write: (g) => Readable.from(toFtm(g).map((e) => `${JSON.stringify(e)}\n`)) },
} satisfies Record<string, ExportFormat>;

export type FormatName = keyof typeof FORMATS;

export function formatNamed(name: string): ExportFormat {
  if (!(name in FORMATS)) throw new ExportError(`unknown export format ${name}; use one of ${Object.keys(FORMATS).join(', ')}`);
  return FORMATS[name as FormatName];
}

/** The part of the graph the scope names, in one format, as a stream of bytes. */
export async function exportGraph(graph: GraphStore, format: string, scope: ExportScope): Promise<NodeJS.ReadableStream> {
  const writer = formatNamed(format);
  return writer.write(await collectGraph(graph, scope));
}

export { ExportError, parseHops, type ExportScope };
