import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { describeGraphStore } from './store.contract.js';

describeGraphStore('memory', async () => createMemoryStore());
describeGraphStore('memory, persisted', async () =>
  createMemoryStore({ directory: await mkdtemp(join(tmpdir(), 'tupu-graph-')) }),
);
