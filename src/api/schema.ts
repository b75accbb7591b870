import { readFileSync } from 'node:fs';
import { buildASTSchema, isEnumType, parse, type GraphQLSchema } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { ENTITY_TYPES, PARTICIPATION_KINDS } from '../model/index.js';
import { ModelError } from '../model/check.js';
import type { Context } from './context.js';
import { typeResolvers } from './resolvers/entities.js';
import { mutationResolvers } from './resolvers/mutation.js';
import { queryResolvers } from './resolvers/query.js';
import { Date } from './resolvers/scalars.js';

export const SCHEMA_PATH = new URL('../../schema.graphql', import.meta.url);

/** The enums the model defines; schema.graphql must spell exactly these. */
const derivedEnums: Record<string, readonly string[]> = {
  EntityType: ENTITY_TYPES,
  ParticipationKind: PARTICIPATION_KINDS,
};

/** Stops start-up when schema.graphql and the model disagree, naming the enum and the difference. */
export function checkSchemaAgainstModel(schema: GraphQLSchema): void {
  for (const [name, values] of Object.entries(derivedEnums)) {
    const type = schema.getType(name);
    const inSchema = isEnumType(type) ? type.getValues().map((v) => v.name) : [];
    if (inSchema.join() !== values.join()) {
      throw new ModelError(`schema.graphql enum ${name}`, `has [${inSchema.join(', ')}], the model has [${values.join(', ')}]`);
    }
  }
}

export function createApiSchema() {
  const typeDefs = readFileSync(SCHEMA_PATH, 'utf8');
  checkSchemaAgainstModel(buildASTSchema(parse(typeDefs)));
  return createSchema<Context>({ typeDefs, resolvers: { Date, Query: queryResolvers, Mutation: mutationResolvers, ...typeResolvers } });
}
