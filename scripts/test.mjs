#!/usr/bin/env node
// `npm test`: type-checks, starts the local Neo4j (scripts/neo4j, Java 17 + Maven artifacts), runs every vitest suite
// against memory and against Neo4j, and stops Neo4j again if it started it. With NEO4J_URI already set,
// uses that server instead; with TUPU_TEST_NEO4J=0, runs the memory suites only.
import { spawn, spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Types first: a type error fails the run before any server starts.
const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit'], { stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
// The explorer's build, Chromium and the Python export readers (scripts/setup/).
if (spawnSync(process.execPath, ['scripts/setup/index.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const wantNeo4j = process.env.TUPU_TEST_NEO4J !== '0';
const env = { ...process.env };
let started = false;

if (wantNeo4j && !env.NEO4J_URI) {
  const start = spawnSync(npm, ['run', '--silent', 'neo4j:start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (start.status !== 0) {
    console.error('tests: the local Neo4j did not start (see above); TUPU_TEST_NEO4J=0 runs the memory suites only');
    process.exit(1);
  }
  env.NEO4J_URI = start.stdout.trim().split('\n').at(-1);
  started = true;
}

const stop = () => {
  if (started) spawnSync(npm, ['run', '--silent', 'neo4j:stop'], { stdio: 'inherit' });
};
const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => vitest.kill(signal));
vitest.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
