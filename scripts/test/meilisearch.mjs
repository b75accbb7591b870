// The local Meilisearch for `npm test` (scripts/meili): started when a binary is found (MEILI_BIN or PATH),
// unless MEILI_URL names a server or TUPU_TEST_MEILI=0; otherwise its suites are skipped, said in one line.
import fs from 'node:fs';
import net from 'node:net';
import { KEY_FILE, findBinary, running } from '../meili/common.mjs';
import { runScript, tell } from './run-script.mjs';

/** A port free now on 127.0.0.1, so that parallel runs on one machine do not collide on 7700. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Sets env.MEILI_URL, MEILI_MASTER_KEY and MEILI_BIN and returns how to stop what it started. */
export async function startMeilisearch(env) {
  if (env.MEILI_URL) return () => {};
  if (env.TUPU_TEST_MEILI === '0') {
    tell('Meilisearch suites skipped (TUPU_TEST_MEILI=0)');
    return () => {};
  }
  const binary = findBinary(env);
  if (!binary) {
    tell('Meilisearch suites skipped: no binary (set MEILI_BIN or put meilisearch on PATH)');
    return () => {};
  }
  // One already running from .meili (npm run meili:start) is used, as start.mjs would refuse a second.
  const port = env.MEILI_PORT || String(running()?.port ?? (await freePort()));
  const serviceEnv = { ...env, MEILI_BIN: binary, MEILI_PORT: port };
  const url = runScript('meili:start', serviceEnv);
  if (!url) {
    tell('the local Meilisearch did not start (see above); TUPU_TEST_MEILI=0 runs without it');
    process.exit(1);
  }
  // The outage test runs a private server of its own: it needs the binary too.
  Object.assign(env, { MEILI_URL: url, MEILI_MASTER_KEY: fs.readFileSync(KEY_FILE, 'utf8').trim(), MEILI_BIN: binary });
  return () => runScript('meili:stop', serviceEnv);
}
