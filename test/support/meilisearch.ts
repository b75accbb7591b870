import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { createMeilisearchIndex } from '../../src/search/meilisearch/index.js';
import type { SearchIndex } from '../../src/search/port.js';

/** Set by `npm test`, which starts a local Meilisearch (scripts/meili) when it finds a binary. */
export const MEILI_URL = process.env.MEILI_URL;
export const MEILI_MASTER_KEY = process.env.MEILI_MASTER_KEY;
/** The binary `npm test` found: tests that stop and restart a server of their own need it. */
export const MEILI_BIN = process.env.MEILI_BIN;

const created: { url: string; masterKey: string | undefined; uid: string }[] = [];

/** A fresh index uid, never used before, deleted again by deleteTestIndexes. */
export function testIndexUid(url = MEILI_URL!, masterKey = MEILI_MASTER_KEY): string {
  const uid = `tupu_test_${randomBytes(6).toString('hex')}`;
  created.push({ url, masterKey, uid });
  return uid;
}

/** A Meilisearch index over an empty, new index of the shared test server. */
export function openEmptyMeiliIndex(indexUid = testIndexUid()): SearchIndex {
  return createMeilisearchIndex({ url: MEILI_URL!, indexUid, masterKey: MEILI_MASTER_KEY });
}

export const meiliAdmin = (url = MEILI_URL!, apiKey = MEILI_MASTER_KEY) => new Meilisearch({ host: url, apiKey });

/** Deletes the indexes this test file created (best effort: a stopped server keeps them, in a temporary directory). */
export async function deleteTestIndexes(): Promise<void> {
  for (const { url, masterKey, uid } of created.splice(0)) {
    await meiliAdmin(url, masterKey).deleteIndex(uid).waitTask({ timeout: 60_000 }).catch(() => {});
  }
}

/** A TCP port free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const run = promisify(execFile);
const SCRIPTS = new URL('../../scripts/meili/', import.meta.url).pathname;

/**
 * A Meilisearch of a test's own, in a temporary directory on a port of its own, started and stopped with
 * the project's scripts: a test can stop the process (an outage) without touching the shared server.
 */
export async function startPrivateMeilisearch() {
  const port = await freePort();
  const data = await mkdtemp(join(tmpdir(), 'tupu-meili-'));
  const env = { ...process.env, MEILI_DATA: data, MEILI_PORT: String(port), MEILI_BIN: MEILI_BIN! };
  const script = (name: string) => run(process.execPath, [join(SCRIPTS, name)], { env });
  const start = async () => (await script('start.mjs')).stdout.trim();
  const url = await start();
  const masterKey = (await readFile(join(data, 'master-key'), 'utf8')).trim();
  const stop = async () => void (await script('stop.mjs'));
  /** Stops it and removes its data. */
  const close = async () => {
    await stop();
    await rm(data, { recursive: true, force: true });
  };
  return { url, masterKey, start, stop, close };
}
