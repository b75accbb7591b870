import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { extractFile } from '../../src/cli/ingest.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument, loadFiles, type Ports } from '../../src/ingest/load.js';
import { ENTITY_LABELS, type NodeRecord } from '../../src/model/index.js';
import type { SearchIndex } from '../../src/search/port.js';

interface GoldenCase {
  group: string;
  query: string;
  types?: string[];
  top?: { name?: string; type?: string };
  topAnyOf?: string[];
  highlight?: string;
  notTop?: string;
  notTopType?: string;
  absent?: string[];
  /** Engine → why it cannot answer as expected: that engine runs the case as a known failure. */
  exceptions?: Record<string, string>;
}

const golden = JSON.parse(readFileSync(new URL('../fixtures/search-golden.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };
const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname;
/** Articles ingested through extraction, as `tupu ingest` does: their names are as the extractor found them. */
export const GOLDEN_ARTICLES = ['liquan-2016', 'gansu-2015', 'jiangxi-2023', 'dongfeng-2010'].map((name) => fixture(`articles/${name}.txt`));
export const GOLDEN_FACTS = [SEEDS_DIRECTORY, fixture('search/short-forms.facts.json')];

/** The graph the golden queries are asked of: the seeds, the short-forms facts, and the ingested articles. */
export async function loadGoldenCorpus(ports: Ports): Promise<void> {
  await loadFiles(GOLDEN_FACTS, ports);
  for (const article of GOLDEN_ARTICLES) await ingestDocument(await extractFile(article), ports);
}

/** The golden queries, for any engine: `open` gives a fresh, empty index. */
export function describeGoldenSearch(engine: string, open: () => Promise<SearchIndex>) {
  describe(`golden search queries (${engine})`, () => {
    let search: SearchIndex;
    const names = new Map<string, NodeRecord>();

    beforeAll(async () => {
      const graph = createMemoryStore();
      search = await open();
      await loadGoldenCorpus({ graph, search });
      for await (const batch of graph.scan(ENTITY_LABELS, 500)) for (const node of batch) names.set(node.id, node);
    });

    it('holds at least 74 queries', () => expect(golden.cases.length).toBeGreaterThanOrEqual(74));

    for (const c of golden.cases) {
      const title = `${c.group}: ${c.query}${c.types ? ` [${c.types}]` : ''}`;
      const reason = c.exceptions?.[engine];
      const run = async () => {
        const { hits } = await search.search({ query: c.query, types: c.types as never, first: 10 });
        const top = hits[0] && { name: names.get(hits[0].id)?.name, type: hits[0].type };
        if (c.top) expect(top).toMatchObject(c.top);
        if (c.topAnyOf) expect(c.topAnyOf).toContain(top?.name);
        if (c.highlight) expect(hits[0]?.highlight).toBe(c.highlight);
        if (c.notTop) expect(top?.name).not.toBe(c.notTop);
        if (c.notTopType) expect(top?.type).not.toBe(c.notTopType);
        for (const name of c.absent ?? []) expect(hits.map((h) => names.get(h.id)?.name)).not.toContain(name);
        if (top) expect(hits[0]!.highlight).toMatch(/<em>.+<\/em>|^[^<]*$/);
      };
      if (reason) it.fails(`${title} (known failure on ${engine}: ${reason})`, run);
      else it(title, run);
    }
  });
}
