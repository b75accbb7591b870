#!/usr/bin/env node
// Start the dev/test Meilisearch and print its URL on stdout; its master key is in .meili/master-key.
// Env: MEILI_BIN (else `meilisearch` on PATH), MEILI_PORT (7700), MEILI_DATA (.meili), MEILI_START_TIMEOUT seconds (60).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  DATA, LOG_FILE, PID_FILE, binaryVersion, fail, findBinary, isAlive, logTail, masterKey, removePidFile, running, say, sleep, stopPid,
} from './common.mjs';

const PORT = Number(process.env.MEILI_PORT || 7700);
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) fail(`MEILI_PORT must be a TCP port number, got "${process.env.MEILI_PORT}"`);
const TIMEOUT_MS = Number(process.env.MEILI_START_TIMEOUT || 60) * 1000;
const URL_ = `http://127.0.0.1:${PORT}`;

/** null when the server is healthy and takes our key, else why not. */
async function probe(key) {
  try {
    const health = await fetch(`${URL_}/health`, { signal: AbortSignal.timeout(3000) });
    if (!health.ok) return `/health answered HTTP ${health.status}`;
    const version = await fetch(`${URL_}/version`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(3000) });
    if (version.status === 401 || version.status === 403) return 'it refuses the master key in .meili/master-key (another server on this port?)';
    return version.ok ? null : `/version answered HTTP ${version.status}`;
  } catch (e) {
    return e.cause?.code ?? e.message;
  }
}

async function waitReady(pid, key, exited) {
  const deadline = Date.now() + TIMEOUT_MS;
  let last;
  while (Date.now() < deadline) {
    if (exited() !== null || !isAlive(pid)) return `the process exited (${exited() ?? '?'})`;
    last = await probe(key);
    if (last === null) return null;
    if (last.includes('refuses')) return last;
    await sleep(200);
  }
  return `no healthy answer within ${TIMEOUT_MS / 1000} s (last: ${last})`;
}

/** True when something already accepts connections on the port. */
function portTaken() {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function failWithLog(msg) {
  fail(`${msg}\n--- last lines of ${LOG_FILE} ---\n${logTail()}`);
}

const key = masterKey();
const existing = running();
if (existing) {
  if (existing.port !== PORT) fail(`already running on port ${existing.port} (pid ${existing.pid}); npm run meili:stop first`);
  const why = await waitReady(existing.pid, key, () => null);
  if (why) failWithLog(`Meilisearch (pid ${existing.pid}) is running but not usable: ${why}`);
  process.stdout.write(`${URL_}\n`);
  process.exit(0);
}
removePidFile(); // stale

const binary = findBinary();
if (!binary) fail(process.env.MEILI_BIN ? `MEILI_BIN="${process.env.MEILI_BIN}" is not an executable file` : 'no Meilisearch binary: set MEILI_BIN or put meilisearch on PATH');
const version = binaryVersion(binary);
if (!version) fail(`${binary} does not run (${binary} --version failed)`);
if (await portTaken()) fail(`port ${PORT} is already taken by another process; set MEILI_PORT`);

const log = fs.openSync(LOG_FILE, 'w');
const child = spawn(binary, [
  '--http-addr', `127.0.0.1:${PORT}`,
  '--db-path', path.join(DATA, 'data.ms'),
  '--dump-dir', path.join(DATA, 'dumps'),
  '--no-analytics',
], {
  cwd: DATA,
  detached: true, // its own process group: outlives this script and the npm that ran it
  stdio: ['ignore', log, log],
  // The key goes by environment, not argv, which any user of the machine can read in `ps`.
  env: { PATH: process.env.PATH, HOME: process.env.HOME, MEILI_MASTER_KEY: key },
});
fs.closeSync(log);
let exitCode = null;
child.on('error', (e) => failWithLog(`cannot run ${binary}: ${e.message}`));
child.on('exit', (code, signal) => { exitCode = code ?? signal; });
fs.writeFileSync(PID_FILE, `${JSON.stringify({ pid: child.pid, port: PORT })}\n`);
child.unref();

const t0 = Date.now();
const why = await waitReady(child.pid, key, () => exitCode);
if (why) {
  if (isAlive(child.pid)) await stopPid(child.pid, 10_000);
  removePidFile();
  failWithLog(`Meilisearch did not start: ${why}`);
}
say(`${version} up in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${child.pid}, data ${DATA})`);
process.stdout.write(`${URL_}\n`);
process.exit(0);
