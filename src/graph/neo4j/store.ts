import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { EdgeRecord, GraphChanges, NodeLabel, NodeRecord } from '../../model/index.js';
import { NODE_LABELS, REL_TYPES } from '../../model/index.js';
import { mergeEdge, mergeNode } from '../../model/merge.js';
import { exclusiveRunner } from '../../storage/exclusive.js';
import { checkChanges } from '../check.js';
import { compareKeys, decodeCursor, encodeCursor, sortKeyOf } from '../cursor.js';
import { GraphStoreError } from '../errors.js';
import type { EdgeQuery, GraphStats, GraphStore, Step } from '../port.js';
import * as cypher from './cypher.js';
import { storeError } from './errors.js';
import { disableNagle } from './no-delay.js';
import { retractDocument } from './retract.js';
import { withoutText } from '../resolution-context.js';
import { decodeView, viewParameters, viewStatement } from './view.js';
import { edgeFromProperties, edgeProperties, nameNeedle, nodeFromProperties, nodeProperties } from './properties.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Called with every statement sent: how tests and benchmarks count round trips. */
  onQuery?: (statement: string) => void;
}

type Runner = (statement: string, parameters?: Record<string, unknown>) => Promise<QueryResult>;

const byEvidence = (a: NodeRecord, b: NodeRecord) =>
  b.sources.length - a.sources.length || b.evidence.length - a.evidence.length || (a.id < b.id ? -1 : 1);

/**
 * The Neo4j graph store: every port call is a fixed number of parameterised statements, whatever the
 * number of ids or queries it carries; a document is written in one transaction, merged on ids.
 */
export async function createNeo4jStore({ uri, user, password, database = 'neo4j', onQuery }: Neo4jStoreOptions): Promise<GraphStore> {
  const address = uri.replace(/\/\/[^@/]*@/, '//'); // never echo credentials embedded in a URI
  disableNagle();
  const driver: Driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
  });
  const fail = (error: unknown): never => {
    throw storeError(error, address);
  };
  const run: Runner = async (statement, parameters = {}) => {
    onQuery?.(statement);
    return driver.executeQuery(statement, parameters, { database }).catch(fail);
  };
  const inTransaction = (tx: ManagedTransaction): Runner => (statement, parameters = {}) => {
    onQuery?.(statement);
    return tx.run(statement, parameters);
  };

  try {
    for (const statement of cypher.schemaStatements()) await run(statement);
  } catch (error) {
    await driver.close();
    throw error;
  }

  const toNode = (r: { get(key: string): any }) => nodeFromProperties(r.get('label'), r.get('props'));

  async function readNodes(runner: Runner, ids: readonly string[]): Promise<Map<string, NodeRecord>> {
    if (!ids.length) return new Map();
    const result = await runner(cypher.readNodes, { ids: [...new Set(ids)] });
    return new Map(result.records.map((r) => [r.get('id') as string, toNode(r)]));
  }

  type Listed = { label: string; props: Record<string, unknown> };
  type ListedEdge = { type: string; from: string; to: string; props: Record<string, unknown> };
  /** A path's or a neighbourhood's nodes and edges, as one record of the statements above returns them. */
  const subgraphOf = (record: { get(key: string): any }) => ({
    nodes: (record.get('nodes') as Listed[]).map((n) => nodeFromProperties(n.label, n.props)),
    edges: (record.get('edges') as ListedEdge[]).map((e) => edgeFromProperties(e.type, e.from, e.to, e.props)),
  });

  /** The edges of each query (with the far node when asked), ordered as the port says. */
  async function readSteps(queries: readonly EdgeQuery[], farNodes: boolean): Promise<{ edge: EdgeRecord; node?: NodeRecord }[][]> {
    const answers: { edge: EdgeRecord; node?: NodeRecord }[][] = queries.map(() => []);
    if (!queries.length) return answers;
    const params = queries.map((q) => ({ node: q.node, type: q.type, direction: q.direction, kind: q.kind ?? null }));
    const result = await run(cypher.readEdges(farNodes), { queries: params });
    for (const r of result.records) {
      const edge = edgeFromProperties(r.get('type'), r.get('from'), r.get('to'), r.get('props'));
      answers[r.get('i') as number]!.push(farNodes ? { edge, node: nodeFromProperties(r.get('label'), r.get('nodeProps')) } : { edge });
    }
    return answers.map((list, i) => {
      const other = queries[i]!.direction === 'out' ? 'to' : 'from';
      return list.sort((a, b) => compareKeys([a.edge.type, a.edge.kind, a.edge[other]], [b.edge.type, b.edge.kind, b.edge[other]]));
    });
  }

  /**
   * One document in one transaction, in two round trips: the reads a merge needs (missing ends, stored
   * nodes, stored edges), then every write. Statements sent together are pipelined on the transaction's
   * connection and run in the order sent, so the edges' MATCH sees the nodes written just before.
   */
  async function write(tx: Runner, changes: GraphChanges): Promise<void> {
    const incoming = new Set(changes.nodes.map((n) => n.id));
    const ends = [...new Set(changes.edges.flatMap((e) => [e.from, e.to]))].filter((id) => !incoming.has(id));
    const edgeKeys = changes.edges.map(({ id, from, to }) => ({ id, from, to }));
    const [missingResult, stored, existing] = await Promise.all([
      ends.length ? tx(cypher.missingNodes, { ids: ends }) : null,
      readNodes(tx, [...incoming]),
      edgeKeys.length ? tx(cypher.readEdgesById, { rows: edgeKeys }) : null,
    ]);
    const missing = missingResult?.records.map((r) => r.get('id') as string) ?? [];
    const edge = changes.edges.find((e) => missing.includes(e.from) || missing.includes(e.to));
    if (edge) throw new GraphStoreError(`edge ${edge.type} ${edge.from} → ${edge.to}: node ${missing.includes(edge.from) ? edge.from : edge.to} does not exist`);

    const storedEdges = new Map((existing?.records ?? []).map((r) => [r.get('props').id as string, r.get('props') as Record<string, unknown>]));
    const statements: [string, Record<string, unknown>][] = [];
    for (const l of NODE_LABELS) {
      const rows = changes.nodes.filter((n) => n.label === l).map((n) => nodeProperties(mergeNode(stored.get(n.id), n)));
      if (rows.length) statements.push([cypher.writeNodes(l), { rows }]);
    }
    for (const t of REL_TYPES) {
      const rows = changes.edges
        .filter((e) => e.type === t)
        .map((e) => {
          const old = storedEdges.get(e.id);
          const merged = mergeEdge(old && edgeFromProperties(e.type, e.from, e.to, old), e);
          return { from: e.from, to: e.to, id: e.id, props: edgeProperties(merged) };
        });
      if (rows.length) statements.push([cypher.writeEdges(t), { rows }]);
    }
    await Promise.all(statements.map(([statement, parameters]) => tx(statement, parameters)));
  }

  // A transaction holding the lock node stays open while the task runs its reads and writes in others. It
  // serialises tupu's writers (this process's and other processes'); a writer that dies releases it with
  // its connection. Reads never wait for it.
  const exclusive = exclusiveRunner(async (task) => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    const lock = await session.beginTransaction().catch(fail);
    try {
      onQuery?.(cypher.takeWriterLock); // a round trip like any other: counted with them
      await lock.run(cypher.takeWriterLock).catch(fail);
      return await task();
    } finally {
      await lock.rollback().catch(() => {});
      await session.close();
    }
  });

  return {
    kind: `neo4j (${address})`,
    exclusive,

    async apply(changes) {
      checkChanges(changes);
      // Under the writer lock like every write (re-entrant: free inside an `exclusive` that holds it).
      await exclusive(async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
        try {
          await session.executeWrite((tx) => write(inTransaction(tx), changes));
        } catch (error) {
          fail(error);
        } finally {
          await session.close();
        }
      });
    },

    retract: (documentId) =>
      exclusive(async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
        try {
          return await session.executeWrite((tx) => retractDocument(inTransaction(tx), documentId));
        } catch (error) {
          return fail(error);
        } finally {
          await session.close();
        }
      }),

    async nodes(ids) {
      const found = await readNodes(run, ids);
      return ids.map((id) => found.get(id) ?? null);
    },

    async edges(queries) {
      return (await readSteps(queries, false)).map((steps) => steps.map((s) => s.edge));
    },

    traverse: (queries) => readSteps(queries, true) as Promise<Step[][]>,

    async view(ids, selection, variables) {
      if (!ids.length) return [];
      const statement = viewStatement(selection);
      const result = await run(statement.text, { ids: [...new Set(ids)], ...viewParameters(statement, variables) });
      const found = new Map(result.records.map((r) => [r.get('node').id as string, r.get('node')]));
      return ids.map((id) => (found.has(id) ? decodeView(found.get(id), selection, variables) : null));
    },

    async findByName(l, name) {
      const result = await run(cypher.findByName(l), { needle: nameNeedle(name) });
      return result.records.map(toNode).sort(byEvidence);
    },

    async resolutionContext({ names, titles }) {
      const keys = names.map(({ label, name }) => ({ label: cypher.label(label), needle: nameNeedle(name) }));
      const record = (await run(cypher.resolutionContext, { names: keys, titles })).records[0]!;
      const { nodes, edges } = subgraphOf(record);
      return { nodes: [...new Map(nodes.map((n) => [n.id, withoutText(n)])).values()], edges: [...new Map(edges.map((e) => [e.id, e])).values()] };
    },

    async list(l, { first, after, from = null, to = null }) {
      const dated = !!(from || to);
      const { page, count } = cypher.listPage(l, dated);
      const afterKey = after ? decodeCursor(after) : null;
      const [rows, total] = await Promise.all([
        run(page, { from, to, after: afterKey, limit: neo4j.int(first + 1) }),
        run(count, { from, to }),
      ]);
      const nodes = rows.records.map(toNode);
      return {
        items: nodes.slice(0, first).map((node) => ({ cursor: encodeCursor(sortKeyOf(node)), node })),
        totalCount: total.records[0]!.get('total') as number,
        hasNextPage: nodes.length > first,
      };
    },

    async path(from, to, maxHops, types) {
      if (from === to) {
        const node = (await readNodes(run, [from])).get(from);
        return node ? { nodes: [node], edges: [] } : null;
      }
      if (maxHops < 1 || !types.length) return null;
      const record = (await run(cypher.shortestPath(maxHops, types), { from, to })).records[0];
      return record ? subgraphOf(record) : null;
    },

    async neighborhood(id, hops, limit, types) {
      if (hops < 1 || !types.length || limit <= 1) {
        const start = (await readNodes(run, [id])).get(id);
        return { nodes: start && limit >= 1 ? [start] : [], edges: [] };
      }
      const record = (await run(cypher.neighborhood(hops, types), { id, limit: neo4j.int(limit) })).records[0];
      return record ? subgraphOf(record) : { nodes: [], edges: [] };
    },

    async *scan(labels, batchSize) {
      for (const l of labels as NodeLabel[]) {
        let after: string | null = null;
        for (;;) {
          const result = await run(cypher.scanPage(l), { after, limit: neo4j.int(batchSize) });
          const batch = result.records.map(toNode);
          if (batch.length) yield batch;
          if (batch.length < batchSize) break;
          after = batch.at(-1)!.id;
        }
      }
    },

    async stats() {
      const [nodes, edges] = await Promise.all([run(cypher.countNodes), run(cypher.countEdges)]);
      const tally = (keys: readonly string[], result: QueryResult) => ({
        ...Object.fromEntries(keys.map((k) => [k, 0])),
        ...Object.fromEntries(result.records.map((r) => [r.get('key'), r.get('total')])),
      });
      return { nodes: tally(NODE_LABELS, nodes), relationships: tally(REL_TYPES, edges) } as GraphStats;
    },

    async ping() {
      await driver.verifyConnectivity({ database }).catch(fail);
    },

    close: () => driver.close(),
  };
}

