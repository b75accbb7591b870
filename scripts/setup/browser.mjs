// Debian's Chromium and the Noto CJK fonts for the explorer's browser test (no browser download: those fail
// on a closed network). Installs with apt-get when running as root; otherwise the browser test skips and says why.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONTS = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export function setUpBrowser() {
  if (existsSync(CHROMIUM) && existsSync(FONTS)) return true;
  if (process.getuid?.() !== 0) {
    console.error('setup: no Chromium and not root to install it (apt-get install chromium fonts-noto-cjk); the browser test will be skipped');
    return false;
  }
  console.error('setup: installing Chromium and CJK fonts with apt-get for the explorer browser test (once)');
  const apt = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const ok = apt(['update']).status === 0 && apt(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']).status === 0;
  if (!ok) console.error('setup: apt-get could not install chromium; the browser test will be skipped');
  return ok;
}
