/**
 * The Electron variant of the end-to-end app: the same specs against the real desktop runtime, when its
 * binary is on this machine. The binary is looked up without `require('electron')`, which would try to
 * download it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import type { Locale } from '@shared/locales';
import { writeLocale } from '../../electron/core/prefs';
import { vaultFiles } from '../../electron/core/vault/files';
import type { CspViolation } from '../../scripts/browser-app/bridge-script';

export type ElectronBinary = { present: true; path: string } | { present: false; reason: string };

/** Where the Electron binary is, or why there is none (npm installs it lazily, on the first `npm start`). */
export function findElectronBinary(projectRoot: string): ElectronBinary {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      present: false,
      reason: 'node_modules/electron has no downloaded runtime (it is fetched by the first `npm start` on a connected machine)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  if (!existsSync(binary)) return { present: false, reason: `${binary} does not exist` };
  return { present: true, path: binary };
}

export interface LaunchedElectronApp {
  app: ElectronApplication;
  page: Page;
  /** A --user-data-dir for Electron's Chromium profile, kept apart from the user's own. */
  profileDir: string;
  externalRequests: string[];
  consoleErrors: string[];
  cspViolations: CspViolation[];
  close(): Promise<void>;
}

/** Starts the built app (`.` with --data-dir) in Electron and waits for its window. */
export async function launchElectronApp(options: {
  binary: string;
  projectRoot: string;
  dataDir: string;
  locale?: Locale;
}): Promise<LaunchedElectronApp> {
  if (options.locale) writeLocale(vaultFiles(options.dataDir).prefs, options.locale);
  const profileDir = mkdtempSync(join(tmpdir(), 'polku-e2e-electron-profile-'));
  const app = await _electron.launch({
    executablePath: options.binary,
    args: [options.projectRoot, `--data-dir=${options.dataDir}`, `--user-data-dir=${profileDir}`],
    cwd: options.projectRoot,
  });
  const externalRequests: string[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  const page = await app.firstWindow();
  // The session cancels every request that is not app://; seeing one here means the page tried it.
  page.on('request', (request) => {
    if (/^(https?|wss?):/i.test(request.url())) externalRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push(message.text());
    // No binding can be installed before Electron's first load, so violations are read from the console.
    if (!message.text().includes('Content Security Policy')) return;
    const blockedURI = /'((?:https?|wss?):[^']*)'/i.exec(message.text())?.[1] ?? '';
    cspViolations.push({ blockedURI, directive: message.text() });
    if (blockedURI) externalRequests.push(blockedURI);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.waitForLoadState('load');
  let closed = false;
  return {
    app,
    page,
    profileDir,
    externalRequests,
    consoleErrors,
    cspViolations,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
