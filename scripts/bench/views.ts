/**
 * The two GraphQL views the benchmark compares, each spelt three ways over the same Neo4j: tupu's API,
 * @neo4j/graphql (neo4j-graphql.ts) and one hand-written Cypher statement (the floor). Each spelling comes
 * with a reader that brings its answer to one canonical string, lists sorted, so that equal data compares
 * equal whatever order or nesting each side returns it in.
 */
type Data = any;
type Canonical = (data: Data) => string | null;

export interface View {
  name: string;
  /** Which roots the view starts from. */
  label: 'Event' | 'Person';
  tupu: { query: string; read: Canonical };
  neo4jGraphQL: { query: string; read: Canonical };
  floor: { cypher: string; read: (record: { get(key: string): any }) => string };
}

const sorted = (list: string[]) => [...list].sort();
const role = (title: string, name: string) => `${title}@${name}`;
const participation = (kind: string, name: string, roles: string[]) => JSON.stringify([kind, name, sorted(roles)]);
const colleagues = (title: string, organization: string, roles: string[]) => JSON.stringify([title, organization, sorted(roles)]);

/** event → participations → participant → roles → organization: the 3-level view. */
export const EVENT_VIEW: View = {
  name: 'event → participations → participant → roles → organization',
  label: 'Event',
  tupu: {
    query: `query ($id: ID!) { event(id: $id) { name participations { kind participant {
      ... on Person { name roles { title organization { name } } } ... on Organization { name } } } } }`,
    read: (data) =>
      data.event &&
      JSON.stringify([
        data.event.name,
        sorted(data.event.participations.map((p: Data) => participation(p.kind, p.participant.name, (p.participant.roles ?? []).map((r: Data) => role(r.title, r.organization.name))))),
      ]),
  },
  neo4jGraphQL: {
    query: `query ($id: ID!) { events(where: { id: { eq: $id } }) { name participantsConnection { edges { properties { kind } node {
      ... on Person { name roles { title organization { name } } } ... on Organization { name } } } } } }`,
    read: (data) => {
      const [event] = data.events;
      if (!event) return null;
      const rows = event.participantsConnection.edges.map((e: Data) =>
        participation(e.properties.kind, e.node.name, (e.node.roles ?? []).flatMap((r: Data) => r.organization.map((o: Data) => role(r.title, o.name)))),
      );
      return JSON.stringify([event.name, sorted(rows)]);
    },
  },
  floor: {
    cypher: `MATCH (e:Event {id: $id})
RETURN e.name AS name, [(a)-[t:TOOK_PART]->(e) | {kind: t.kind, name: a.name,
  roles: [(a)-[:HOLDS]->(r:Role)-[:IN]->(o:Organization) | r.title + '@' + o.name]}] AS participations`,
    read: (r) => JSON.stringify([r.get('name'), sorted(r.get('participations').map((p: Data) => participation(p.kind, p.name, p.roles)))]),
  },
};

/** person → roles → organization → roles → person: who shares an organization with someone, 2 hops. */
export const PERSON_VIEW: View = {
  name: 'person → roles → organization → roles → person',
  label: 'Person',
  tupu: {
    query: `query ($id: ID!) { person(id: $id) { name roles { title organization { name roles { title person { name } } } } } }`,
    read: (data) =>
      data.person &&
      JSON.stringify([
        data.person.name,
        sorted(data.person.roles.map((r: Data) => colleagues(r.title, r.organization.name, r.organization.roles.map((c: Data) => role(c.title, c.person.name))))),
      ]),
  },
  neo4jGraphQL: {
    query: `query ($id: ID!) { people(where: { id: { eq: $id } }) { name roles { title organization { name roles { title person { name } } } } } }`,
    read: (data) => {
      const [person] = data.people;
      if (!person) return null;
      const rows = person.roles.flatMap((r: Data) =>
        r.organization.map((o: Data) => colleagues(r.title, o.name, o.roles.flatMap((c: Data) => c.person.map((p: Data) => role(c.title, p.name))))),
      );
      return JSON.stringify([person.name, sorted(rows)]);
    },
  },
  floor: {
    cypher: `MATCH (p:Person {id: $id})
RETURN p.name AS name, [(p)-[:HOLDS]->(r:Role)-[:IN]->(o:Organization) | {title: r.title, organization: o.name,
  roles: [(o)<-[:IN]-(c:Role)<-[:HOLDS]-(q:Person) | c.title + '@' + q.name]}] AS roles`,
    read: (r) => JSON.stringify([r.get('name'), sorted(r.get('roles').map((x: Data) => colleagues(x.title, x.organization, x.roles)))]),
  },
};
