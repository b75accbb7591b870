// Shared bits of start.mjs / stop.mjs: paths, settings, pid-file handling.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive, isOurProcess, sleep, stopPid as stopProcess, tailOf } from '../lib/processes.mjs';

export { isAlive, sleep };

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const DATA = path.join(ROOT, '.neo4j'); // Neo4j home: data/, logs/ (gitignored)
export const PID_FILE = path.join(DATA, 'neo4j.pid');
export const LOG_FILE = path.join(DATA, 'neo4j.log');
export const JAR = path.join(HERE, 'target', 'tupu-neo4j-launcher.jar');

export const PORT = Number(process.env.NEO4J_PORT || 7687);
export const PASSWORD = process.env.NEO4J_PASSWORD || 'tupu-dev-password';
export const URI = `bolt://127.0.0.1:${PORT}`;

if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) {
  fail(`NEO4J_PORT must be a TCP port number, got "${process.env.NEO4J_PORT}"`);
}

/** Human-facing messages go to stderr: start.mjs's stdout carries only the URI. */
export const say = (msg) => process.stderr.write(`neo4j: ${msg}\n`);

export function fail(msg) {
  say(msg);
  process.exit(1);
}

/** The pid from neo4j.pid if that process is alive and is our launcher (guards against pid reuse). */
export function runningPid() {
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, 'utf8').trim());
  } catch {
    return null;
  }
  return isOurProcess(pid, 'tupu-neo4j-launcher') ? pid : null;
}

export function removePidFile() {
  fs.rmSync(PID_FILE, { force: true });
}

/** SIGTERM (Launcher's shutdown hook closes the store cleanly), SIGKILL after timeoutMs. */
export const stopPid = (pid, timeoutMs = 60_000) => stopProcess(pid, timeoutMs);

export const logTail = (lines = 40) => tailOf(LOG_FILE, lines);

/** Port from Launcher.java's "ready" line (Bolt up, password in place) in neo4j.log; null before it. */
export function readyPort() {
  try {
    const m = fs.readFileSync(LOG_FILE, 'utf8').match(/tupu-neo4j: ready bolt:\/\/[^:]+:(\d+)/);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
