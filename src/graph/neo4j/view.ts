import { EDGE_PROPERTIES, NODE_PROPERTIES, argumentValue, HOPS, hopKey, hopKind, keyedHops, type ArgumentRef, type HopSelection, type NodeSelection, type ViewEdge, type ViewNode } from '../view.js';
import { KINDED_TYPE } from '../check.js';
import { label, relType } from './cypher.js';
import { decodeProperty } from './properties.js';

/**
 * A view as one Cypher statement. The selection tree becomes nested map projections: each node reads
 * `.id`, its label and exactly the selected properties, and each hop is a COLLECT subquery over one typed,
 * directed relationship pattern, ordered as the port orders edges (kind, then the far end's id). Only
 * names from the model and from NODE_PROPERTIES / EDGE_PROPERTIES are spliced in; arguments travel as
 * parameters `$a0, $a1…`, one per argument reference of the tree, in the order the builder met them.
 */
export interface ViewStatement {
  text: string;
  arguments: ArgumentRef[];
}

const LABEL = (v: string) => `[l IN labels(${v}) WHERE l <> 'Node'][0]`;
/** A node pattern, with its label when the selection knows it: the label is then not read back. */
const nodePattern = (v: string, at: NodeSelection) => (at.label ? `(${v}:${label(at.label)})` : `(${v})`);

function property(name: string, allowed: readonly string[]): string {
  if (!allowed.includes(name)) throw new Error(`not a stored property: ${name}`);
  return `.${name}`;
}

/** Builds the statement for one selection tree; variables are named by depth, parameters by order. */
export function buildView(selection: NodeSelection): ViewStatement {
  const args: ArgumentRef[] = [];
  let depth = 0;
  const parameter = (ref: ArgumentRef) => `$a${args.push(ref) - 1}`;

  const nodeMap = (v: string, at: NodeSelection): string => {
    const entries = ['.id', ...(at.label ? [] : [`label: ${LABEL(v)}`]), ...at.properties.map((p) => property(p, NODE_PROPERTIES))];
    at.hops.forEach((hop, i) => entries.push(`h${i}: ${hopCollect(v, hop)}`));
    return `${v} {${entries.join(', ')}}`;
  };

  const hopCollect = (near: string, hop: HopSelection): string => {
    const level = ++depth;
    const [r, far] = [`r${level}`, `n${level}`];
    const farNode = nodePattern(far, hop.node);
    const pattern = hop.direction === 'out' ? `(${near})-[${r}:${relType(hop.type)}]->${farNode}` : `(${near})<-[${r}:${relType(hop.type)}]-${farNode}`;
    const kind = hop.kind && parameter(hop.kind);
    const filter = kind ? ` WHERE ${kind} IS NULL OR ${r}.kind = ${kind}` : '';
    // A step is the far node's map, or {edge, node} when edge properties are selected; only participations
    // carry a kind, so only they are ordered by it (as the port orders edges: kind, then the far end's id).
    const farMap = nodeMap(far, hop.node);
    const step = hop.edge.length ? `{edge: ${r} {${hop.edge.map((p) => property(p, EDGE_PROPERTIES)).join(', ')}}, node: ${farMap}}` : farMap;
    const order = hop.type === KINDED_TYPE ? `${r}.kind, ${far}.id` : `${far}.id`;
    const text = `COLLECT { MATCH ${pattern}${filter} RETURN ${step} ORDER BY ${order} }`;
    depth = level - 1;
    return text;
  };

  const root = nodeMap('n0', selection);
  const start = selection.label ? `(n0:${label(selection.label)} {id: id})` : '(n0:Node {id: id})';
  return { text: `UNWIND $ids AS id MATCH ${start} RETURN ${root} AS node`, arguments: args };
}

const statements = new WeakMap<NodeSelection, ViewStatement>();

/** The statement of a selection, built once: selections are cached per query document, so is this. */
export function viewStatement(selection: NodeSelection): ViewStatement {
  let statement = statements.get(selection);
  if (!statement) statements.set(selection, (statement = buildView(selection)));
  return statement;
}

export const viewParameters = (statement: ViewStatement, variables: Record<string, unknown>) =>
  Object.fromEntries(statement.arguments.map((ref, i) => [`a${i}`, argumentValue(ref, variables) ?? null]));

type Row = Record<string, any>;

/** Turns the statement's nested maps back into view nodes, hop results keyed as the resolvers look them up. */
export function decodeView(row: Row, at: NodeSelection, variables: Record<string, unknown>): ViewNode {
  const node: ViewNode = { id: row.id, label: at.label ?? row.label };
  for (const key of at.properties) (node as Row)[key] = decodeProperty(key, row[key]);
  node[HOPS] = keyedHops(
    at.hops.map((hop, i) => {
      const steps = (row[`h${i}`] as Row[]).map((step) => {
        const [edge, far] = hop.edge.length ? [step.edge, step.node] : [{}, step];
        return { edge: decodeEdge(hop, edge, row.id, far.id), node: decodeView(far, hop.node, variables) };
      });
      const kind = hopKind(hop, variables);
      return [hopKey(hop.type, hop.direction, kind), steps];
    }),
  );
  return node;
}

function decodeEdge(hop: HopSelection, props: Row, near: string, far: string): ViewEdge {
  const [from, to] = hop.direction === 'out' ? [near, far] : [far, near];
  const edge: ViewEdge = { type: hop.type, from, to };
  for (const key of hop.edge) (edge as Row)[key] = decodeProperty(key, props[key]);
  return edge;
}
