// A Python venv at .venv/ with the consumers the export tests read exports with (test/export/requirements.txt):
// NetworkX and followthemoney from PyPI. Best effort: where Python or PyPI is missing, those tests skip and say why.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const VENV = '.venv';
const PYTHON = `${VENV}/bin/python`;
const REQUIREMENTS = 'test/export/requirements.txt';
const run = (command, args) => spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });

export function setUpPython() {
  if (existsSync(PYTHON) && run(PYTHON, ['-c', 'import networkx, followthemoney']).status === 0) return true;
  console.error('setup: installing NetworkX and followthemoney into .venv/ for the export tests (once; followthemoney builds PyICU, a few minutes)');
  const venv = run('python3', ['-m', 'venv', VENV]);
  const pip = venv.status === 0 && run(PYTHON, ['-m', 'pip', 'install', '--quiet', '-r', REQUIREMENTS]);
  if (pip && pip.status === 0) return true;
  console.error(`setup: no Python packages for the export tests (${(pip || venv).stderr?.trim().split('\n').at(-1) ?? 'python3 missing'}); they will be skipped`);
  return false;
}
