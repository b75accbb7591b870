import neo4j from 'neo4j-driver';
import { createNeo4jStore, type Neo4jStoreOptions } from '../../src/graph/neo4j/store.js';

/** Set by `npm test`, which starts a local Neo4j (scripts/neo4j) before running the suites. */
export const NEO4J_URI = process.env.NEO4J_URI;

export const neo4jOptions = (): Neo4jStoreOptions => ({
  uri: NEO4J_URI!,
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? 'tupu-dev-password',
  database: process.env.NEO4J_DATABASE ?? 'neo4j',
});

/** A Neo4j store over an emptied database: suites share one server and run one file at a time. */
export async function openEmptyNeo4jStore(onQuery?: (statement: string) => void) {
  const options = neo4jOptions();
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password));
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: options.database });
  } finally {
    await driver.close();
  }
  return createNeo4jStore({ ...options, onQuery });
}
