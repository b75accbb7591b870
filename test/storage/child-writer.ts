// A writer process for the kill -9 tests: ingests the documents of `documents(count)` into DATA, printing
// "acked N" once document N is stored, until it is killed.
import { join } from 'node:path';
import { createMemoryStore } from '../../src/graph/memory/store.js';
import { ingestDocument } from '../../src/ingest/load.js';
import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { WriteIntents } from '../../src/storage/intents.js';
import { documents } from './documents.js';

const [data, count] = [process.argv[2]!, Number(process.argv[3])];
const ports = {
  graph: createMemoryStore({ directory: join(data, 'graph'), compactAfterBytes: 1 }),
  search: createEmbeddedIndex({ directory: join(data, 'search'), compactAfterBytes: 1 }),
  intents: new WriteIntents(data),
};
for (const [i, document] of documents(count).entries()) {
  await ingestDocument(document, ports);
  process.stdout.write(`acked ${i + 1}\n`);
}
