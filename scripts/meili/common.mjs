// Shared bits of start.mjs / stop.mjs: where the binary, the data and the key are, pid-file handling.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive, isOurProcess, sleep, stopPid as stopProcess, tailOf } from '../lib/processes.mjs';

export { isAlive, sleep };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// MEILI_DATA lets a test run a second, private server (the outage test stops and restarts one).
export const DATA = path.resolve(ROOT, process.env.MEILI_DATA || '.meili');
export const PID_FILE = path.join(DATA, 'meilisearch.pid');
export const LOG_FILE = path.join(DATA, 'meilisearch.log');
export const KEY_FILE = path.join(DATA, 'master-key');

/** Human-facing messages go to stderr: start.mjs's stdout carries only the URL. */
export const say = (msg) => process.stderr.write(`meilisearch: ${msg}\n`);

export function fail(msg) {
  say(msg);
  process.exit(1);
}

/**
 * The binary: MEILI_BIN, else `meilisearch` on PATH; null when there is none. The project never looks
 * anywhere else: an environment provides a binary by setting one of the two.
 */
export function findBinary(env = process.env) {
  if (env.MEILI_BIN) {
    const file = path.resolve(ROOT, env.MEILI_BIN);
    return isExecutable(file) ? file : null;
  }
  for (const dir of (env.PATH || '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, 'meilisearch');
    if (isExecutable(file)) return file;
  }
  return null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The version a binary reports (`meilisearch 1.50.0`), or null when it does not run. */
export function binaryVersion(binary) {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The master key of this data directory, generated on first use and kept beside the data (mode 0600). */
export function masterKey() {
  fs.mkdirSync(DATA, { recursive: true });
  try {
    return fs.readFileSync(KEY_FILE, 'utf8').trim();
  } catch {
    const key = crypto.randomBytes(24).toString('base64url');
    fs.writeFileSync(KEY_FILE, `${key}\n`, { mode: 0o600 });
    return key;
  }
}

/** The pid and port in meilisearch.pid if that process is alive and is a meilisearch (guards against pid reuse). */
export function running() {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(PID_FILE, 'utf8'));
  } catch {
    return null;
  }
  return isOurProcess(record?.pid, 'meilisearch') ? record : null;
}

export function removePidFile() {
  fs.rmSync(PID_FILE, { force: true });
}

export const stopPid = (pid, timeoutMs = 30_000) => stopProcess(pid, timeoutMs);

export const logTail = (lines = 30) => tailOf(LOG_FILE, lines);
