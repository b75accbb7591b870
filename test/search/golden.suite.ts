import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { loadFiles } from '../../src/ingest/load.js';
import type { NodeRecord } from '../../src/model/index.js';
import type { SearchIndex } from '../../src/search/port.js';

interface GoldenCase {
  group: string;
  query: string;
  types?: string[];
  top?: { name?: string; type?: string };
  topAnyOf?: string[];
  notTop?: string;
  notTopType?: string;
  absent?: string[];
}

const golden = JSON.parse(readFileSync(new URL('../fixtures/search-golden.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

/** The golden queries over the seed graph, for any engine: `open` gives a fresh, empty index. */
export function describeGoldenSearch(engine: string, open: () => Promise<SearchIndex>) {
  describe(`golden search queries (${engine})`, () => {
    let search: SearchIndex;
    const names = new Map<string, NodeRecord>();

    beforeAll(async () => {
      const graph = createMemoryStore();
      search = await open();
      await loadFiles([SEEDS_DIRECTORY], { graph, search });
      for await (const batch of graph.scan(['Person', 'Organization', 'Event', 'Agreement', 'Place', 'Document'], 500)) {
        for (const node of batch) names.set(node.id, node);
      }
    });

    it('holds at least 40 queries', () => expect(golden.cases.length).toBeGreaterThanOrEqual(40));

    it.each(golden.cases.map((c) => [`${c.group}: ${c.query}${c.types ? ` [${c.types}]` : ''}`, c] as const))('%s', async (_, c) => {
      const { hits } = await search.search({ query: c.query, types: c.types as never, first: 10 });
      const top = hits[0] && { name: names.get(hits[0].id)?.name, type: hits[0].type };
      if (c.top) expect(top).toMatchObject(c.top);
      if (c.topAnyOf) expect(c.topAnyOf).toContain(top?.name);
      if (c.notTop) expect(top?.name).not.toBe(c.notTop);
      if (c.notTopType) expect(top?.type).not.toBe(c.notTopType);
      for (const name of c.absent ?? []) expect(hits.map((h) => names.get(h.id)?.name)).not.toContain(name);
      if (top) expect(hits[0]!.highlight).toMatch(/<em>.+<\/em>|^[^<]*$/);
    });
  });
}
