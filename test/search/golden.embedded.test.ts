import { createEmbeddedIndex } from '../../src/search/embedded/index.js';
import { describeGoldenSearch } from './golden.suite.js';

describeGoldenSearch('embedded', async () => createEmbeddedIndex());
