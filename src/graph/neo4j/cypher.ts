import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/index.js';
import { UNDATED } from '../cursor.js';

/**
 * Every Cypher statement the adapter sends. Values always travel as parameters; the only text spliced in
 * is a label, a relationship type or a hop count, each checked against the model (or clamped) first.
 */
export function label(value: NodeLabel): string {
  if (!NODE_LABELS.includes(value)) throw new Error(`not a model label: ${value}`);
  return value;
}

export function relType(value: RelType): string {
  if (!REL_TYPES.includes(value)) throw new Error(`not a model relationship type: ${value}`);
  return value;
}

/** Constraints and indexes, created idempotently at start-up. */
export function schemaStatements(): string[] {
  return [
    'CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE',
    ...NODE_LABELS.map((l) => `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${label(l)}) REQUIRE n.id IS UNIQUE`),
    'CREATE TEXT INDEX node_name_key IF NOT EXISTS FOR (n:Node) ON (n.nameKey)',
    'CREATE INDEX node_name IF NOT EXISTS FOR (n:Node) ON (n.name)',
    'CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startDate)',
    ...REL_TYPES.map((t) => `CREATE INDEX rel_${t.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${relType(t)}]-() ON (r.id)`),
    'CREATE CONSTRAINT writer_lock_id IF NOT EXISTS FOR (l:TupuWriterLock) REQUIRE l.id IS UNIQUE',
  ];
}

/**
 * Writing to the one lock node takes Neo4j's write lock on it until the transaction ends: writers that all
 * do this first are serialised, and a writer that dies releases it when its connection closes. MERGE under
 * the uniqueness constraint: the node comes back even after the database was emptied.
 */
export const takeWriterLock = "MERGE (l:TupuWriterLock {id: 'writer'}) SET l.heldAt = timestamp()";

const NODE_COLUMNS = "n.id AS id, [l IN labels(n) WHERE l <> 'Node'][0] AS label, properties(n) AS props";

export const readNodes = `UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN ${NODE_COLUMNS}`;

export const missingNodes = 'UNWIND $ids AS id OPTIONAL MATCH (n:Node {id: id}) WITH id, n WHERE n IS NULL RETURN id';

export const writeNodes = (l: NodeLabel) => `UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n = row, n:${label(l)}`;

/** Stored edges of the given ids, found from their start node (indexed) rather than by a scan. */
export const readEdgesById =
  'UNWIND $rows AS row MATCH (a:Node {id: row.from})-[r]->(b:Node {id: row.to}) WHERE r.id = row.id RETURN properties(r) AS props';

export const writeEdges = (t: RelType) =>
  `UNWIND $rows AS row MATCH (a:Node {id: row.from}), (b:Node {id: row.to}) MERGE (a)-[r:${relType(t)} {id: row.id}]->(b) SET r = row.props`;

/** All edge queries of a batch in one statement; `i` says which query a row answers. With `farNodes`,
 * each row also carries the node at the far end, so a traversal costs one statement per level. */
export const readEdges = (farNodes: boolean) => `
UNWIND range(0, size($queries) - 1) AS i
WITH i, $queries[i] AS q
MATCH (n:Node {id: q.node})-[r]-(m:Node)
WHERE type(r) = q.type AND (q.kind IS NULL OR r.kind = q.kind)
  AND (CASE q.direction WHEN 'out' THEN startNode(r) = n ELSE endNode(r) = n END)
RETURN i, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props${farNodes ? `,
  [l IN labels(m) WHERE l <> 'Node'][0] AS label, properties(m) AS nodeProps` : ''}`;

export const findByName = (l: NodeLabel) => `MATCH (n:${label(l)}) WHERE n.nameKey CONTAINS $needle RETURN ${NODE_COLUMNS}`;

/** A page of one label in the order of cursor.ts: events by [start date, name, id], others by [name, id]. */
export function listPage(l: NodeLabel, dated: boolean): { page: string; count: string } {
  const keys = l === 'Event' ? [`coalesce(n.startDate, '${UNDATED}')`, 'n.name', 'n.id'] : ['n.name', 'n.id'];
  const filter = dated
    ? 'n.startDate IS NOT NULL AND ($to IS NULL OR n.startDate <= $to) AND ($from IS NULL OR coalesce(n.endDate, n.startDate) >= $from)'
    : 'true';
  // (k0, k1, …) > ($after[0], $after[1], …), spelled out: Cypher does not compare lists lexicographically.
  const after = keys
    .map((_, i) => [...keys.slice(0, i).map((k, j) => `${k} = $after[${j}]`), `${keys[i]} > $after[${i}]`].join(' AND '))
    .map((clause) => `(${clause})`)
    .join(' OR ');
  return {
    page: `MATCH (n:${label(l)}) WHERE ${filter} AND ($after IS NULL OR ${after})
RETURN ${NODE_COLUMNS} ORDER BY ${keys.join(', ')} LIMIT $limit`,
    count: `MATCH (n:${label(l)}) WHERE ${filter} RETURN count(n) AS total`,
  };
}

const NODE_MAP = (v: string) => `{label: [l IN labels(${v}) WHERE l <> 'Node'][0], props: properties(${v})}`;
const EDGE_MAP = (r: string) => `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, props: properties(${r})}`;
const hopCount = (hops: number) => Math.max(1, Math.min(Math.trunc(hops), 15));

/** A shortest path with its nodes and edges in one statement; nothing when the ends are not linked. */
export function shortestPath(maxHops: number, types: readonly RelType[]): string {
  return `MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = shortestPath((a)-[:${types.map(relType).join('|')}*..${hopCount(maxHops)}]-(b))
RETURN [n IN nodes(p) | ${NODE_MAP('n')}] AS nodes, [r IN relationships(p) | ${EDGE_MAP('r')}] AS edges`;
}

/**
 * A neighbourhood in one statement: one shortest path to every node within the hops (a breadth-first
 * search inside the database), nearest first, then by the id of the edge that reached it; the first
 * `$limit` nodes counting the start; then the edges of the given types among them, in id order.
 */
export function neighborhood(hops: number, types: readonly RelType[]): string {
  const typed = types.map(relType).join('|');
  return `MATCH (s:Node {id: $id})
CALL (s) {
  OPTIONAL MATCH p = ANY SHORTEST (s)-[:${typed}]-{1,${hopCount(hops)}}(m:Node)
  WITH m, p WHERE m IS NOT NULL AND m <> s
  WITH m, p ORDER BY length(p), last(relationships(p)).id, m.id
  RETURN collect(m) AS reached
}
WITH [s] + reached[0..$limit - 1] AS found
RETURN [n IN found | ${NODE_MAP('n')}] AS nodes,
  COLLECT { UNWIND found AS a MATCH (a)-[r:${typed}]->(b) WHERE b IN found RETURN ${EDGE_MAP('r')} ORDER BY r.id } AS edges`;
}

export const scanPage = (l: NodeLabel) =>
  `MATCH (n:${label(l)}) WHERE $after IS NULL OR n.id > $after RETURN ${NODE_COLUMNS} ORDER BY n.id LIMIT $limit`;

export const countNodes = NODE_LABELS.map((l) => `MATCH (n:${label(l)}) RETURN '${l}' AS key, count(n) AS total`).join(' UNION ALL ');
export const countEdges = REL_TYPES.map((t) => `MATCH ()-[r:${relType(t)}]->() RETURN '${t}' AS key, count(r) AS total`).join(' UNION ALL ');

/** A document's retraction: the nodes it supports, and the edges it supports or that touch such a node. */
export const documentExists = 'MATCH (d:Document {id: $doc}) RETURN d.id AS id';
export const supportedNodes = `MATCH (n:Node) WHERE $doc IN n.sources RETURN ${NODE_COLUMNS}`;
export const supportedEdges = `
MATCH (a:Node)-[r]->(b:Node) WHERE $doc IN r.sources OR $doc IN a.sources OR $doc IN b.sources
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`;
export const removeEdges = 'UNWIND $rows AS row MATCH (a:Node {id: row.from})-[r]->(b:Node {id: row.to}) WHERE r.id = row.id DELETE r';
export const removeNodes = 'UNWIND $ids AS id MATCH (n:Node {id: id}) DETACH DELETE n';

/**
 * What resolution reads (src/graph/resolution-context.ts says which hops and why), in one statement: each
 * CALL aggregates to exactly one row, even over nothing, so an empty step never empties the result.
 * Documents come without their text. Nodes and edges may repeat across the lists; the caller dedupes.
 */
export const resolutionContext = `
CALL () {
  UNWIND $names AS k
  MATCH (n:Node) WHERE n.nameKey CONTAINS k.needle AND k.label IN labels(n)
  RETURN collect(DISTINCT n) AS named
}
CALL (named) {
  UNWIND [n IN named WHERE n:Organization] AS o
  MATCH (o)<-[i:IN]-(r:Node) WHERE r.title IN $titles
  OPTIONAL MATCH (r)<-[h:HOLDS]-(p:Node)
  RETURN collect(DISTINCT i) AS ins, collect(DISTINCT r) AS titled, collect(DISTINCT h) AS holds, collect(DISTINCT p) AS holders
}
WITH named, ins, titled, holds, holders, [n IN named WHERE n:Person] + holders AS people
CALL (people) {
  UNWIND people AS p
  MATCH (p)-[h:HOLDS]->(r:Node)
  OPTIONAL MATCH (r)-[i:IN]->(o:Node)
  RETURN collect(DISTINCT h) AS roleHolds, collect(DISTINCT r) AS roles, collect(DISTINCT i) AS roleIns, collect(DISTINCT o) AS roleOrgs
}
CALL (people) {
  UNWIND people AS p
  MATCH (p)-[b:AUTHORED|PHOTOGRAPHED]->(d:Node)
  OPTIONAL MATCH (d)<-[u:PUBLISHED]-(o:Node)
  RETURN collect(DISTINCT b) AS bylines, collect(DISTINCT d) AS documents, collect(DISTINCT u) AS published, collect(DISTINCT o) AS publishers
}
CALL (named, roleOrgs, publishers) {
  UNWIND [n IN named WHERE n:Organization] + roleOrgs + publishers AS o
  MATCH (o)-[r:PART_OF]->(parent:Node)
  RETURN collect(DISTINCT r) AS partOf, collect(DISTINCT parent) AS parents
}
WITH named + titled + holders + roles + roleOrgs + documents + publishers + parents AS found,
  ins + holds + roleHolds + roleIns + bylines + published + partOf AS followed
RETURN [n IN found | {label: [l IN labels(n) WHERE l <> 'Node'][0], props: n {.*, text: null}}] AS nodes,
  [r IN followed | ${EDGE_MAP('r')}] AS edges`;
