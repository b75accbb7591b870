import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { App } from '../compose.js';
import { exportGraph, ExportError, parseHops } from '../export/index.js';

export interface ExportOptions {
  format: string;
  around?: string;
  hops?: string;
  out?: string;
}

/** `tupu export`: the whole graph, or the neighbourhood of one entity, to a file or to stdout. */
export async function exportCommand(app: App, options: ExportOptions): Promise<void> {
  if (options.hops !== undefined && !options.around) throw new ExportError('--hops needs --around ID');
  const stream = await exportGraph(app.graph, options.format, { around: options.around ?? null, hops: parseHops(options.hops) });
  await pipeline(stream, options.out ? createWriteStream(options.out) : process.stdout);
}
