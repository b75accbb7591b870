import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphStore } from '../../src/graph/port.js';
import { createNeo4jStore } from '../../src/graph/neo4j/store.js';
import { edgeProperties, nodeProperties } from '../../src/graph/neo4j/properties.js';
import type { GraphChanges } from '../../src/model/index.js';
import { NODE_LABELS, REL_TYPES } from '../../src/model/index.js';

/**
 * The Neo4j side of the benchmark: connection settings as the tests read them, a wipe, and the naive
 * loader the adapter is compared with. The benchmark owns the database it is given: it empties it.
 */
export const NEO4J_URI = process.env.NEO4J_URI || null;
export const NEO4J_SKIPPED = 'skipped (NEO4J_URI not set)';

export const neo4jOptions = () => ({
  uri: NEO4J_URI!,
  user: process.env.NEO4J_USER || 'neo4j',
  password: process.env.NEO4J_PASSWORD || 'tupu-dev-password',
  database: process.env.NEO4J_DATABASE || 'neo4j',
});

export function openDriver(): Driver {
  const { uri, user, password } = neo4jOptions();
  return neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
}

export const query = (driver: Driver, statement: string, parameters: Record<string, unknown> = {}) =>
  driver.executeQuery(statement, parameters, { database: neo4jOptions().database });

/** Deletes everything, in transactions of 10,000 so that a large graph does not exhaust the heap. */
export async function wipe(driver: Driver): Promise<void> {
  const session = driver.session({ database: neo4jOptions().database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** The adapter over an emptied database, counting the statements it sends. */
export async function openEmptyStore(driver: Driver, onQuery?: (statement: string) => void) {
  await wipe(driver);
  return createNeo4jStore({ ...neo4jOptions(), onQuery });
}

/** Labels and types are spliced only after checking them against the model, as the adapter does. */
const label = (l: string) => (NODE_LABELS.includes(l as never) ? l : fail(l));
const relType = (t: string) => (REL_TYPES.includes(t as never) ? t : fail(t));
const fail = (name: string): never => {
  throw new Error(`not in the model: ${name}`);
};

/**
 * The baseline loader: what one writes first, one auto-commit statement per node and per relationship.
 * It writes the same properties the adapter writes (the adapter's own translation), without merging.
 */
export async function naiveWrite(driver: Driver, changes: GraphChanges): Promise<void> {
  for (const node of changes.nodes) {
    const { id, ...props } = nodeProperties(node);
    await query(driver, `MERGE (n:Node {id: $id}) SET n += $props, n:${label(node.label)}`, { id, props });
  }
  for (const edge of changes.edges) {
    await query(driver, `MATCH (a:Node {id: $from}), (b:Node {id: $to}) MERGE (a)-[r:${relType(edge.type)} {id: $id}]->(b) SET r += $props`, {
      from: edge.from,
      to: edge.to,
      id: edge.id,
      props: edgeProperties(edge),
    });
  }
}

/** Replays recorded change batches (load.ts) through the adapter: the embedded load's graph, in Neo4j. */
export async function replay(store: GraphStore, changesFile: string): Promise<number> {
  let batches = 0;
  const lines = createInterface({ input: createReadStream(changesFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    await store.apply(JSON.parse(line) as GraphChanges);
    batches++;
  }
  return batches;
}
