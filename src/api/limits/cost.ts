import {
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface CostOptions {
  /** What a request may cost at most: one unit per object or field that could be resolved. */
  maxCost: number;
  /** The page size a list is assumed to have when `first` is a variable or absent (the resolvers' cap). */
  maxFirst: number;
  /** Rows assumed for a list that takes no `first` (a person's roles, an event's participations). */
  listSize: number;
  /** Called with the estimate when it is over the budget. */
  reject(context: ValidationContext, message: string): void;
}

// yoga validates with the CommonJS build of graphql and this module loads the ESM one, so graphql's
// `isObjectType` and friends (instanceof checks) fail across the two: types are read by shape instead.
const namedType = (type: GraphQLOutputType): GraphQLNamedType => ('ofType' in type ? namedType(type.ofType) : type);
const isList = (type: GraphQLOutputType) => String(type).replace(/!$/, '').startsWith('[');
const fieldsOf = (type: GraphQLCompositeType) => ('getFields' in type ? type.getFields() : {});

// Inside these wrappers the list is the page the parent field already counted (its `first`): their
// `edges`, `hits` and `nodes` do not multiply again.
const PAGE_TYPES = /Connection$|^SearchResults$|^Subgraph$|^Path$/;

/**
 * Estimates what an operation can cost before it runs: every field costs one for each row its parents
 * can produce, and a list multiplies what is below it by its `first` (or an assumed size). A refused query
 * never starts. graphql-armor's cost-limit plugin weighs
 * depth, not list sizes, which is what makes nested lists expensive here.
 */
export function costLimitRule(options: CostOptions): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      if (!root) return;
      const cost = selectionCost(context, options, operation.selectionSet, root, 1, new Set());
      if (cost > options.maxCost) {
        options.reject(context, `Query cost limit of ${options.maxCost} exceeded, estimated ${Math.round(cost)}.`);
      }
    },
  });
}

function selectionCost(
  context: ValidationContext,
  options: CostOptions,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  rows: number,
  fragmentsOnPath: Set<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(context, options, selection, parent, rows, fragmentsOnPath);
      continue;
    }
    // Fragments are counted where they are spread; a cycle is another rule's error, not infinite cost.
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? context.getFragment(selection.name.value) : selection;
    if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && fragmentsOnPath.has(selection.name.value))) continue;
    const condition = fragment.typeCondition ? context.getSchema().getType(fragment.typeCondition.name.value) : parent;
    const on = (condition ?? parent) as GraphQLCompositeType;
    const path = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...fragmentsOnPath, selection.name.value]) : fragmentsOnPath;
    cost += selectionCost(context, options, fragment.selectionSet, on, rows, path);
  }
  return cost;
}

function fieldCost(
  context: ValidationContext,
  options: CostOptions,
  node: FieldNode,
  parent: GraphQLCompositeType,
  rows: number,
  fragmentsOnPath: Set<string>,
): number {
  const field = fieldsOf(parent)[node.name.value];
  if (!field || !node.selectionSet) return rows;
  const below = rows * pageSize(options, node, field, parent);
  const type = namedType(field.type) as GraphQLCompositeType;
  return rows + selectionCost(context, options, node.selectionSet, type, below, fragmentsOnPath);
}

/** How many rows a field can return: its literal `first` (capped), the cap for a variable, 1 for a single object. */
function pageSize(options: CostOptions, node: FieldNode, field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType): number {
  const first = field.args.find((a) => a.name === 'first');
  if (first) {
    const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
    if (given?.kind === Kind.INT) return Math.max(1, Math.min(Number(given.value), options.maxFirst));
    if (!given && typeof first.defaultValue === 'number') return Math.min(first.defaultValue, options.maxFirst);
    return options.maxFirst;
  }
  if (!isList(field.type)) return 1;
  return PAGE_TYPES.test(parent.name) ? 1 : options.listSize;
}
