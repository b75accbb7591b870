#!/usr/bin/env node
// Stop the dev/test Meilisearch started by start.mjs. Idempotent: "not running" is success.
// Env: MEILI_DATA (.meili), MEILI_STOP_TIMEOUT seconds before SIGKILL (30).
import { removePidFile, running, say, stopPid } from './common.mjs';

const found = running();
removePidFile();
if (!found) {
  say('not running');
} else {
  const t0 = Date.now();
  const how = await stopPid(found.pid, Number(process.env.MEILI_STOP_TIMEOUT || 30) * 1000);
  say(`${how === 'killed' ? 'killed (did not stop in time)' : 'stopped'} pid ${found.pid} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
