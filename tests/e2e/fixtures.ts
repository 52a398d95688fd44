/**
 * The `app` fixture: every test gets its own data folder and a freshly started app — in Chromium through the
 * harness (project "browser") or in Electron (project "electron", skipped with the reason when there is no
 * Electron binary). Specs import `test`, `expect` and `screen` from here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { Core } from '../../electron/core/types';
import type { CspViolation } from '../../scripts/browser-app/bridge-script';
import { findElectronBinary, launchElectronApp } from './electron-app';
import { launchApp, projectRoot, type LaunchOptions, type ManualClock } from '../../scripts/browser-app/harness';
import type { HarnessShell } from '../../scripts/browser-app/shell-harness';

export { expect } from '@playwright/test';
export { screen } from '../../scripts/browser-app/harness';

export type AppKind = 'browser' | 'electron';

/** What a spec sees of the running app, in either variant. */
export interface E2EApp {
  kind: AppKind;
  page: Page;
  dataDir: string;
  /** The Chromium profile folder (scanned by the leak spec). */
  profileDir: string;
  /** Requests the page tried outside the app's own origin; a passing spec expects none it did not make. */
  externalRequests: string[];
  consoleErrors: string[];
  cspViolations: CspViolation[];
  /** The core in this process — browser variant only; in Electron it lives in the app's main process. */
  core: Core | null;
  clock: ManualClock | null;
  /** The dialogs' answers and the print browser — browser variant only; Electron shows real dialogs. */
  shell: HarnessShell | null;
  /** When the fixture began starting the app (ms): temp files changed since then belong to this test. */
  startedAt: number;
  /** Ends the app before the test ends (the folders stay until the fixture's teardown). */
  close(): Promise<void>;
}

export type AppOptions = Pick<LaunchOptions, 'locale' | 'kdfCost' | 'now' | 'systemLocale'>;

export interface AppWorkerOptions {
  appKind: AppKind;
}

export const test = base.extend<{ app: E2EApp; appOptions: AppOptions }, AppWorkerOptions>({
  appKind: ['browser', { option: true, scope: 'worker' }],
  appOptions: [{}, { option: true }],
  app: async ({ appKind, appOptions }, use, testInfo) => {
    const temporary: string[] = [];
    const startedAt = Date.now();
    let close: () => Promise<void> = () => Promise.resolve();
    try {
      if (appKind === 'browser') {
        const launched = await launchApp(appOptions);
        close = launched.close;
        temporary.push(launched.dataDir, launched.profileDir);
        await use({ kind: appKind, ...launched, clock: launched.clock ?? null, startedAt });
        return;
      }
      const root = projectRoot();
      const binary = findElectronBinary(root);
      testInfo.skip(!binary.present, `Electron binary not present: ${binary.present ? '' : binary.reason}`);
      if (!binary.present) return;
      testInfo.skip(appOptions.now !== undefined, 'Needs a clock in this process; the Electron app runs its own.');
      const dataDir = mkdtempSync(join(tmpdir(), 'polku-e2e-data-'));
      temporary.push(dataDir);
      const launched = await launchElectronApp({
        binary: binary.path,
        projectRoot: root,
        dataDir,
        ...(appOptions.locale ? { locale: appOptions.locale } : {}),
      });
      close = launched.close;
      temporary.push(launched.profileDir);
      await use({ kind: appKind, ...launched, dataDir, core: null, clock: null, shell: null, startedAt });
    } finally {
      await close();
      for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    }
  },
});
