import { fileURLToPath } from 'node:url';
import type { App } from '../compose.js';
import { ENTITY_TYPES, type EntityType } from '../model/index.js';
import { checkIndex, reindex } from '../ingest/index-sync.js';
import { loadFiles } from '../ingest/load.js';
import { exposureFromConfig } from '../api/exposure.js';
import { createApi, listen } from '../api/server.js';
import { newToken, readTokens, type Scope } from '../api/tokens.js';
import { retractDocument } from '../ingest/retract.js';
import { searchTable } from './output.js';

export const SEEDS_DIRECTORY = fileURLToPath(new URL('../../seeds', import.meta.url));

export async function loadCommand(app: App, paths: string[]): Promise<void> {
  const summary = await loadFiles(paths.length ? paths : [SEEDS_DIRECTORY], app);
  console.log(JSON.stringify(summary));
}

export async function reindexCommand(app: App): Promise<void> {
  console.log(JSON.stringify({ indexed: await reindex(app) }));
}

/** Exits 1 when the index has drifted from the graph, listing the ids concerned. */
export async function checkCommand(app: App): Promise<void> {
  const drift = await checkIndex(app);
  const count = drift.missing.length + drift.stale.length + drift.stray.length;
  console.log(JSON.stringify({ ok: count === 0, ...drift }, null, 2));
  if (count) {
    process.stderr.write(`tupu: the search index differs from the graph in ${count} documents; run tupu reindex\n`);
    process.exitCode = 1;
  }
}

export async function statsCommand(app: App): Promise<void> {
  console.log(JSON.stringify(await app.graph.stats(), null, 2));
}

export async function searchCommand(app: App, query: string, options: { type?: string[]; json?: boolean; first: string }) {
  const types = (options.type ?? []).map((t) => t.toUpperCase());
  const unknown = types.filter((t) => !(ENTITY_TYPES as string[]).includes(t));
  if (unknown.length) throw new UsageError(`unknown type ${unknown.join(', ')}; use one of ${ENTITY_TYPES.join(', ')}`);
  const results = await app.search.search({ query, types: types as EntityType[], first: Number(options.first) || 10 });
  if (options.json) return console.log(JSON.stringify(results, null, 2));
  const nodes = await app.graph.nodes(results.hits.map((h) => h.id));
  const names = new Map(nodes.flatMap((n) => (n ? [[n.id, n.name] as const] : [])));
  console.log(searchTable(results, names, process.stdout.isTTY === true));
}

/** Serves the API; an empty data directory is first filled with the seeds so there is something to see. */
export async function serveCommand(app: App): Promise<void> {
  const stats = await app.graph.stats();
  if (Object.values(stats.nodes).every((n) => n === 0)) {
    const summary = await loadFiles([SEEDS_DIRECTORY], app);
    app.logger.info(summary, 'empty store: loaded the seeds');
  }
  const api = createApi({
    graph: app.graph,
    search: app.search,
    logger: app.logger,
    exposure: exposureFromConfig(app.config),
    tokens: readTokens(app.config),
    intents: app.intents,
  });
  const { server, port } = await listen(api, app.config.PORT, app.config.HOST);
  app.logger.info({ url: `http://${app.config.HOST}:${port}/graphql`, graph: app.graph.kind, search: app.search.kind }, 'tupu is serving');
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `tupu retract DOC`: the document's facts leave the graph and the index; exit 1 when no document has that id. */
export async function retractCommand(app: App, documentId: string): Promise<void> {
  const summary = await retractDocument(documentId, app);
  if (!summary) throw new UsageError(`no document has the id "${documentId}" (tupu search --type DOCUMENT finds ids)`);
  console.log(JSON.stringify(summary));
}

/** `tupu token NAME`: a new token for its holder, and the line that configures it (the token is not kept). */
export function tokenCommand(name: string, options: { scope: string }): void {
  if (options.scope !== 'read' && options.scope !== 'write') throw new UsageError(`--scope must be read or write, not ${options.scope}`);
  if (!/^[\w.-]+$/.test(name)) throw new UsageError(`a token name is letters, digits, ".", "-" or "_", not "${name}"`);
  const { token, line } = newToken(name, options.scope as Scope);
  console.log(JSON.stringify({ token, config: line }, null, 2));
}

export class UsageError extends Error {
  override name = 'UsageError';
}
