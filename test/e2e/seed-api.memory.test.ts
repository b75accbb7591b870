import { createMemoryStore } from '../../src/graph/memory/store.js';
import { describeRetractReplay, retractAndRestore } from './retract.suite.js';
import { describeSeedApi } from './seed-api.suite.js';

describeSeedApi('memory', async () => createMemoryStore());
describeSeedApi('memory, after retracting and reloading the seed, and ingesting then retracting an article', async () => createMemoryStore(), retractAndRestore);
describeRetractReplay('memory', async () => createMemoryStore());
