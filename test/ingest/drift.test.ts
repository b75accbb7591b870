import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { checkIndex } from '../../src/ingest/index-sync.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';

// The seed article, and the same article in Taiwan's traditional script (as another site would print it).
const seed = readFileSync(new URL('../../seeds/bjp-2020-11-26-jinggangshan-summary.txt', import.meta.url), 'utf8');
const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(seed).replace('全國優秀科普產', '全國優秀科普產品(轉載)');
const seedFacts = JSON.parse(readFileSync(new URL('../../seeds/bjp-2020-11-26-jinggangshan-summary.facts.json', import.meta.url), 'utf8'));

describe('ingest never renames what is stored', () => {
  it('keeps names, units and titles of a stored organization after a traditional-script article, with the traditional forms as aliases', async () => {
    const ports = { graph: createMemoryStore(), search: createEmbeddedIndex() };
    await ingestDocument(validateFacts('seed.facts.json', seedFacts, seed), ports);
    const titlesOf = async (orgId: string) => {
      const roles = (await ports.graph.edges([{ node: orgId, type: 'IN', direction: 'in' }])).flat();
      return (await ports.graph.nodes(roles.map((e) => e.from))).map((r) => r!.title).sort();
    };
    const unitsOf = async (orgId: string) => {
      const parts = (await ports.graph.edges([{ node: orgId, type: 'PART_OF', direction: 'in' }])).flat();
      return (await ports.graph.nodes(parts.map((e) => e.from))).map((u) => u!.name).sort();
    };
    const [before] = await ports.graph.findByName('Organization', '北京天文馆');
    const [titles, units] = [await titlesOf(before!.id), await unitsOf(before!.id)];

    await ingestDocument(validateFacts('tw.txt', extractFacts(traditional, { source: 'tw.txt' }), traditional), ports);

    const [after] = await ports.graph.findByName('Organization', '北京天文館');
    expect(after).toMatchObject({ id: before!.id, name: '北京天文馆' });
    expect(after!.aliases).toContain('北京天文館');
    expect(await unitsOf(after!.id)).toEqual(units);
    expect(await titlesOf(after!.id)).toEqual(titles);
    const [li] = await ports.graph.findByName('Person', '李健文');
    expect(li!.name).toBe('李健文');
    expect(await checkIndex(ports)).toEqual({ missing: [], stale: [], stray: [] });
  });

  it('resolves the byline people of a stored document when a later document names them again', async () => {
    const ports = { graph: createMemoryStore(), search: createEmbeddedIndex() };
    await ingestDocument(validateFacts('seed.facts.json', seedFacts, seed), ports);
    // 李珺, the seed's author, is named with a unit of the seed's publisher; 韩叙 is a byline again.
    const later = '北京天文馆举办新春科普活动\n发布时间:2021年2月1日\n2021年1月30日,北京天文馆举办了“新春观星”科普活动,北京天文馆宣传部副主任李珺主持活动。\n摄影:韩叙\nCopyright@ 北京天文馆\n';
    await ingestDocument(validateFacts('later.txt', extractFacts(later, { source: 'later.txt' }), later), ports);
    expect(await ports.graph.findByName('Person', '李珺')).toHaveLength(1);
    expect(await ports.graph.findByName('Person', '韩叙')).toHaveLength(1);
  });
});
