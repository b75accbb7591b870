import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import type { GraphStore } from '../../src/graph/port.js';
import { loadFiles, type Ports } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import type { SearchIndex } from '../../src/search/port.js';
import { startServer } from '../support/server.js';

/**
 * What a journalist, a researcher and a GraphQL client ask of the seed graph, over real HTTP. Run against
 * every graph store and search index: `open` gives a fresh, empty store, `openSearch` an empty index;
 * `prepare` changes the seeded graph first, in ways that must leave the seed graph's answers as they were.
 */
export function describeSeedApi(
  store: string,
  open: () => Promise<GraphStore>,
  prepare?: (ports: Ports) => Promise<void>,
  openSearch = async (): Promise<SearchIndex> => createEmbeddedIndex(),
) {
  describe(`the seed graph over HTTP (${store})`, () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let graph: GraphStore;

    beforeAll(async () => {
      graph = await open();
      const search = await openSearch();
      await loadFiles([SEEDS_DIRECTORY], { graph, search });
      await prepare?.({ graph, search });
      server = await startServer(graph, search);
    });
    afterAll(async () => {
      await server?.close();
      await graph?.close();
    });

    it('answers /healthz and /readyz', async () => {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, graph: { state: 'up' }, search: { state: 'up' } });
    });

    it('finds 李健文 when searching 李建文, and says why and what', async () => {
      const { data } = await server.query('{ search(query: "李建文") { total hits { type highlight description entity { name aliases } } } }');
      const [hit] = data.search.hits;
      expect(hit).toMatchObject({ type: 'PERSON', highlight: '<em>李建文</em>', entity: { name: '李健文', aliases: ['李建文'] } });
      expect(hit.description).toMatch(/北京天文馆/);
    });

    it('finds people by a given name alone and organizations by the pinyin of one word, marking what matched', async () => {
      const { data } = await server.query(`{
        given: search(query: "雪竹") { hits { highlight entity { name } } }
        word: search(query: "bowuguan", types: [ORGANIZATION]) { hits { highlight entity { name } } }
      }`);
      expect(data.given.hits[0]).toEqual({ highlight: '丁<em>雪竹</em>', entity: { name: '丁雪竹' } });
      expect(data.word.hits[0].entity.name).toMatch(/博物馆$/);
      expect(data.word.hits[0].highlight).toContain('<em>博物馆</em>');
    });

    it("lists 北京天文馆's roles: 齐锐 副馆长, 李健文 党委书记 and 副馆长", async () => {
      const { data } = await server.query('{ organization(name: "北京天文館") { name roles { title person { name } evidence { quote } } } }');
      const roles = data.organization.roles.map((r: any) => `${r.person.name} ${r.title}`);
      expect(roles).toEqual(expect.arrayContaining(['齐锐 副馆长', '李健文 党委书记', '李健文 副馆长']));
      expect(data.organization.roles.every((r: any) => r.evidence.length > 0)).toBe(true);
    });

    it('names 李健文 as CHAIR of the 2020-11-24 meeting', async () => {
      const { data } = await server.query(`{
        events(from: "2020-11-24", to: "2020-11-24") { totalCount edges { node { name startDate
          participations(kind: CHAIR) { kind participant { ... on Person { name } } evidence { quote } } } } }
      }`);
      expect(data.events.totalCount).toBe(1);
      const meeting = data.events.edges[0].node;
      expect(meeting.startDate).toBe('2020-11-24');
      expect(meeting.participations.map((p: any) => p.participant.name)).toEqual(['李健文']);
    });

    it('gives the activity 13 MEMBER participations, its place, figures, and the meeting that follows it up', async () => {
      const { data } = await server.query(`{
        events(from: "2020-11-07", to: "2020-11-09") { edges { node { name endDate place { name }
          participations(kind: MEMBER) { participant { ... on Organization { name } } }
          facts { label value unit } followUps { startDate } } } }
      }`);
      const activity = data.events.edges[0].node;
      expect(activity.endDate).toBe('2020-11-09');
      expect(activity.participations).toHaveLength(13);
      expect(activity.place.name).toMatch(/井冈山/);
      expect(activity.facts.map((f: any) => f.value)).toEqual(expect.arrayContaining([13, 509, 99.8]));
      expect(activity.followUps).toEqual([{ startDate: '2020-11-24' }]);
    });

    it('links 庄嘉 to 井冈山市人民政府 by a path', async () => {
      const ids = await server.query('{ a: person(name: "庄嘉") { id } b: organization(name: "井冈山市人民政府") { id } }');
      const { data } = await server.query('query ($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { length nodes { id ... on Entity { name } } edges { type label } } }', {
        from: ids.data.a.id,
        to: ids.data.b.id,
      });
      expect(data.path.length).toBeGreaterThan(0);
      expect(data.path.nodes[0].name).toBe('庄嘉');
      expect(data.path.nodes.at(-1).name).toBe('井冈山市人民政府');
      expect(data.path.edges).toHaveLength(data.path.length);
      expect(data.path.edges.map((e: any) => e.type)).not.toContain('MENTIONS'); // a real link, not "same article"
      const viaDocument = await server.query('query ($from: ID!, $to: ID!) { path(from: $from, to: $to, throughDocuments: true) { length edges { type } } }', {
        from: ids.data.a.id,
        to: ids.data.b.id,
      });
      expect(viaDocument.data.path).toEqual({ length: 2, edges: [{ type: 'MENTIONS' }, { type: 'MENTIONS' }] });
    });

    it('gives the agreement with its two parties', async () => {
      const { data } = await server.query('{ agreements { totalCount edges { node { title parties { name } event { name } } } } }');
      expect(data.agreements.totalCount).toBe(1);
      const parties = data.agreements.edges[0].node.parties.map((p: any) => p.name).sort();
      expect(parties).toEqual(['井冈山市人民政府', '北京天文馆'].sort());
    });

    it('refuses a 30-level query and caps first: 100000', async () => {
      let deep = 'id';
      for (let i = 0; i < 30; i++) deep = `parent { ${deep} }`;
      const refused = await server.query(`{ organization(name: "北京天文馆") { ${deep} } }`);
      expect(refused.data).toBeUndefined();
      expect(refused.errors![0].message).toMatch(/depth/i);
      const capped = await server.query('{ organizations(first: 100000) { totalCount edges { cursor } } }');
      expect(capped.errors).toBeUndefined();
      expect(capped.data.organizations.edges.length).toBe(Math.min(100, capped.data.organizations.totalCount));
    });

    it('serves the document with its bylines and publisher', async () => {
      const { data } = await server.query('{ documents { edges { node { title publishedAt publisher { name } authors { name } photographers { name } } } } }');
      expect(data.documents.edges[0].node).toMatchObject({
        publishedAt: '2020-11-26',
        publisher: { name: '北京天文馆' },
        authors: [{ name: '李珺' }],
        photographers: [{ name: '韩叙' }],
      });
    });
  });
}
