import { afterEach, describe, expect, it, vi } from 'vitest';
import { report } from '../../src/cli/report.js';
import { GraphStoreUnavailableError } from '../../src/graph/errors.js';
import { BadInputError, PartialLoadError } from '../../src/ingest/errors.js';

/** What report() printed on stderr, and the exit code it chose. */
function reported(error: unknown, env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  const code = report(error, env);
  return { code, text: lines.join('') };
}

const systemError = (code: string, path: string) => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });

describe('failures as the CLI reports them', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the file and says what a failed system call means, without a stack', () => {
    expect(reported(systemError('EACCES', '/data/graph/graph.journal'))).toEqual({ code: 3, text: 'tupu: /data/graph/graph.journal: permission denied (EACCES)\n' });
    expect(reported(systemError('EISDIR', '/data/x')).text).toBe('tupu: /data/x: is a directory, not a file (EISDIR)\n');
    expect(reported(systemError('ENOSPC', '/data/y')).text).toContain('no space left on the device');
  });

  it('prints known failures as their message with their exit code', () => {
    expect(reported(new BadInputError('a.json', '$.people[0]', 'bad'))).toEqual({ code: 2, text: 'tupu: a.json: $.people[0]: bad\n' });
    expect(reported(new GraphStoreUnavailableError('the store is down')).code).toBe(3);
  });

  it('reports a load that stopped at a failed batch with what was written, and the exit code of the batch that failed', () => {
    const partial = new PartialLoadError(['a.json'], ['b.json', 'c.json'], new GraphStoreUnavailableError('the store is down'));
    expect(reported(partial)).toEqual({
      code: 3,
      text: 'tupu: 1 document (a.json) was written; the batch of 2 documents (b.json through c.json) was not written, nor anything after it: the store is down\n',
    });
  });

  it('shows an unexpected error in one line, its stack only at debug level', () => {
    const error = new SyntaxError('Unexpected token');
    const quiet = reported(error);
    expect(quiet.code).toBe(1);
    expect(quiet.text).toBe('tupu: unexpected error: SyntaxError: Unexpected token (LOG_LEVEL=debug shows where it happened)\n');
    vi.restoreAllMocks();
    expect(reported(error, { LOG_LEVEL: 'debug' }).text).toContain('report.test.ts');
  });

  it('masks credentials and secret settings in what it prints', () => {
    const text = reported(new GraphStoreUnavailableError('bolt://neo4j:pw123456@db refused key-SECRET-1'), { MEILI_MASTER_KEY: 'key-SECRET-1' }).text;
    expect(text).toBe('tupu: bolt://neo4j:***@db refused ***\n');
  });
});
