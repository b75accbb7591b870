import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tupuWith } from '../support/tupu.js';

/** `tupu export` as a user types it: to stdout by default, and clear refusals with exit code 2. */
describe('tupu export on the command line', { timeout: 120_000 }, () => {
  let data: string;
  const tupu = (...args: string[]) => tupuWith({}, data, ...args);

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
