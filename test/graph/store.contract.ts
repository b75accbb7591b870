import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.js';
import { REL_TYPES } from '../../src/model/index.js';
import { HOPS, type ViewNode } from '../../src/graph/view.js';
import { PARTICIPANTS_VIEW } from '../support/views.js';

const ALL = REL_TYPES;
import { edge, node, sampleGraph } from '../support/graph-builder.js';
import { describeRetraction } from './retract.contract.js';

/**
 * The GraphStore contract: every adapter must pass it unchanged. `open` gives a fresh, empty store.
 */
export function describeGraphStore(adapter: string, open: () => Promise<GraphStore>) {
  describe(`GraphStore contract: ${adapter}`, () => {
    let store: GraphStore;
    const g = sampleGraph();

    beforeAll(async () => {
      store = await open();
      await store.apply(g.changes);
    });
    afterAll(async () => store?.close());

    it('returns nodes by id in the order asked, null for unknown ids', async () => {
      const found = await store.nodes([g.qi.id, 'person_unknown', g.bjp.id]);
      expect(found.map((n) => n?.name ?? null)).toEqual(['齐锐', null, '北京天文馆']);
      expect(found[2]).toMatchObject({ label: 'Organization', aliases: ['天文馆'], sources: ['doc_test'] });
    });

    it('keeps every field of a node and an edge', async () => {
      const [activity] = await store.nodes([g.activity.id]);
      expect(activity).toMatchObject({ startDate: '2020-11-07', endDate: '2020-11-09', label: 'Event' });
      const [edges] = await store.edges([{ node: g.li.id, type: 'HOLDS', direction: 'out' }]);
      const holds = edges![0];
      expect(holds).toMatchObject({ from: g.li.id, to: g.secretary.id, kind: null, sources: ['doc_test'] });
      expect(holds!.evidence).toEqual([{ document: 'doc_test', quote: '李健文李健文党委书记', offset: null }]);
    });

    it('counts nodes per label and relationships per type, zero included', async () => {
      const stats = await store.stats();
      expect(stats.nodes).toMatchObject({ Person: 3, Organization: 3, Role: 3, Event: 3, Agreement: 1, Place: 0 });
      expect(stats.relationships).toMatchObject({ HOLDS: 3, IN: 3, TOOK_PART: 5, PART_OF: 1, MENTIONS: 0 });
    });

    it('is idempotent: applying the same changes again changes nothing', async () => {
      const before = await store.stats();
      await store.apply(g.changes);
      expect(await store.stats()).toEqual(before);
      const [li] = await store.nodes([g.li.id]);
      expect(li!.sources).toEqual(['doc_test']);
    });

    it('merges a later document: aliases, sources and evidence become unions', async () => {
      const again = node('Person', '李健文', { aliases: ['李建文', '李 健文'], sources: ['doc_other'] });
      await store.apply({ nodes: [again], edges: [] });
      const [li] = await store.nodes([g.li.id]);
      expect(li!.aliases.sort()).toEqual(['李 健文', '李建文']);
      expect(li!.sources.sort()).toEqual(['doc_other', 'doc_test']);
    });

    it('refuses a batch with an edge to a missing node, and stores none of it', async () => {
      const before = await store.stats();
      const ghost = node('Person', '不存在');
      const fresh = node('Organization', '新机构');
      const role = node('Role', '不存在主任', { title: '主任' });
      const bad = { nodes: [fresh, role], edges: [edge('IN', role, fresh), edge('HOLDS', ghost, role)] };
      await expect(store.apply(bad)).rejects.toThrow(/does not exist/);
      expect(await store.stats()).toEqual(before);
      expect(await store.nodes([fresh.id])).toEqual([null]);
    });

    it('refuses an edge the model does not allow', async () => {
      await expect(store.apply({ nodes: [], edges: [edge('HOLDS', g.bjp, g.li)] })).rejects.toThrow(/not allowed/);
    });

    it('answers a batch of edge queries, each in order, with kind filters', async () => {
      const [speakers, chairs, roles, inBjp] = await store.edges([
        { node: g.meeting.id, type: 'TOOK_PART', direction: 'in', kind: 'SPEAKER' },
        { node: g.meeting.id, type: 'TOOK_PART', direction: 'in', kind: 'CHAIR' },
        { node: g.li.id, type: 'HOLDS', direction: 'out' },
        { node: g.bjp.id, type: 'IN', direction: 'in' },
      ]);
      expect(speakers!.map((e) => e.from).sort()).toEqual([g.li.id, g.qi.id].sort());
      expect(chairs!.map((e) => e.from)).toEqual([g.li.id]);
      expect(roles!.map((e) => e.to)).toEqual([g.secretary.id]);
      expect(inBjp!.map((e) => e.from).sort()).toEqual([g.secretary.id, g.deputy.id].sort());
    });

    it('traverses: the same edges as edges(), each with the node at its far end', async () => {
      const queries = [
        { node: g.meeting.id, type: 'TOOK_PART' as const, direction: 'in' as const, kind: 'SPEAKER' as const },
        { node: g.yang.id, type: 'HOLDS' as const, direction: 'out' as const },
        { node: g.qi.id, type: 'AUTHORED' as const, direction: 'out' as const },
      ];
      const [steps, edges] = [await store.traverse(queries), await store.edges(queries)];
      expect(steps.map((list) => list.map((s) => s.edge))).toEqual(edges);
      expect(steps[0]!.map((s) => s.node.name).sort()).toEqual(['李健文', '齐锐']);
      expect(steps[1]!.map((s) => s.node)).toEqual([expect.objectContaining({ id: g.director.id, label: 'Role', title: '主任' })]);
      expect(steps[2]).toEqual([]);
    });

    it('finds by name or alias, in simplified or traditional script, ignoring spaces', async () => {
      for (const name of ['李健文', '李建文', '李 健文']) {
        expect((await store.findByName('Person', name)).map((n) => n.id)).toEqual([g.li.id]);
      }
      expect((await store.findByName('Organization', '北京天文館')).map((n) => n.id)).toEqual([g.bjp.id]);
      expect((await store.findByName('Organization', '科技部')).map((n) => n.id)).toEqual([g.most.id]);
      expect(await store.findByName('Organization', '李健文')).toEqual([]);
    });

    it('puts the best-evidenced of two same-named entities first', async () => {
      const weak = node('Person', '王芳', { sources: ['doc_a'] });
      const strong = { ...node('Person', '王芳', { sources: ['doc_a', 'doc_b'] }), id: 'person_0000000000000002' };
      await store.apply({ nodes: [weak, strong], edges: [] });
      expect((await store.findByName('Person', '王芳')).map((n) => n.id)).toEqual([strong.id, weak.id]);
    });

    it('lists a label in name order and pages through it with cursors, no row twice', async () => {
      const all = await store.list('Person', { first: 100 });
      const names = all.items.map((i) => i.node.name);
      expect(names).toEqual([...names].sort());
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.list('Person', { first: 2, after });
        seen.push(...page.items.map((i) => i.node.id));
        expect(page.totalCount).toBe(all.totalCount);
        if (!page.hasNextPage) break;
        after = page.items.at(-1)!.cursor;
      }
      expect(seen).toEqual(all.items.map((i) => i.node.id));
    });

    it('lists events by date and keeps those overlapping a range', async () => {
      const all = await store.list('Event', { first: 10 });
      expect(all.items.map((i) => i.node.name)).toEqual(['进井冈山活动', '活动总结会', '无日期活动']);
      const nov = await store.list('Event', { first: 10, from: '2020-11-09', to: '2020-11-20' });
      expect(nov.items.map((i) => i.node.name)).toEqual(['进井冈山活动']);
      expect(nov.totalCount).toBe(1);
      const after = await store.list('Event', { first: 10, from: '2020-11-10' });
      expect(after.items.map((i) => i.node.name)).toEqual(['活动总结会']);
    });

    it('rejects a cursor it did not produce', async () => {
      await expect(store.list('Person', { first: 1, after: 'not-a-cursor' })).rejects.toThrow(/invalid cursor/);
    });

    it('finds a shortest path ignoring direction, within the hop limit', async () => {
      const path = await store.path(g.yang.id, g.deal.id, 6, ALL);
      expect(path!.edges).toHaveLength(4); // 杨斌 → role → unit → 北京天文馆 → agreement
      expect(path!.nodes.map((n) => n.id)).toEqual([g.yang.id, g.director.id, g.unit.id, g.bjp.id, g.deal.id]);
      expect(await store.path(g.yang.id, g.deal.id, 3, ALL)).toBeNull();
      expect((await store.path(g.li.id, g.li.id, 2, ALL))!.edges).toEqual([]);
      expect(await store.path(g.li.id, 'person_unknown', 4, ALL)).toBeNull();
    });

    it('gives a neighbourhood by hops, capped at a node limit, with the edges among its nodes', async () => {
      const one = await store.neighborhood(g.bjp.id, 1, 100, ALL);
      expect(one.nodes.map((n) => n.name).sort()).toEqual(
        ['北京天文馆', '北京天文馆科普教育部', '李健文党委书记', '齐锐副馆长', '进井冈山活动', '合作意向'].sort(),
      );
      expect(one.edges.every((e) => [e.from, e.to].includes(g.bjp.id) || e.type === 'SIGNED_AT')).toBe(true);
      const two = await store.neighborhood(g.bjp.id, 2, 100, ALL);
      expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
      const capped = await store.neighborhood(g.bjp.id, 2, 3, ALL);
      expect(capped.nodes).toHaveLength(3);
      expect(capped.nodes[0]!.id).toBe(g.bjp.id);
      const ids = new Set(capped.nodes.map((n) => n.id));
      expect(capped.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    });

    it('follows only the relationship types asked for', async () => {
      const withoutParties = REL_TYPES.filter((t) => t !== 'PARTY_TO');
      const detour = await store.path(g.yang.id, g.deal.id, 6, withoutParties);
      expect(detour!.edges.map((e) => e.type)).toEqual(['HOLDS', 'IN', 'PART_OF', 'TOOK_PART', 'SIGNED_AT']);
      const roles = await store.neighborhood(g.bjp.id, 1, 100, ['IN']);
      expect(roles.nodes.map((n) => n.name).sort()).toEqual(['北京天文馆', '李健文党委书记', '齐锐副馆长'].sort());
      expect(roles.edges.every((e) => e.type === 'IN')).toBe(true);
    });

    it('answers a view: only the selected properties, hops nested, kinds from variables, null for unknown ids', async () => {
      const selection = PARTICIPANTS_VIEW;
      const flat = (n: ViewNode | null | undefined): unknown => {
        if (!n) return n;
        const { [HOPS]: hops, ...properties } = n;
        return { ...properties, hops: Object.fromEntries([...(hops ?? [])].map(([key, steps]) => [key, steps.map((s) => ({ edge: s.edge, node: flat(s.node) }))])) };
      };
      const [meeting, unknown] = await store.view([g.meeting.id, 'event_unknown'], selection, { kind: 'SPEAKER' });
      expect(unknown).toBeNull();
      const role = (r: typeof g.secretary) => ({ edge: { type: 'HOLDS', from: r === g.secretary ? g.li.id : g.qi.id, to: r.id }, node: { id: r.id, label: 'Role', title: r.title, hops: {} } });
      const speaker = (p: typeof g.li, r: typeof g.secretary) => ({
        edge: { type: 'TOOK_PART', from: p.id, to: g.meeting.id, kind: 'SPEAKER' },
        node: { id: p.id, label: 'Person', name: p.name, hops: { 'HOLDS|out|': [role(r)] } },
      });
      expect(flat(meeting)).toEqual({
        id: g.meeting.id,
        label: 'Event',
        name: '活动总结会',
        hops: { 'TOOK_PART|in|SPEAKER': [speaker(g.li, g.secretary), speaker(g.qi, g.deputy)].sort((a, b) => (a.node.id < b.node.id ? -1 : 1)) },
      });
      const [all] = await store.view([g.meeting.id], selection, {});
      expect(all![HOPS]!.get('TOOK_PART|in|')!.map((s) => s.edge.kind)).toEqual(['CHAIR', 'SPEAKER', 'SPEAKER']);
    });

    it('scans labels in batches', async () => {
      const batches: number[] = [];
      for await (const batch of store.scan(['Organization', 'Agreement'], 2)) batches.push(batch.length);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(4);
      expect(Math.max(...batches)).toBeLessThanOrEqual(2);
    });

    it('runs exclusive tasks one at a time, so a read and the write it decides are never interleaved', async () => {
      const places = async () => (await store.stats()).nodes.Place;
      const before = await places();
      const addNextPlace = () =>
        store.exclusive(async () => {
          const n = await places();
          await new Promise((resolve) => setTimeout(resolve, 5));
          await store.apply({ nodes: [node('Place', `地点${n}`)], edges: [] });
        });
      await Promise.all([addNextPlace(), addNextPlace(), addNextPlace(), addNextPlace()]);
      expect(await places()).toBe(before + 4);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('reads what resolution consults in one call: named entities, titled roles and holders, ties, publishers, parents', async () => {
      const report = node('Document', '报道', { title: '报道', text: '全文' });
      const author = node('Person', '李珺');
      await store.apply({ nodes: [report, author], edges: [edge('AUTHORED', author, report), edge('PUBLISHED', g.unit, report)] });
      const names = [{ label: 'Person' as const, name: '李珺' }, { label: 'Organization' as const, name: '天文館' }, { label: 'Person' as const, name: '齐 锐' }];
      const context = await store.resolutionContext({ names, titles: ['党委书记'] });
      const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
      expect(ids(context.nodes)).toEqual(ids([author, g.bjp, g.qi, g.secretary, g.li, g.deputy, report, g.unit]));
      const edges = [['IN', g.secretary, g.bjp], ['HOLDS', g.li, g.secretary], ['HOLDS', g.qi, g.deputy], ['IN', g.deputy, g.bjp], ['AUTHORED', author, report], ['PUBLISHED', g.unit, report], ['PART_OF', g.unit, g.bjp]] as const;
      expect(ids(context.edges)).toEqual(ids(edges.map(([type, from, to]) => edge(type, from, to))));
      const [li] = await store.nodes([g.li.id]);
      expect(context.nodes.find((n) => n.id === g.li.id)).toEqual(li); // whole records, as the store holds them
      expect(context.nodes.find((n) => n.id === report.id)).toEqual({ ...report, text: undefined }); // documents without their text
      expect(await store.resolutionContext({ names: [], titles: [] })).toEqual({ nodes: [], edges: [] });
    });
  });
  describeRetraction(adapter, open);
}
