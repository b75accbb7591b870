// Runs one of package.json's scripts for the test runner: its stdout's last line is what it prints for us.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The last line of the script's stdout, or null when it failed (its stderr went to ours). */
export function runScript(name, env = process.env) {
  const run = spawnSync(npm, ['run', '--silent', name], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
  return run.status === 0 ? run.stdout.trim().split('\n').at(-1) : null;
}

/** What the runner prints about a service: one line each. */
export const tell = (msg) => console.error(`tests: ${msg}`);
