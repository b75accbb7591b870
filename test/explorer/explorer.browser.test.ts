import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXPLORER_DIRECTORY } from '../../src/api/plugins/use-explorer.js';
import { SEEDS_DIRECTORY } from '../../src/cli/commands.js';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { loadFiles } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { CHROMIUM, openBrowser } from '../support/browser.js';
import { startServer } from '../support/server.js';

const SHOTS = new URL('../../test-artifacts/explorer/', import.meta.url).pathname;
const reason = CHROMIUM ? '' : ' — skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)';

/** What a journalist does in the explorer, in a real Chromium that can reach the tupu server and nothing else. */
describe.skipIf(!CHROMIUM)(`the explorer in Chromium, network blocked but for the server${reason}`, { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(EXPLORER_DIRECTORY, 'index.html'))) throw new Error('the explorer is not built: npm run build:explorer (npm test does it)');
    const graph = createMemoryStore();
    const search = createEmbeddedIndex();
    await loadFiles([SEEDS_DIRECTORY], { graph, search });
    // As `npm start` serves it in development: GraphiQL and introspection on.
    server = await startServer(graph, search, { exposure: { graphiql: true, introspection: true } });
    browser = await openBrowser(server.url);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.context.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  it('finds 李健文 as you type 李建文, saying what he is and why he matched', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel(/Name, alias, pinyin/).fill('李建文');
    const hit = page.locator('.hit').filter({ hasText: '李健文' }).first();
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('.badge').textContent()).toMatch(/person/);
    expect(await hit.locator('mark').textContent()).toBe('李建文');
    expect(await hit.locator('.description').textContent()).toMatch(/北京天文馆/);
    expect(page.url()).toContain('#/search?q=');
    await shot('1-search');
  });

  it('opens 李健文: his roles, each with its quote and a link to the document', async () => {
    await page.locator('.hit a', { hasText: '李健文' }).first().click();
    await page.getByRole('heading', { level: 1, name: '李健文' }).waitFor();
    expect(await page.title()).toBe('李健文 — tupu 图谱');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1'); // where a screen reader resumes
    const roles = page.getByRole('region', { name: /Roles/ });
    expect(await roles.textContent()).toMatch(/副馆长/);
    expect(await roles.locator('q').count()).toBeGreaterThan(0);
    expect(await roles.locator('q').first().textContent()).toMatch(/李健文|李建文/);
    expect(await roles.locator('a[href^="#/entity/doc_"]').count()).toBeGreaterThan(0);
    await shot('2-person');
  });

  it('shows his neighbourhood as a graph and expands a node clicked on the canvas', async () => {
    await page.getByRole('link', { name: /Graph of its neighbourhood/ }).click();
    await page.locator('.graph canvas').first().waitFor();
    const count = () => page.evaluate(() => (window as any).tupuGraph.nodes().length as number);
    await expect.poll(count).toBeGreaterThan(1);
    const before = await count();
    // One of his roles leads on to its organization: click it where the canvas drew it.
    const target = await page.evaluate(() => {
      const cy = (window as any).tupuGraph;
      const node = cy.nodes('.Role').first();
      const box = cy.container().getBoundingClientRect();
      return { id: node.id(), x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y };
    });
    await page.mouse.click(target.x, target.y);
    await expect.poll(count).toBeGreaterThan(before);
    expect(decodeURIComponent(page.url())).toContain(`expand=${target.id}`);
    await shot('3-graph-expanded');
  });

  it('finds the path between 庄嘉 and 井冈山市人民政府, both picked by search', async () => {
    await page.goto(`${server.url}/#/path`);
    await page.getByLabel('从 From').fill('庄嘉');
    await page.getByRole('button', { name: '选 pick 庄嘉' }).click();
    await page.getByText('从 From: 庄嘉').waitFor(); // the pick is shown while the other end is searched
    await page.getByLabel('到 To').fill('井冈山市人民政府');
    await page.getByRole('button', { name: '选 pick 井冈山市人民政府' }).click();
    const chain = page.locator('.chain');
    await chain.waitFor();
    expect(await chain.textContent()).toMatch(/^\d+ 步 steps: 庄嘉 → .* → 井冈山市人民政府$/);
    expect(page.url()).toMatch(/#\/path\?from=person_\w+&to=org_\w+/);
    await shot('4-path');
  });

  it('finds 庄嘉 by pinyin, then marks the mentions in his document where their evidence offsets say', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel(/Name, alias, pinyin/).fill('zhuangjia');
    await page.locator('.hit a', { hasText: '庄嘉' }).first().click();
    await page.locator('.sources a').first().click();
    await page.locator('.document-text').waitFor();
    const marks = page.locator('.document-text a.mention');
    expect(await marks.count()).toBeGreaterThan(10);
    expect(await page.locator('.document-text a.mention', { hasText: '庄嘉' }).count()).toBeGreaterThan(0);
    await shot('5-document');
  });

  it.each([
    ['ORGANIZATION', '北京天文馆', /Units/, /科普教育部/],
    ['EVENT', '总结会', /主持 Chairs/, /李健文/],
    ['AGREEMENT', '合作意向', /Parties/, /井冈山市人民政府/],
    ['PLACE', '井冈山市', /Events/, /活动/],
  ])('has a page for a %s (%s) with its own sections', async (type, query, heading, content) => {
    const { data } = await server.query('query($q: String!, $t: [EntityType!]) { search(query: $q, types: $t) { hits { entity { id name } } } }', { q: query, t: [type] });
    const entity = data.search.hits[0].entity;
    await page.goto(`${server.url}/#/entity/${entity.id}`);
    await page.getByRole('heading', { level: 1, name: entity.name }).waitFor();
    const section = page.getByRole('region', { name: heading }).first();
    expect(await section.textContent()).toMatch(content);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await shot(`7-${type.toLowerCase()}`);
  });

  it('renders GraphiQL from the server alone, with the example query', async () => {
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-container').first().waitFor();
    await expect.poll(() => page.locator('.graphiql-editor').first().textContent()).toMatch(/李建文/);
    await shot('6-graphiql');
  });

  it('asked for nothing beyond the server, and raised no script error', () => {
    expect(browser.blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
