import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const VENV_PYTHON = new URL('../../.venv/bin/python', import.meta.url).pathname;

/**
 * The Python that scripts/setup/python.mjs prepared (or TUPU_PYTHON), if it has NetworkX and followthemoney;
 * otherwise why not, in one line, for the skipped tests' names.
 */
function findPython(): { python?: string; reason?: string } {
  const python = process.env.TUPU_PYTHON ?? VENV_PYTHON;
  if (!existsSync(python)) return { reason: `no ${python} (scripts/setup/python.mjs makes it; npm test runs it)` };
  const probe = spawnSync(python, ['-c', 'import networkx, followthemoney'], { encoding: 'utf8' });
  if (probe.status !== 0) return { reason: `${python} lacks networkx or followthemoney: ${probe.stderr.trim().split('\n').at(-1)}` };
  return { python };
}

export const { python: PYTHON, reason: PYTHON_MISSING } = findPython();

const READER = new URL('../export/read_exports.py', import.meta.url).pathname;

/** What NetworkX or followthemoney saw in an exported file (test/export/read_exports.py). */
export async function readExport(kind: 'graphml' | 'gexf' | 'ftm', file: string): Promise<any> {
  const { stdout } = await promisify(execFile)(PYTHON!, [READER, kind, file], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}
