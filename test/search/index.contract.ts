import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/search/port.js';
import { searchDoc, sampleSearchDocuments } from '../support/search-builder.js';

/** The SearchIndex contract: every engine must pass it unchanged. `open` gives a fresh, empty index. */
export function describeSearchIndex(engine: string, open: () => Promise<SearchIndex>) {
  describe(`SearchIndex contract: ${engine}`, () => {
    let index: SearchIndex;
    const docs = sampleSearchDocuments();
    const idOf = (name: string) => docs.find((d) => d.name === name)!.id;
    const top = async (query: string, types?: string[]) =>
      (await index.search({ query, types: types as never, first: 10 })).hits.map((h) => h.id);

    beforeAll(async () => {
      index = await open();
      await index.upsert(docs);
    });
    afterAll(async () => index?.close());

    it('finds an exact name first, with the type and the match marked', async () => {
      const { hits, total } = await index.search({ query: '庄嘉', first: 10 });
      expect(hits[0]).toMatchObject({ id: idOf('庄嘉'), type: 'PERSON', highlight: '<em>庄嘉</em>' });
      expect(total).toBeGreaterThanOrEqual(1);
    });

    it('finds an entity by its alias (李建文 → 李健文, 科技部 → 科学技术部)', async () => {
      expect((await top('李建文'))[0]).toBe(idOf('李健文'));
      expect((await top('科技部'))[0]).toBe(idOf('科学技术部'));
    });

    it('reads traditional script as simplified', async () => {
      expect((await top('北京天文館'))[0]).toBe(idOf('北京天文馆'));
    });

    it('reads pinyin, spaced or not, any case, and initials', async () => {
      for (const query of ['zhuangjia', 'Zhuang Jia', 'ZHUANG JIA', 'zhuāng jiā', 'zj']) {
        expect((await top(query))[0], query).toBe(idOf('庄嘉'));
      }
    });

    it('finds a name misspelled with a homophone character', async () => {
      expect((await top('刘明兴'))[0]).toBe(idOf('刘明星'));
    });

    it('finds organizations by parts of their names, and people by the start of theirs', async () => {
      expect((await top('天文馆'))[0]).toBe(idOf('北京天文馆'));
      expect((await top('同仁医院'))[0]).toBe(idOf('首都医科大学附属北京同仁医院'));
      expect((await top('刘润'))[0]).toBe(idOf('刘润达'));
    });

    it('does not treat a part of a person name as a word (明星 is not 刘明星)', async () => {
      expect(await top('明星')).not.toContain(idOf('刘明星'));
    });

    it('ranks an organization before a person who merely works in it', async () => {
      expect((await top('教育部'))[0]).toBe(idOf('中国园林博物馆宣传教育部'));
    });

    it('matches title and name together, and organization with title', async () => {
      expect((await top('副馆长齐锐'))[0]).toBe(idOf('齐锐'));
      expect((await top('天文馆 党委书记'))[0]).toBe(idOf('李健文'));
    });

    it('filters by type', async () => {
      const hits = (await index.search({ query: '天文馆', types: ['PERSON'], first: 10 })).hits;
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.type === 'PERSON')).toBe(true);
    });

    it('pages through results with cursors, stably, without repeats', async () => {
      const all = await index.search({ query: '中国', first: 100 });
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: Awaited<ReturnType<SearchIndex['search']>> = await index.search({ query: '中国', first: 1, after });
        seen.push(...page.hits.map((h) => h.id));
        after = page.hasNextPage ? page.hits.at(-1)!.cursor : null;
      } while (after);
      expect(seen).toEqual(all.hits.map((h) => h.id));
      expect(seen.length).toBe(all.total);
      expect(all.totalIsExact).toBe(true); // a small index: no candidate list reaches the engine's limit
    });

    it('returns nothing for an empty or unmatched query', async () => {
      expect((await index.search({ query: '   ', first: 10 })).hits).toEqual([]);
      expect((await index.search({ query: '量子计算机', first: 10 })).hits).toEqual([]);
    });

    it('replaces a document on upsert and forgets it on remove', async () => {
      const renamed = { ...docs[1]!, aliases: ['庄老师'] };
      await index.upsert([renamed]);
      expect((await top('庄老师'))[0]).toBe(renamed.id);
      const extra = searchDoc('PERSON', '临时人');
      await index.upsert([extra]);
      expect(await top('临时人')).toEqual([extra.id]);
      await index.remove([extra.id]);
      expect(await top('临时人')).toEqual([]);
    });

    it('re-indexes what changed on upsert: a new name replaces the old, a new description is returned', async () => {
      const original = docs[1]!;
      await index.upsert([{ ...original, name: '改名人', aliases: [] }]);
      expect(await top(original.name)).not.toContain(original.id);
      expect((await top('改名人'))[0]).toBe(original.id);
      await index.upsert([{ ...original, description: '新的描述' }]);
      const hit = (await index.search({ query: original.name, first: 1 })).hits[0]!;
      expect(hit).toMatchObject({ id: original.id, description: '新的描述' });
      await index.upsert([original]);
      expect((await top(original.name))[0]).toBe(original.id);
    });

    it('lists every document with a fingerprint that changes with its content', async () => {
      const before = await index.fingerprints();
      expect(before.size).toBe(docs.length);
      await index.upsert([{ ...docs[0]!, description: 'changed' }]);
      const after = await index.fingerprints();
      expect(after.get(docs[0]!.id)).not.toBe(before.get(docs[0]!.id));
      expect(after.get(docs[2]!.id)).toBe(before.get(docs[2]!.id));
    });

    it('answers ping', async () => {
      await expect(index.ping()).resolves.toBeUndefined();
    });
  });
}
