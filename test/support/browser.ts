import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (scripts/setup/browser.mjs installs it), or the one CHROMIUM_PATH names. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path): path is string => Boolean(path && existsSync(path)));

// Without the background-networking flags Chromium keeps calling Google's hosts, which a closed network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A fresh Chromium profile whose network reaches `origin` only: every other request is aborted and listed
 * in `blocked`, so a test can say the page asked for nothing elsewhere.
 */
export async function openBrowser(origin: string): Promise<{ context: BrowserContext; blocked: string[] }> {
  if (!CHROMIUM) throw new Error('no Chromium: install Debian package chromium or set CHROMIUM_PATH');
  const profile = await mkdtemp(join(tmpdir(), 'tupu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, viewport: { width: 1280, height: 900 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}
