import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

/**
 * @neo4j/graphql, the yardstick: what a GraphQL client would run over Neo4j instead of tupu. Its type
 * definitions map onto tupu's stored graph as it is (labels, relationship types and directions of
 * src/model, properties as the Neo4j adapter writes them), so both read the very same database.
 */
export const TYPE_DEFS = /* GraphQL */ `
  type Event @node {
    id: ID!
    name: String!
    participants: [Agent!]! @relationship(type: "TOOK_PART", direction: IN, properties: "TookPart")
  }
  type TookPart @relationshipProperties {
    kind: String!
  }
  union Agent = Person | Organization
  type Person @node {
    id: ID!
    name: String!
    roles: [Role!]! @relationship(type: "HOLDS", direction: OUT)
  }
  type Organization @node {
    id: ID!
    name: String!
    roles: [Role!]! @relationship(type: "IN", direction: IN)
  }
  type Role @node {
    id: ID!
    title: String
    person: [Person!]! @relationship(type: "HOLDS", direction: IN)
    organization: [Organization!]! @relationship(type: "IN", direction: OUT)
  }
`;

/** Counts the statements @neo4j/graphql sends: it runs each inside a managed read transaction. */
function countingDriver(driver: Driver, onStatement: () => void): Driver {
  const countingTx = (tx: ManagedTransaction) =>
    new Proxy(tx, {
      get: (target, key) => (key === 'run' ? (...args: Parameters<ManagedTransaction['run']>) => (onStatement(), target.run(...args)) : Reflect.get(target, key)),
    });
  const countingSession = (session: Session) =>
    new Proxy(session, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (key === 'executeRead' || key === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) => value.call(target, (tx: ManagedTransaction) => work(countingTx(tx)), config);
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (key === 'session') return (...args: Parameters<Driver['session']>) => countingSession(target.session(...args));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** @neo4j/graphql behind graphql-yoga, called in-process as tupu's API is, counting its statements. */
export async function neo4jGraphQL(driver: Driver, database: string) {
  let statements = 0;
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver: countingDriver(driver, () => statements++) }).getSchema();
  const yoga = createYoga({ schema, context: { sessionConfig: { database } }, logging: false, landingPage: false });
  async function query(text: string, variables: Record<string, unknown>) {
    const response = await yoga.fetch('http://neo4j-graphql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  }
  return { schema, query, statements: () => statements, reset: () => void (statements = 0) };
}
