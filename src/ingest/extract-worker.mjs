// A worker thread of the extraction pool (extract-pool.ts). The `tupu` command runs TypeScript through
// tsx's register(), which a new thread does not inherit: the worker registers it itself, then loads the
// task (and with it nodejieba and the lexicons, once per thread).
import { register } from 'tsx/esm/api';

register();
const { extractArticleFile } = await import('./extract-task.ts');

export default extractArticleFile;
