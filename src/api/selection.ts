import { Kind, valueFromASTUntyped, type FieldNode, type GraphQLResolveInfo, type GraphQLSchema, type GraphQLType, type SelectionSetNode } from 'graphql';
import type { ArgumentRef, EdgeProperty, HopSelection, NodeProperty, NodeSelection } from '../graph/view.js';
import { NODE_LABELS, type NodeLabel } from '../model/index.js';
import { EDGE_TYPE_FIELDS, HOP_FIELDS, NODE_FIELD_PROPERTIES, type HopField } from './fields.js';

/**
 * The view planner: a root field's GraphQL selection (fields, fragments on unions and interfaces, aliases
 * of one field merged) becomes the store-neutral tree of src/graph/view.ts. Only the tables of fields.ts
 * decide what a field reads; a field they do not know costs nothing here and is resolved by the loaders.
 * Plans are cached per field of a query document: yoga caches parsed documents, so a client repeating a
 * query reuses the plan (and the Neo4j adapter the statement built from it).
 */
interface Planner {
  schema: GraphQLSchema;
  fragments: GraphQLResolveInfo['fragments'];
}

// Types are told apart by shape, not by graphql's isXType: those use instanceof, which fails when the
// schema's graphql and this module's are two copies of the package (ESM and CommonJS, as under vitest).
const namedType = (type: GraphQLType): string => ('ofType' in type ? namedType(type.ofType) : type.name);

const possibleTypes = (schema: GraphQLSchema, name: string): string[] => {
  const type = schema.getType(name);
  const abstract = type && 'resolveType' in type; // interfaces and unions, not objects
  return abstract ? schema.getPossibleTypes(type).map((t) => t.name) : [name];
};

/** Every field of some selection sets, with the concrete types it applies to once fragments narrow them. */
function* fieldsOf(p: Planner, sets: readonly SelectionSetNode[], types: readonly string[]): Generator<{ field: FieldNode; types: readonly string[] }> {
  const narrow = (condition: string | undefined) => (condition ? types.filter((t) => possibleTypes(p.schema, condition).includes(t)) : types);
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) yield { field: selection, types };
      else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(p, [selection.selectionSet], narrow(selection.typeCondition?.name.value));
      else {
        const fragment = p.fragments[selection.name.value];
        if (fragment) yield* fieldsOf(p, [fragment.selectionSet], narrow(fragment.typeCondition.name.value));
      }
    }
  }
}

function kindArgument(field: FieldNode): ArgumentRef | undefined {
  const value = field.arguments?.find((a) => a.name.value === 'kind')?.value;
  if (!value) return undefined;
  return value.kind === Kind.VARIABLE ? { variable: value.name.value } : { value: valueFromASTUntyped(value) };
}

/** The named type a field of a concrete type returns. */
function fieldType(p: Planner, typeName: string, field: string): string {
  const type = p.schema.getType(typeName);
  const fields = type && 'getFields' in type ? type.getFields() : {};
  const found = (fields as Record<string, { type: GraphQLType }>)[field];
  return found ? namedType(found.type) : typeName;
}

interface HopGroup {
  field: HopField;
  kind?: ArgumentRef;
  childType: string;
  sets: SelectionSetNode[];
}

function planNode(p: Planner, sets: readonly SelectionSetNode[], types: readonly string[]): NodeSelection {
  const properties = new Set<NodeProperty>();
  const groups = new Map<string, HopGroup>();
  for (const { field, types: applies } of fieldsOf(p, sets, types)) {
    const name = field.name.value;
    for (const property of NODE_FIELD_PROPERTIES[name] ?? []) properties.add(property);
    for (const type of applies) {
      const hop = HOP_FIELDS[type]?.[name];
      if (!hop) continue;
      const kind = kindArgument(field);
      const key = `${hop.type}|${hop.direction}|${JSON.stringify(kind ?? null)}`;
      const group = groups.get(key) ?? { field: hop, kind, childType: fieldType(p, type, name), sets: [] };
      if (field.selectionSet && !group.sets.includes(field.selectionSet)) group.sets.push(field.selectionSet);
      groups.set(key, group);
    }
  }
  const [only] = types;
  const label = types.length === 1 && NODE_LABELS.includes(only as NodeLabel) ? { label: only as NodeLabel } : {};
  return { ...label, properties: [...properties], hops: [...groups.values()].map((g) => planHop(p, g)) };
}

/** A hop to nodes plans the far node's selection; a hop to edges (Participation) also reads edge fields. */
function planHop(p: Planner, { field, kind, childType, sets }: HopGroup): HopSelection {
  const hop = { type: field.type, direction: field.direction, ...(kind ? { kind } : {}) };
  const edgeType = EDGE_TYPE_FIELDS[childType];
  if (!field.edges || !edgeType) return { ...hop, edge: [], node: planNode(p, sets, possibleTypes(p.schema, childType)) };
  const edge = new Set<EdgeProperty>();
  const farField = field.direction === 'out' ? edgeType.ends.to : edgeType.ends.from;
  const farSets: SelectionSetNode[] = [];
  for (const { field: f } of fieldsOf(p, sets, [childType])) {
    for (const property of edgeType.properties[f.name.value] ?? []) edge.add(property);
    if (f.name.value === farField && f.selectionSet) farSets.push(f.selectionSet);
  }
  const farTypes = possibleTypes(p.schema, fieldType(p, childType, farField));
  return { ...hop, edge: [...edge], node: planNode(p, farSets, farTypes) };
}

const plans = new WeakMap<FieldNode, Map<string, NodeSelection>>();

/** The selection sets found at `path` below a root field, and the type they select on. */
function selectedAt(p: Planner, info: GraphQLResolveInfo, path: readonly string[]) {
  let sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  let type = namedType(info.returnType);
  for (const name of path) {
    sets = [...fieldsOf(p, sets, [type])].filter(({ field }) => field.name.value === name).flatMap(({ field }) => (field.selectionSet ? [field.selectionSet] : []));
    type = fieldType(p, type, name);
  }
  return { sets, type };
}

/** Whether the query selects the object field at `path` below the root field at all (search → hits). */
export const selects = (info: GraphQLResolveInfo, path: readonly string[]) =>
  selectedAt({ schema: info.schema, fragments: info.fragments }, info, path).sets.length > 0;

/**
 * The view of a root field's result, or of the nodes found at `path` below it (search → hits → entity):
 * the field's type must be a node type, an interface or a union of them.
 */
export function selectionOf(info: GraphQLResolveInfo, path: readonly string[] = []): NodeSelection {
  const cached = plans.get(info.fieldNodes[0]!) ?? new Map<string, NodeSelection>();
  plans.set(info.fieldNodes[0]!, cached);
  const key = path.join('.');
  let plan = cached.get(key);
  if (!plan) {
    const p: Planner = { schema: info.schema, fragments: info.fragments };
    const { sets, type } = selectedAt(p, info, path);
    cached.set(key, (plan = planNode(p, sets, possibleTypes(info.schema, type))));
  }
  return plan;
}
