import { beforeAll, describe, expect, it } from 'vitest';
import { boundedCache } from '../../src/api/limits/bounded-cache.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { validateFacts } from '../../src/ingest/read.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { apiClient } from '../support/api.js';
import { smallFacts } from '../support/facts.js';

/** Each refusal: HTTP 400, one error coded QUERY_TOO_COMPLEX naming its limit, never "Syntax Error". */
function expectTooComplex(response: { status: number; body: { data?: unknown; errors?: any[] } }, limit: RegExp) {
  expect(response.status).toBe(400);
  expect(response.body.data).toBeUndefined();
  const [error] = response.body.errors!;
  expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
  expect(error.message).toMatch(limit);
  expect(error.message).not.toMatch(/Syntax Error/);
}

describe('bounded cost before any work', () => {
  const graph = createMemoryStore();
  const search = createEmbeddedIndex();
  const { post } = apiClient(graph, search);
  const ask = (query: string, variables?: Record<string, unknown>) => post({ query, variables });

  beforeAll(async () => {
    await ingestDocument(validateFacts('t', smallFacts(), null), { graph, search });
  });

  it('refuses a document of more than 2,000 tokens while parsing it', async () => {
    expectTooComplex(await ask(`{ ${'a '.repeat(2001)}}`), /Token limit of 2000/);
    const fine = await ask('{ person(name: "李健文") { name roles { title organization { name } } } }');
    expect(fine.body.errors).toBeUndefined();
  });

  it('refuses nesting deeper than 12, counting the levels that fragments add', async () => {
    const fragments = Array.from({ length: 14 }, (_, i) => `fragment F${i} on Organization { parent { ...F${i + 1} } }`);
    fragments.push('fragment F14 on Organization { id }');
    expectTooComplex(await ask(`{ organization(name: "北京天文馆") { ...F0 } } ${fragments.join(' ')}`), /depth limit of 12/i);
  });

  it('counts __typename aliases like any other', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `t${i}: __typename`).join(' ');
    expectTooComplex(await ask(`{ ${aliases} }`), /Aliases limit of 20/);
  });

  it('refuses more than 20 directives', async () => {
    expectTooComplex(await ask(`{ __typename ${'@skip(if: false) '.repeat(21)}}`), /Directives limit of 20/);
  });

  it('refuses list values nested deeper than 8 instead of overflowing the stack', async () => {
    const deep = `${'['.repeat(900)}PERSON${']'.repeat(900)}`;
    expectTooComplex(await ask(`{ search(query: "李", types: ${deep}) { total } }`), /Input value depth limit of 8/);
  });

  it('refuses a query whose lists multiply past the cost budget, and counts a variable first as the cap', async () => {
    const nested = (first: string) => `people(first: ${first}) { edges { node { roles { organization { roles { person { roles { title } } } } } } } }`;
    expectTooComplex(await ask(`{ ${nested('100')} }`), /Query cost limit of 50000 exceeded, estimated \d+/);
    expectTooComplex(await ask(`query ($n: Int) { ${nested('$n')} }`, { n: 1 }), /cost limit/);
    const cheap = await ask(`{ ${nested('2')} }`);
    expect(cheap.body.errors).toBeUndefined();
  });

  it('keeps parsed documents within a byte budget, however many arrive', () => {
    const cache = boundedCache<object>(10_000_000);
    for (let i = 0; i < 1000; i++) cache.set(`{ ${'a '.repeat(1000)}} #${i}`, {});
    const held = (cache as unknown as { calculatedSize: number }).calculatedSize;
    expect(held).toBeLessThanOrEqual(10_000_000);
    expect(cache.get(`{ ${'a '.repeat(1000)}} #999`)).toBeDefined(); // the latest is kept, the oldest went
    expect(cache.get(`{ ${'a '.repeat(1000)}} #0`)).toBeUndefined();
  });
});
