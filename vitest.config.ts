import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Suites that share one Neo4j server must not clear each other's data: files run one at a time.
    fileParallelism: false,
  },
});
