import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphStore } from '../../src/graph/port.js';
import { createNeo4jStore } from '../../src/graph/neo4j/store.js';
import { edgeFromProperties, edgeProperties, nodeFromProperties, nodeProperties } from '../../src/graph/neo4j/properties.js';
import { mergeEdge, mergeNode } from '../../src/model/merge.js';
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
 * The baseline loader: what one writes first, one auto-commit statement per node and per relationship,
 * with the adapter's own translation to properties. To write the same graph as the adapter it must merge
 * a record it has already written (sources, evidence and aliases are unions): for those it first reads
 * the stored properties (one more statement) and merges them with the model's mergeNode / mergeEdge.
 * `written` remembers the ids already written; returns the number of statements sent.
 */
export async function naiveWrite(driver: Driver, changes: GraphChanges, written: Set<string>): Promise<number> {
  let statements = 0;
  for (const node of changes.nodes) {
    let merged = node;
    if (written.has(node.id)) {
      const stored = (await query(driver, 'MATCH (n:Node {id: $id}) RETURN properties(n) AS props', { id: node.id })).records[0];
      statements++;
      if (stored) merged = mergeNode(nodeFromProperties(node.label, stored.get('props')), node);
    }
    await query(driver, `MERGE (n:Node {id: $id}) SET n = $props, n:${label(node.label)}`, { id: node.id, props: nodeProperties(merged) });
    statements++;
    written.add(node.id);
  }
  for (const edge of changes.edges) {
    let merged = edge;
    if (written.has(edge.id)) {
      const stored = (await query(driver, 'MATCH (:Node {id: $from})-[r {id: $id}]->(:Node {id: $to}) RETURN properties(r) AS props', { from: edge.from, to: edge.to, id: edge.id })).records[0];
      statements++;
      if (stored) merged = mergeEdge(edgeFromProperties(edge.type, edge.from, edge.to, stored.get('props')), edge);
    }
    await query(driver, `MATCH (a:Node {id: $from}), (b:Node {id: $to}) MERGE (a)-[r:${relType(edge.type)} {id: $id}]->(b) SET r = $props`, {
      from: edge.from,
      to: edge.to,
      id: edge.id,
      props: edgeProperties(merged),
    });
    statements++;
    written.add(edge.id);
  }
  return statements;
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

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value;

/**
 * What the database holds, as counts and a hash of every node (labels, properties) and relationship
 * (type, ends, properties) in id order: two loads wrote the same graph when their fingerprints are equal.
 */
export async function fingerprint(driver: Driver): Promise<{ nodes: number; relationships: number; hash: string; rows: string[] }> {
  const nodes = await query(driver, 'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id');
  const rels = await query(driver, 'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY r.id, from, to');
  const rows = [
    ...nodes.records.map((r) => JSON.stringify(canonical({ labels: (r.get('labels') as string[]).sort(), props: r.get('props') }))),
    ...rels.records.map((r) => JSON.stringify(canonical({ type: r.get('type'), from: r.get('from'), to: r.get('to'), props: r.get('props') }))),
  ];
  const hash = createHash('sha256');
  for (const row of rows) hash.update(row + '\n');
  return { nodes: nodes.records.length, relationships: rels.records.length, hash: hash.digest('hex').slice(0, 16), rows };
}
