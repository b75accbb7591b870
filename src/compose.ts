import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { redactorFor, type Config } from './config.js';
import { redactingDestination } from './redact.js';
import { createMemoryStore } from './graph/memory/store.js';
import { createNeo4jStore } from './graph/neo4j/store.js';
import type { GraphStore } from './graph/port.js';
import { createEmbeddedIndex } from './search/embedded/index.js';
import { createMeilisearchIndex } from './search/meilisearch/index.js';
import type { SearchIndex } from './search/port.js';
import { repairIndexAtStart, type IndexAtStart } from './ingest/index-sync.js';
import { WriteIntents } from './storage/intents.js';

/**
 * The composition root: the one place that knows the adapters. Everything else receives ports.
 * With no server configured, both ports use the embedded default kept in TUPU_DATA; NEO4J_URI selects
 * Neo4j, MEILI_URL Meilisearch.
 */
export interface App {
  config: Config;
  logger: Logger;
  graph: GraphStore;
  search: SearchIndex;
  intents: WriteIntents;
  close(): Promise<void>;
}

export function createLogger(config: Config): Logger {
  // Logs go to stderr: stdout belongs to command output (JSON, tables) and must stay clean.
  // Every line passes the redactor: a secret inside a driver's message or a URI never reaches the log.
  const destination = redactingDestination(redactorFor(config), pino.destination(2));
  return pino({ level: config.LOG_LEVEL, redact: ['*.password', '*.apiKey', '*.key'] }, destination);
}

/**
 * Opens the stores. `index` says what to do when the search index is behind the graph (see
 * repairIndexAtStart): `tupu check` and `tupu reindex` look at it as it is.
 */
export async function openApp(config: Config, logger = createLogger(config), index: IndexAtStart = 'repair'): Promise<App> {
  const data = resolve(config.TUPU_DATA);
  const warn = (message: string, details: Record<string, unknown>) => logger.warn(details, message);
  const graph = config.NEO4J_URI
    ? await createNeo4jStore({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE })
    : createMemoryStore({ directory: join(data, 'graph'), warn });
  const search = config.MEILI_URL
    ? createMeilisearchIndex({
        url: config.MEILI_URL,
        indexUid: config.MEILI_INDEX,
        masterKey: config.MEILI_MASTER_KEY,
        indexKey: config.MEILI_INDEX_KEY,
        searchKey: config.MEILI_SEARCH_KEY,
      })
    : createEmbeddedIndex({ directory: join(data, 'search'), warn });
  const intents = new WriteIntents(data);
  // The graph must answer at start; search may come later (queries then say it is unavailable).
  await graph.ping();
  const searchUp = await search.ping().then(
    () => true,
    (error: Error) => logger.warn({ search: search.kind, problem: error.message }, 'search is not reachable yet'),
  );
  const app: App = {
    config,
    logger,
    graph,
    search,
    intents,
    close: async () => {
      await Promise.allSettled([intents.end(), graph.close(), search.close()]);
    },
  };
  if (searchUp) await repairIndexAtStart(app, index, logger).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  return app;
}
