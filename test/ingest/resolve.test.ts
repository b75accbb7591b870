import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import type { FactsInput } from '../../src/model/facts.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { smallFacts } from '../support/facts.js';

function ports() {
  return { graph: createMemoryStore(), search: createEmbeddedIndex() };
}

async function ingest(p: ReturnType<typeof ports>, facts: FactsInput) {
  return ingestDocument(validateFacts('test.facts.json', facts, null), p);
}

const person = (name: string, title: string, organization: string) => ({
  name,
  positions: [{ title, organization, evidence: { quote: `${organization}${title}${name}` } }],
});

describe('entity resolution on ingest', () => {
  it('gives the same ids on a reload, and changes no count', async () => {
    const p = ports();
    const first = await ingest(p, smallFacts());
    const stats = await p.graph.stats();
    const again = await ingest(p, smallFacts());
    expect(again.documentId).toBe(first.documentId);
    expect(again.created).toBe(0);
    expect(await p.graph.stats()).toEqual(stats);
  });

  it('merges a homophone variant holding the same title in the same organization, keeping it as an alias', async () => {
    const p = ports();
    await ingest(p, smallFacts());
    const later = smallFacts({
      document: { title: '另一篇', publishedAt: '2021-01-01' },
      people: [person('李建文', '副馆长', '北京天文馆')],
      events: [],
    });
    const result = await ingest(p, later);
    expect(result.merged).toBe(1);
    const [li] = await p.graph.findByName('Person', '李建文');
    expect(li).toMatchObject({ name: '李健文', aliases: ['李建文'] });
    expect(li!.sources).toHaveLength(2);
    expect((await p.graph.stats()).nodes.Person).toBe(2); // 李健文 and the author 李珺
  });

  it('keeps two people of one name apart when nothing links their organizations', async () => {
    const p = ports();
    const orgs = [{ name: '北京天文馆' }, { name: '中国铁道博物馆' }, { name: '科学技术部', aliases: ['科技部'] }];
    await ingest(p, smallFacts({ people: [person('张伟', '馆长', '北京天文馆')], organizations: orgs, events: [] }));
    await ingest(p, smallFacts({ document: { title: '二', publishedAt: null }, people: [person('张伟', '馆长', '中国铁道博物馆')], organizations: orgs, events: [] }));
    expect(await p.graph.findByName('Person', '张伟')).toHaveLength(2);
  });

  it('recognises the same person in another document through a shared organization', async () => {
    const p = ports();
    const orgs = [{ name: '北京天文馆' }, { name: '科学技术部', aliases: ['科技部'] }];
    await ingest(p, smallFacts({ people: [person('齐锐', '副馆长', '北京天文馆')], organizations: orgs, events: [] }));
    await ingest(p, smallFacts({ document: { title: '二', publishedAt: null }, people: [person('齐锐', '研究员', '北京天文馆')], organizations: orgs, events: [] }));
    const [qi, ...others] = await p.graph.findByName('Person', '齐锐');
    expect(others).toEqual([]);
    const [roles] = await p.graph.edges([{ node: qi!.id, type: 'HOLDS', direction: 'out' }]);
    expect(roles).toHaveLength(2);
  });

  it('resolves an organization by its alias in a later document', async () => {
    const p = ports();
    await ingest(p, smallFacts());
    await ingest(p, smallFacts({ document: { title: '二', publishedAt: null }, organizations: [{ name: '北京天文馆' }, { name: '科技部' }], people: [], events: [] }));
    expect((await p.graph.stats()).nodes.Organization).toBe(2);
  });

  it('indexes what it loads, aliases included', async () => {
    const p = ports();
    await ingest(p, smallFacts());
    const { hits } = await p.search.search({ query: '科技部', first: 1 });
    expect(hits[0]).toMatchObject({ type: 'ORGANIZATION', highlight: '<em>科技部</em>' });
  });
});
