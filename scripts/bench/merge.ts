import type { Driver } from 'neo4j-driver';
import { schemaStatements } from '../../src/graph/neo4j/cypher.js';
import { median, ms, time, type Row } from './measure.js';
import { query } from './neo4j.js';

const BATCH = 100;
const MERGE = 'UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n += row.props';

/** Constraint names created by the adapter's schema statements (`CREATE CONSTRAINT name IF NOT EXISTS …`). */
const constraintNames = () => schemaStatements().flatMap((s) => /^CREATE CONSTRAINT (\w+)/.exec(s)?.[1] ?? []);

/** SHOW CONSTRAINTS as a canonical string: name, type, label and properties of each, sorted. */
async function constraints(driver: Driver): Promise<string> {
  const result = await query(driver, 'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name');
  return JSON.stringify(result.records.map((r) => [r.get('name'), r.get('type'), r.get('labelsOrTypes'), r.get('properties')]));
}

/** Median time of MERGE-ing batches of new nodes (then deleting them) into the graph as it is. */
async function mergeBatches(driver: Driver, batches: number, tag: string): Promise<number> {
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const rows = Array.from({ length: BATCH }, (_, i) => ({ id: `bench_${tag}_${b}_${i}`, props: { name: `基准${i}` } }));
    times.push(await time(() => query(driver, MERGE, { rows })));
  }
  await query(driver, 'MATCH (n:Node) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: `bench_${tag}_` });
  return median(times);
}

/**
 * MERGE on `id` with the uniqueness constraints (index-backed lookups) and without them (a label scan per
 * row), on the graph already loaded. The constraints are dropped only for the second half and recreated
 * by the adapter's own schema statements in `finally`, whatever happens.
 */
export async function measureMerge(driver: Driver, nodes: number, batches: number): Promise<Row> {
  const before = await constraints(driver);
  const withConstraints = await mergeBatches(driver, batches, 'with');
  let without: number;
  try {
    for (const name of constraintNames()) await query(driver, `DROP CONSTRAINT ${name} IF EXISTS`);
    without = await mergeBatches(driver, batches, 'without');
  } finally {
    for (const statement of schemaStatements()) await query(driver, statement);
    await query(driver, 'CALL db.awaitIndexes(300)');
  }
  const after = await constraints(driver);
  if (after !== before || !constraintNames().every((n) => after.includes(`"${n}"`))) {
    throw new Error(`constraints not restored: before ${before}, after ${after}`);
  }
  return {
    measurement: `MERGE ${BATCH} new nodes: with vs without constraints`,
    value: ms(withConstraints),
    baseline: ms(without),
    ratio: `${(without / withConstraints).toFixed(1)}× faster`,
    target: '',
    note: `graph of ${nodes} nodes; median of ${batches} batches; all ${JSON.parse(after).length} constraints restored (SHOW CONSTRAINTS identical before and after)`,
  };
}
