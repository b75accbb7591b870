import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/tupu.js', import.meta.url).pathname;

/** `tupu export` as a user types it: to stdout by default, and clear refusals with exit code 2. */
describe('tupu export on the command line', { timeout: 120_000 }, () => {
  let data: string;
  const tupu = (...args: string[]) =>
    promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, TUPU_DATA: data, NEO4J_URI: '', LOG_LEVEL: 'warn' }, maxBuffer: 64 * 1024 * 1024 })
      .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
      .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'tupu-export-cli-'));
    expect((await tupu('load')).code).toBe(0);
  });

  it('writes GraphML to stdout when no --out is given, and nothing else there', async () => {
    const { code, stdout } = await tupu('export', '--format', 'graphml');
    expect(code).toBe(0);
    expect(stdout.startsWith('<?xml')).toBe(true);
    expect(stdout.trimEnd().endsWith('</graphml>')).toBe(true);
  });

  it.each([
    [['--format', 'xlsx'], 'tupu: unknown export format xlsx; use one of graphml, gexf, csv, ftm'],
    [['--format', 'gexf', '--hops', '2'], 'tupu: --hops needs --around ID'],
    [['--format', 'gexf', '--around', 'person_0000000000000000'], 'tupu: no node has the id person_0000000000000000'],
    [['--format', 'gexf', '--around', 'person_0000000000000000', '--hops', 'two'], 'tupu: hops must be a whole number from 1 to 3, not two'],
    [['--format', 'gexf', '--around', 'person_0000000000000000', '--hops', '4'], 'tupu: hops must be a whole number from 1 to 3, not 4'],
  ])('refuses %j with one line and exit code 2', async (args, line) => {
    const { code, stdout, stderr } = await tupu('export', ...args);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(line);
    expect(stdout).toBe('');
  });
});
