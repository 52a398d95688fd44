import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** `npm run bench`: benchmarks that build large vaults and print their figures; not part of the test suite. */
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '..', 'shared') } },
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
