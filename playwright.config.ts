import { defineConfig } from '@playwright/test';
import type { AppWorkerOptions } from './tests/e2e/fixtures';

/**
 * End-to-end tests. Project "browser": the built renderer in Debian's Chromium with the real core in the test
 * process (scripts/browser-app/harness.ts). Project "electron": the same specs in the real desktop runtime; where its
 * binary is absent, every test there is skipped with the reason printed (skips never count as passes).
 * No browser is downloaded: the harness launches /usr/bin/chromium (or POLKU_CHROMIUM) itself.
 */
export default defineConfig<AppWorkerOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The path alias @shared lives in the Node-side tsconfig, not in the references-only root one.
  tsconfig: './tsconfig.node.json',
  // Setup and unlock run the production KDF (about half a second each) on a two-core machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Should retries ever be switched on, a test that needed one fails the run; scripts/test.mjs names it apart.
  failOnFlakyTests: true,
  globalSetup: './tests/e2e/global-setup.ts',
  // `npm test` asks for a JSON report through PLAYWRIGHT_JSON_OUTPUT_NAME to count the results.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  outputDir: 'test-results',
  projects: [
    { name: 'browser', use: { appKind: 'browser' } },
    // harness.spec.ts tests the browser harness itself; built-app.spec.ts runs the built bundles on a stand-in for
    // Electron, so a second run with the real one would repeat it.
    { name: 'electron', use: { appKind: 'electron' }, testIgnore: ['harness.spec.ts', 'built-app.spec.ts'] },
  ],
});
