import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // A committed `it.only` would silently skip every other test; Vitest allows it by default outside CI.
    allowOnly: false,
    // A test that passes only on a retry is named apart and fails the run (scripts/test.mjs adds the same reporter).
    reporters: ['default', './scripts/vitest-flaky-reporter.ts'],
    testTimeout: 30_000,
    // The vault tests open real SQLCipher files and run memory-hard KDFs; two cores.
    pool: 'forks',
  },
});
