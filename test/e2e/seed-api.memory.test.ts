import { createMemoryStore } from '../../src/graph/memory/store.js';
import { describeSeedApi } from './seed-api.suite.js';

describeSeedApi('memory', async () => createMemoryStore());
