import { describe } from 'vitest';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';
import { describeRetractReplay, retractAndRestore } from './retract.suite.js';
import { describeSeedApi } from './seed-api.suite.js';

describe.skipIf(!NEO4J_URI)('Neo4j (NEO4J_URI set)', () => {
  describeSeedApi('neo4j', () => openEmptyNeo4jStore());
  describeSeedApi('neo4j, after retracting and reloading the seed, and ingesting then retracting an article', () => openEmptyNeo4jStore(), retractAndRestore);
  describeRetractReplay('neo4j', () => openEmptyNeo4jStore());
});
