#!/usr/bin/env node
// Start the dev/test Neo4j (Community 5.26 embedded, see Launcher.java) and print its Bolt URI on stdout.
// Env: NEO4J_PORT (7687), NEO4J_PASSWORD (tupu-dev-password), NEO4J_START_TIMEOUT seconds (180),
// NEO4J_HEAP (1g) and NEO4J_PAGECACHE (256m, read by Launcher.java) for a large graph such as the S=100 benchmark.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import {
  DATA, HERE, JAR, LOG_FILE, PASSWORD, PID_FILE, PORT, URI,
  fail, isAlive, logTail, readyPort, removePidFile, runningPid, say, sleep, stopPid,
} from './common.mjs';

const TIMEOUT_MS = Number(process.env.NEO4J_START_TIMEOUT || 180) * 1000;
const HEAP = process.env.NEO4J_HEAP || '1g';
if (!/^\d+[kmg]?$/i.test(HEAP)) fail(`NEO4J_HEAP must be a size such as 1g or 512m (java -Xmx), not "${HEAP}"`);
const STAMP = path.join(HERE, 'target', '.build-stamp.json');
const AUTH_ERROR = 'Neo.ClientError.Security.Unauthorized';

// --- build (only when pom.xml or the Java sources changed since the last good build) ---

function hashFiles(files) {
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(path.relative(HERE, f)).update('\0').update(fs.readFileSync(f));
  return h.digest('hex');
}

function javaSources(dir = path.join(HERE, 'src')) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

function mvn(args) {
  const r = spawnSync('mvn', ['-B', '-q', ...args, 'package'], { cwd: HERE, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) fail(`cannot run mvn (${r.error.message}); Java 17 + Maven are needed`);
  // Output (errors only, with -q) goes to stderr so stdout stays just the URI; drop the bare
  // ANSI resets Debian's Maven 3.8 prints even in batch mode.
  process.stderr.write(`${r.stdout}${r.stderr}`.replace(/\x1b\[0m/g, ''));
  return r.status === 0;
}

function ensureBuilt() {
  const pomHash = hashFiles([path.join(HERE, 'pom.xml')]);
  const srcHash = hashFiles(javaSources());
  let stamp = {};
  try { stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8')); } catch {}
  if (fs.existsSync(JAR) && stamp.pom === pomHash && stamp.src === srcHash) return;

  const t0 = Date.now();
  if (stamp.pom === pomHash) {
    // Same dependencies as the last good build: they are in ~/.m2, so no network needed.
    say('rebuilding the launcher (offline)…');
    if (!mvn(['-o']) && !mvn([])) fail('maven build failed (see above)');
  } else {
    say('building the launcher; the first run downloads Neo4j (~125 MB) from Maven Central…');
    fs.rmSync(path.join(HERE, 'target', 'lib'), { recursive: true, force: true }); // drop old-version jars
    if (!mvn([])) fail('maven build failed (see above)');
  }
  fs.writeFileSync(STAMP, JSON.stringify({ pom: pomHash, src: srcHash }));
  say(`launcher built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// --- readiness ---

/** One authenticated Bolt handshake: null on success, else the error. */
async function probe() {
  const driver = neo4j.driver(URI, neo4j.auth.basic('neo4j', PASSWORD), {
    connectionTimeout: 3000,
    maxConnectionPoolSize: 1,
  });
  let timer;
  // connectionTimeout covers only the TCP connect; a non-Bolt listener would stall the handshake.
  const stalled = new Promise((resolve) => {
    timer = setTimeout(() => resolve(new Error('Bolt handshake timed out (is something else on this port?)')), 5000);
  });
  try {
    return await Promise.race([driver.verifyConnectivity().then(() => null, (e) => e), stalled]);
  } finally {
    clearTimeout(timer);
    driver.close().catch(() => {});
  }
}

/** Poll until Bolt accepts our credentials. `exited()` reports a launcher that died meanwhile. */
async function waitReady(pid, exited) {
  const deadline = Date.now() + TIMEOUT_MS;
  let last;
  while (Date.now() < deadline) {
    if (exited() !== null || !isAlive(pid)) return `the launcher exited (code ${exited() ?? '?'})`;
    const err = await probe();
    if (!err) return null;
    last = err;
    const rp = readyPort();
    // The launcher says it is ready: a refusal now is final, not a startup race.
    if (rp !== null && rp !== PORT) return `it listens on port ${rp}, not ${PORT} (run npm run neo4j:stop first)`;
    if (rp !== null && err.code === AUTH_ERROR) return `it refuses NEO4J_PASSWORD (${err.message})`;
    await sleep(500);
  }
  return `no Bolt answer within ${TIMEOUT_MS / 1000} s (last error: ${last?.code ?? ''} ${last?.message})`;
}

function failWithLog(msg) {
  fail(`${msg}\n--- last lines of ${path.relative(process.cwd(), LOG_FILE) || LOG_FILE} ---\n${logTail()}`);
}

// Serialize concurrent starts (parallel test workers…): one builds and spawns, the rest then
// find it running. The lock file holds its owner's pid, so a killed start.mjs can't wedge it.
async function lock() {
  const file = path.join(DATA, 'start.lock');
  fs.mkdirSync(DATA, { recursive: true });
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const owner = Number(fs.readFileSync(file, 'utf8').trim() || 0);
    if (owner && !isAlive(owner)) fs.rmSync(file, { force: true });
    else await sleep(250); // (an empty file is an owner mid-write)
  }
  process.on('exit', () => fs.rmSync(file, { force: true }));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(130));
}

// --- main ---

await lock();
const existing = runningPid();
if (existing) {
  // Already started (maybe still starting, by another start.mjs): just wait for it.
  const why = await waitReady(existing, () => null);
  if (why) failWithLog(`Neo4j (pid ${existing}) is running but not usable: ${why}`);
  process.stdout.write(`${URI}\n`);
  process.exit(0);
}
removePidFile(); // stale

ensureBuilt();
fs.mkdirSync(DATA, { recursive: true });
const log = fs.openSync(LOG_FILE, 'w');
const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const child = spawn(java, [
  '-Xms256m', `-Xmx${HEAP}`, // + 256m page cache off-heap: fits CI next to the tests
  '-XX:+UseG1GC', '-XX:-OmitStackTraceInFastThrow',
  // Same opens as Neo4j's own neo4j.conf; without them its native I/O hints fail (log noise).
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
  '-jar', JAR, DATA,
], {
  cwd: DATA,
  detached: true, // own process group: outlives this script and the npm that ran it
  stdio: ['ignore', log, log],
  env: { ...process.env, NEO4J_PORT: String(PORT), NEO4J_PASSWORD: PASSWORD },
});
fs.closeSync(log);
let exitCode = null;
child.on('error', (e) => failWithLog(`cannot run ${java}: ${e.message}`));
child.on('exit', (code, signal) => { exitCode = code ?? signal; });
fs.writeFileSync(PID_FILE, `${child.pid}\n`);
child.unref();

const t0 = Date.now();
const why = await waitReady(child.pid, () => exitCode);
if (why) {
  // Don't leave a half-started instance holding the store lock.
  if (isAlive(child.pid)) await stopPid(child.pid, 30_000);
  removePidFile();
  failWithLog(`Neo4j did not start: ${why}`);
}
say(`up in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${child.pid}, log ${LOG_FILE})`);
process.stdout.write(`${URI}\n`);
process.exit(0);
