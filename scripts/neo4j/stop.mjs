#!/usr/bin/env node
// Stop the dev/test Neo4j started by start.mjs. Idempotent: "not running" is success.
// Env: NEO4J_STOP_TIMEOUT seconds before SIGKILL (60).
import { removePidFile, runningPid, say, stopPid } from './common.mjs';

const pid = runningPid();
if (!pid) {
  removePidFile(); // may be stale
  say('not running');
} else {
  const t0 = Date.now();
  const how = await stopPid(pid, Number(process.env.NEO4J_STOP_TIMEOUT || 60) * 1000);
  removePidFile();
  say(`${how === 'killed' ? 'killed (did not stop in time)' : 'stopped'} pid ${pid} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
