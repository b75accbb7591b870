import { beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../../scripts/bench/corpus.js';
import { searchQueries } from '../../scripts/bench/search.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { ENTITY_LABELS } from '../../src/model/index.js';
import { buildSearchDocuments } from '../../src/search/documents.js';
import { EmbeddedEngine } from '../../src/search/embedded/engine.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { highlight } from '../../src/search/highlight.js';
import { rank } from '../../src/search/rank.js';
import type { SearchDocument } from '../../src/search/port.js';
import type { Candidate } from '../../src/search/select.js';
import { analyzeDocument, analyzeQuery, coverageWords, wholeTerms, type AnalyzedQuery } from '../../src/search/tokenize.js';

/**
 * Ranking in two stages (select.ts: score every candidate, rank in full only the page) against ranking
 * every candidate in full, on the benchmark's generated corpus at S=1 (1,500 entities), with the
 * engine's cap on candidates small enough that it bites: the pages must be the same.
 */
const SCALE = 1;
const PER_TERM = 100;

/** Every candidate ranked in full and sorted: what the engine answered before ranking in two stages. */
function exhaustive(candidates: Iterable<Candidate>, query: string, types?: string[]) {
  const q = analyzeQuery(query);
  const personsOnly = types?.length === 1 && types[0] === 'PERSON';
  const matches = [...candidates]
    .filter((c) => !types || types.includes(c.doc.type))
    .flatMap((c) => {
      const reason = rank(c.doc, c.terms, q, personsOnly);
      return reason ? [{ id: c.doc.id, name: c.doc.name, score: Math.round(reason.score * 1000) / 1000, highlight: highlight(reason.shown, reason.matched) }] : [];
    });
  return matches.sort((a, b) => b.score - a.score || a.name.length - b.name.length || (a.id < b.id ? -1 : 1));
}

/**
 * The field lists whose documents a query scores (embedded engine), at most: names and personal per whole
 * reading, pinyin (whole, by its first 12 letters, parts), and the names, parts and context of each reading's words.
 */
function lists(q: AnalyzedQuery): number {
  const words = [q, ...q.variants].filter((r) => !r.latin && r.words.length).map(coverageWords);
  return 2 * wholeTerms(q).length + (q.pinyin ? 3 : 0) + 3 * words.reduce((sum, w) => sum + w.length, 0);
}

describe('search scores a bounded number of candidates, answering as ranking all of them would', () => {
  const capped = new EmbeddedEngine({ candidatesPerTerm: PER_TERM });
  const engine = new EmbeddedEngine();
  const queries: string[] = [];
  let everyDocument: Candidate[] = [];

  beforeAll(async () => {
    const graph = createMemoryStore();
    for (const facts of corpus(SCALE)) await ingestDocument(validateFacts('corpus', facts, null), { graph, search: createEmbeddedIndex() });
    const all: SearchDocument[] = [];
    for await (const batch of graph.scan(ENTITY_LABELS, 500)) {
      const documents = await buildSearchDocuments(graph, batch.map((n) => n.id));
      capped.upsert(documents);
      all.push(...documents);
    }
    engine.upsert(all);
    everyDocument = all.map((doc) => ({ doc, terms: analyzeDocument(doc) })); // as the engine cut them: same dictionary
    // What journalists type (names, traditional script, pinyin, organizations, the kind words ending them),
    // and broader words still: surnames, titles, the start of an organization's name.
    // Words typed apart, and short forms, which are read in several ways.
    queries.push(...(await searchQueries(graph, 100)), '王', '李', '主任', '副主任', '书记', '研究', '中国', '北京', '大学', '医院', '科学', 'wang', 'li');
    queries.push('北京 医院', '天文馆 馆长', '科学技术协会', '科协', '科技馆', '第一中学 校长', '研究院 院长');
  }, 120_000);

  it('gives the first three pages of every query exactly, from at most its lists × the cap candidates', () => {
    let cut = 0;
    for (const query of queries) {
      const q = analyzeQuery(query);
      const found = capped.candidates(q);
      const candidates = [...found.candidates];
      expect(candidates.length, query).toBeLessThanOrEqual(lists(q) * PER_TERM);
      if (!found.complete) cut++;
      for (const types of [undefined, ['PERSON'], ['ORGANIZATION']]) {
        const expected = exhaustive(candidates, query, types).slice(0, 30);
        const pages: typeof expected = [];
        let after: string | null = null;
        do {
          const results = capped.search({ query, types: types as never, first: 10, after });
          pages.push(...results.hits.map((h) => ({ id: h.id, name: candidates.find((c) => c.doc.id === h.id)!.doc.name, score: h.score, highlight: h.highlight! })));
          after = results.hasNextPage && pages.length < 30 ? results.hits.at(-1)!.cursor : null;
        } while (after);
        expect(pages, `${query} ${types ?? ''}`).toEqual(expected);
      }
    }
    expect(cut, 'queries whose candidates the cap cut').toBeGreaterThan(10);
  });

  it('loses no match by looking each reading up by its rarest word: pages equal ranking every document', () => {
    for (const query of queries) {
      for (const types of [undefined, ['PERSON'], ['ORGANIZATION']]) {
        const expected = exhaustive(everyDocument, query, types).slice(0, 10);
        const hits = engine.search({ query, types: types as never, first: 10 }).hits;
        expect(hits.map((h) => h.id), `${query} ${types ?? ''}`).toEqual(expected.map((m) => m.id));
      }
    }
  });

  it('finds the people of an organization named in full, however broad the words of its name', () => {
    let checked = 0;
    for (const org of everyDocument.filter((c) => c.doc.type === 'ORGANIZATION')) {
      const people = everyDocument.filter((c) => c.doc.type === 'PERSON' && c.doc.organizations.includes(org.doc.name)).map((c) => c.doc.id);
      if (people.length < 2) continue;
      const found = new Set([...capped.candidates(analyzeQuery(org.doc.name)).candidates].map((c) => c.doc.id));
      expect(people.filter((id) => !found.has(id)), org.doc.name).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('reads a Chinese query by the pinyin of whole names only: a kind word leaves its organizations coverage candidates', () => {
    for (const query of ['医院', '大学', '研究所', '博物馆']) {
      const found = capped.candidates(analyzeQuery(query));
      // The parts' pinyin (yiyuan in every hospital) is asked only by typed pinyin: else the cap cuts it,
      // and every candidate must be tried as a name.
      const holders = [...found.candidates].filter((c) => c.doc.type === 'ORGANIZATION' && c.doc.name.includes(query));
      expect(holders.length, query).toBeGreaterThan(0);
      expect(found.nameable, query).not.toBeNull();
      expect(found.nameable!.size, query).toBeLessThan(holders.length);
    }
    expect(capped.candidates(analyzeQuery('yiyuan')).nameable, 'typed pinyin: every candidate may match by a name').toBeNull();
  });

  it('says whether the total is exact; when it is not, it is a lower bound', () => {
    let lowerBounds = 0;
    for (const query of queries) {
      expect(engine.candidates(analyzeQuery(query)).complete, `${query}: S=1 fits under the default cap`).toBe(true);
      const matching = exhaustive(everyDocument, query).length; // every document that matches, not only those found
      expect(engine.search({ query, first: 10 })).toMatchObject({ total: matching, totalIsExact: true });
      const { total, totalIsExact } = capped.search({ query, first: 10 });
      if (totalIsExact) expect(total, query).toBe(matching);
      else {
        lowerBounds++;
        expect(total, query).toBeLessThanOrEqual(matching);
      }
    }
    expect(lowerBounds).toBeGreaterThan(10);
  });

  it('pages truthfully through what a cut search found: every promised page has hits, none repeats', () => {
    const all = capped.search({ query: '主任', first: 1 });
    expect(all.totalIsExact).toBe(false);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = capped.search({ query: '主任', first: 7, after });
      expect(page.hits.length, 'a page promised by hasNextPage is not empty').toBeGreaterThan(0);
      seen.push(...page.hits.map((h) => h.id));
      after = page.hasNextPage ? page.hits.at(-1)!.cursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(all.total);
  });
});
