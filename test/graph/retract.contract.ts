import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/port.js';
import type { EdgeRecord, GraphChanges, NodeRecord } from '../../src/model/index.js';
import { edge, node } from '../support/graph-builder.js';

/** Two documents, as ingest writes them: each supports its own records, and both support some. */
function twoDocuments() {
  const docA = node('Document', '文章甲', { title: '文章甲' });
  const docB = node('Document', '文章乙', { title: '文章乙' });
  docA.sources = [docA.id]; // a document is its own source, as ingest writes it
  docB.sources = [docB.id];
  const [a, b] = [docA.id, docB.id];
  const quote = (document: string, text: string) => ({ document, quote: text, offset: null });
  const from = (document: string, record: NodeRecord, extra: Partial<NodeRecord> = {}): NodeRecord => ({ ...record, sources: [document], ...extra });
  const bjp = node('Organization', '北京天文馆');
  const li = node('Person', '李健文');
  const role = node('Role', '李健文副馆长', { title: '副馆长' });
  const meeting = node('Event', '总结会', { startDate: '2020-11-24' });
  const link = (document: string, e: EdgeRecord, text: string): EdgeRecord => ({ ...e, sources: [document], evidence: [quote(document, text)] });
  const changesA: GraphChanges = {
    nodes: [
      docA,
      from(a, bjp, { evidence: [quote(a, '北京天文馆')] }),
      from(a, li, { aliases: ['李建文', '健文馆长'], evidence: [quote(a, '北京天文馆副馆长李建文')] }),
      from(a, role, { evidence: [quote(a, '北京天文馆副馆长李建文')] }),
      from(a, meeting, { figures: [{ label: '参加人数', value: 100, unit: '人', evidence: [quote(a, '100人参加')] }] }),
    ],
    edges: [
      link(a, edge('HOLDS', li, role), '副馆长李建文'),
      link(a, edge('IN', role, bjp), '北京天文馆副馆长'),
      link(a, edge('TOOK_PART', li, meeting, 'CHAIR'), '李建文主持'),
      link(a, edge('MENTIONS', docA, li), '李建文'),
    ],
  };
  const changesB: GraphChanges = {
    nodes: [
      docB,
      from(b, bjp, { evidence: [quote(b, '北京天文馆')] }),
      from(b, li, { evidence: [quote(b, '李健文')] }),
      from(b, meeting, { figures: [{ label: '满意度', value: 99.8, unit: '%', evidence: [quote(b, '满意度99.8%')] }] }),
    ],
    edges: [link(b, edge('TOOK_PART', li, meeting, 'CHAIR'), '李健文主持会议'), link(b, edge('MENTIONS', docB, li), '李健文')],
  };
  return { docA, docB, bjp, li, role, meeting, changesA, changesB };
}

/** Everything a store holds about the given ids, lists sorted: equal states compare equal whatever the order of merges. */
async function stateOf(store: GraphStore, ids: string[]) {
  const sorted = <T>(list: T[]) => list.map((x) => JSON.stringify(x)).sort();
  const canon = (r: NodeRecord | EdgeRecord) => ({
    ...r,
    aliases: 'aliases' in r ? sorted(r.aliases) : [],
    sources: sorted(r.sources),
    evidence: sorted(r.evidence),
    figures: 'figures' in r && r.figures ? sorted(r.figures) : [],
  });
  const nodes = (await store.nodes(ids)).map((n) => n && canon(n));
  const queries = ids.flatMap((id) => (['HOLDS', 'IN', 'TOOK_PART', 'MENTIONS'] as const).map((type) => ({ node: id, type, direction: 'out' as const })));
  const edges = (await store.edges(queries)).flat().map(canon);
  return { nodes, edges, stats: await store.stats() };
}

/** Retraction, part of the GraphStore contract: every adapter must pass it unchanged. */
export function describeRetraction(adapter: string, open: () => Promise<GraphStore>) {
  describe(`GraphStore contract, retraction: ${adapter}`, () => {
    let store: GraphStore;
    const g = twoDocuments();
    const ids = [g.docA.id, g.docB.id, g.bjp.id, g.li.id, g.role.id, g.meeting.id];
    let both: Awaited<ReturnType<typeof stateOf>>;

    beforeAll(async () => {
      store = await open();
      await store.apply(g.changesA);
      await store.apply(g.changesB);
      both = await stateOf(store, ids);
    });
    afterAll(async () => store?.close());

    it('answers null for an id that is not a document, and changes nothing', async () => {
      expect(await store.retract('doc_unknown')).toBeNull();
      expect(await store.retract(g.li.id)).toBeNull();
      expect(await stateOf(store, ids)).toEqual(both);
    });

    it("removes what only the document supports, and only the document's evidence from what another supports", async () => {
      const plan = await store.retract(g.docA.id);
      expect(plan!.removedNodes.map((n) => n.id).sort()).toEqual([g.docA.id, g.role.id].sort());
      const [docA, li, role, meeting, bjp] = await store.nodes([g.docA.id, g.li.id, g.role.id, g.meeting.id, g.bjp.id]);
      expect([docA, role]).toEqual([null, null]);
      expect(li).toMatchObject({ sources: [g.docB.id], evidence: [{ document: g.docB.id, quote: '李健文' }] });
      // 李建文 was spelled only by the retracted quote; 健文馆长 by no quote at all, so it cannot be attributed.
      expect(li!.aliases).toEqual(['健文馆长']);
      expect(bjp!.evidence.map((e) => e.document)).toEqual([g.docB.id]);
      expect(meeting!.figures!.map((f) => f.label)).toEqual(['满意度']);
      const [holds, tookPart] = await store.edges(['HOLDS', 'TOOK_PART'].map((type) => ({ node: g.li.id, type: type as 'HOLDS', direction: 'out' as const })));
      expect(holds).toEqual([]);
      expect(tookPart).toHaveLength(1);
      expect(tookPart![0]).toMatchObject({ sources: [g.docB.id], evidence: [{ document: g.docB.id, quote: '李健文主持会议' }] });
      const [fromB] = await store.edges([{ node: g.docB.id, type: 'MENTIONS', direction: 'out' }]);
      expect(fromB).toHaveLength(1);
      const stats = await store.stats();
      expect(stats.nodes).toMatchObject({ Document: 1, Role: 0, Person: 1, Organization: 1, Event: 1 });
      expect(stats.relationships).toMatchObject({ HOLDS: 0, IN: 0, TOOK_PART: 1, MENTIONS: 1 });
      expect(await store.findByName('Person', '李建文')).toEqual([]);
    });

    it('gives the graph back exactly when the document is applied again', async () => {
      await store.apply(g.changesA);
      expect(await stateOf(store, ids)).toEqual(both);
      expect((await store.findByName('Person', '李建文')).map((n) => n.id)).toEqual([g.li.id]);
    });

    it('removes everything when the only document goes', async () => {
      await store.retract(g.docA.id);
      await store.retract(g.docB.id);
      const stats = await store.stats();
      expect(Object.values(stats.nodes).every((n) => n === 0)).toBe(true);
      expect(Object.values(stats.relationships).every((n) => n === 0)).toBe(true);
    });
  });
}
