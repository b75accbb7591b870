import { afterAll, describe } from 'vitest';
import { deleteTestIndexes, MEILI_URL, openEmptyMeiliIndex } from '../support/meilisearch.js';
import { NEO4J_URI, openEmptyNeo4jStore } from '../support/neo4j.js';
import { describeSeedApi } from './seed-api.suite.js';

// The production combination, as docker-compose.yml runs it: the graph in Neo4j, search in Meilisearch.
describe.skipIf(!NEO4J_URI || !MEILI_URL)('Neo4j + Meilisearch (NEO4J_URI and MEILI_URL set)', () => {
  afterAll(deleteTestIndexes);
  describeSeedApi('neo4j + meilisearch', () => openEmptyNeo4jStore(), undefined, async () => openEmptyMeiliIndex());
});
