import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const TUPU_BIN = new URL('../../bin/tupu.js', import.meta.url).pathname;
const run = promisify(execFile);

/**
 * Runs `tupu …` as a user would, in its own data directory. The servers `npm test` started (NEO4J_URI,
 * MEILI_URL in this process's environment) are not used unless `env` names them: the embedded default otherwise.
 */
export async function tupuWith(env: Record<string, string>, data: string, ...args: string[]) {
  const defaults = { TUPU_DATA: data, LOG_LEVEL: 'warn', NEO4J_URI: '', MEILI_URL: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [TUPU_BIN, ...args], { env: { ...process.env, ...defaults, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `tupu …` on the embedded default that must succeed: a failure throws with what the command printed. */
export async function tupuSucceeds(data: string, ...args: string[]) {
  const result = await tupuWith({}, data, ...args);
  if (result.code !== 0) throw new Error(`tupu ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result;
}
