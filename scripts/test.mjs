#!/usr/bin/env node
// `npm test`: type-checks, sets up what the browser and export tests need, starts the services the suites run
// against, runs every vitest suite, and stops what it started. Each service has its own module in scripts/test/:
// - Neo4j (scripts/neo4j, Java 17 + Maven artifacts): NEO4J_URI uses a running one, TUPU_TEST_NEO4J=0 skips it;
// - Meilisearch (scripts/meili, a binary from MEILI_BIN or PATH): MEILI_URL (+ MEILI_MASTER_KEY) uses a running
//   one, TUPU_TEST_MEILI=0 skips it, and without a binary its suites are skipped with one line saying so.
import { spawn, spawnSync } from 'node:child_process';
import { startMeilisearch } from './test/meilisearch.mjs';
import { startNeo4j } from './test/neo4j.mjs';

// Types first: a type error fails the run before any server starts.
const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit'], { stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
// The explorer's build, Chromium and the Python export readers (scripts/setup/).
if (spawnSync(process.execPath, ['scripts/setup/index.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const env = { ...process.env };
const stops = [startNeo4j(env), await startMeilisearch(env)];
const stopAll = () => stops.forEach((stop) => stop());

const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => vitest.kill(signal));
vitest.on('exit', (code, signal) => {
  stopAll();
  process.exit(code ?? (signal ? 1 : 0));
});
