// An extraction worker (src/ingest/extract-worker.mjs) whose thread dies on any article named crash.txt:
// how the tests show that a thread that crashes fails its own article only.
import { register } from 'tsx/esm/api';

register();
const { extractArticleFile } = await import('../../src/ingest/extract-task.ts');

export default async function extractOrCrash(file) {
  if (file.endsWith('crash.txt')) process.exit(70);
  return extractArticleFile(file);
}
