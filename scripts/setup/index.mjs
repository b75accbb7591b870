#!/usr/bin/env node
// What `npm test` needs beyond node_modules: the explorer built (its browser test loads it from the server),
// Chromium for that test, and a Python venv for the export tests. Only the build is required; the others
// are best effort, and their tests skip with a reason where they are missing.
import { spawnSync } from 'node:child_process';
import { setUpBrowser } from './browser.mjs';
import { setUpPython } from './python.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// The explorer's types first (vite builds without checking them), then its bundle.
const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'explorer'], { stdio: 'inherit' });
const build = typecheck.status === 0 && spawnSync(npm, ['run', '--silent', 'build:explorer'], { stdio: 'inherit' });
if (!build || build.status !== 0) {
  console.error('setup: the explorer did not type-check or build (see above)');
  process.exit(1);
}
setUpBrowser();
setUpPython();
