/**
 * The files that ship, run together: the built main bundle (out/main/index.js) in a Node child process where
 * 'electron' is the stand-in of the shell's unit tests (electron/main/testing/electron-stand-in.ts), the built
 * preload (out/preload/index.cjs) evaluated in Chromium as a sandboxed preload, the built renderer served through
 * the main bundle's own app:// handler, and the built job worker (out/main/jobs-worker.js) as a worker thread.
 * What only the real Electron can show (its sandbox, context isolation, native dialogs, the packaged binary's
 * fuses) is left to the "electron" project's runs of the other specs on a machine that has it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import ts from 'typescript';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/static/serve';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ORIGIN, projectRoot, screen } from '../../scripts/browser-app/harness';
import { buildDir, staleBuildReason } from '../../scripts/build-freshness.mjs';
import { appFolder, bootBuiltApp, nodeDatabaseModule, type BootedApp, type BootOptions } from './built-app/boot';
import type { StandInReport } from './built-app/protocol';
import { lock } from './case-flows';
import { confirmRecoveryCode, setUpThroughScreens, submitNameAndPassphrase, text, ui } from './flows';

const ROOT = projectRoot();
const LOCALE = 'fi';
const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const NOTE = 'Kävimme läpi ansioluettelon ja työnhaun seuraavat askeleet.';
const BACKUP_PASSPHRASE = 'varmuuskopio syksyllä kahdesti luettu';
/** Where the window starts (electron/main/protocol.ts, which this process cannot import: it imports 'electron'). */
const APP_ORIGIN = 'app://polku';
const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** After the window closes, the process must end by itself within this time: nothing may be left running. */
const ENDS_WITHIN_MS = 5_000;

/** The temp folders of one test: the app folder (out/ linked), the data folder, documents, resources. */
interface Folders {
  base: string;
  appPath: string;
  userData: string;
  documents: string;
}

const test = base.extend<{ folders: Folders }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  folders: async ({}, use) => {
    const stale = staleBuildReason(ROOT);
    if (stale) throw new Error(`${stale} Build first (npm test does).`);
    const folder = mkdtempSync(join(tmpdir(), 'polku-boot-'));
    const folders = {
      base: folder,
      appPath: appFolder(ROOT, folder, { withDevelopmentModule: true }),
      userData: join(folder, 'user-data'),
      documents: join(folder, 'documents'),
    };
    mkdirSync(folders.documents);
    try {
      await use(folders);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
});

function developmentRun(folders: Folders): BootOptions {
  return {
    root: ROOT,
    appPath: folders.appPath,
    userData: folders.userData,
    documents: folders.documents,
    isPackaged: false,
    resourcesPath: null,
  };
}

async function windowReport(app: BootedApp): Promise<StandInReport> {
  await expect.poll(async () => (await app.report()).windows.length).toBe(1);
  return app.report();
}

/** The app:// URL Electron's window would have for a page URL of the test's origin. */
function appUrlOf(pageUrl: string): string {
  const url = new URL(pageUrl);
  return url.origin === ORIGIN ? `${APP_ORIGIN}${url.pathname}${url.search}${url.hash}` : pageUrl;
}

/**
 * Ends the app as a person would — closing the window, or Quit in the menu — and waits for the quit sequence and
 * for the process to end by itself.
 */
async function closeAndEnd(
  app: BootedApp,
  how: 'close-window' | 'quit-app' = 'close-window',
): Promise<{ report: StandInReport; resources: string[]; code: number | null }> {
  const closedAt = Date.now();
  await app.ask({ type: how });
  const quit = await app.quit;
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    app.ended,
    new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), ENDS_WITHIN_MS))),
  ]);
  clearTimeout(timer);
  expect(code, `the process ends by itself after quit; still active: ${quit.resources.join(', ')}`).not.toBe('still running');
  expect(Date.now() - closedAt).toBeLessThan(ENDS_WITHIN_MS);
  return { ...quit, code: code === 'still running' ? null : code };
}

/**
 * The awaits at the top level of a built script. Electron runs an ES-module main until its first top-level await
 * and may become ready meanwhile, and what must happen before ready (the app:// scheme, the sandbox) then fails.
 */
function topLevelAwaits(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) return;
    if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test.describe('the built app on the Electron stand-in', () => {
  test('the main bundle, its chunks and the worker have no top-level await', () => {
    const main = join(buildDir(ROOT), 'main');
    const scripts = [
      ...readdirSync(main).filter((name) => name.endsWith('.js')),
      ...readdirSync(join(main, 'chunks')).map((name) => join('chunks', name)),
    ].map((name) => join(main, name));
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    expect(scripts.flatMap(topLevelAwaits)).toEqual([]);
  });

  test('starts as npm start runs it: hardened window and sessions, app:// with its policy and every asset, menu, lock triggers, sender check, clean quit', async ({
    folders,
  }) => {
    const app = await bootBuiltApp(developmentRun(folders));
    try {
      const report = await windowReport(app);
      expect(report.appName).toBe('Polku');
      expect(report.sandboxed).toBe(true);
      expect(report.switches).toContainEqual(['lang', 'fi']);
      expect(report.privilegedSchemes).toEqual([
        [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
      ]);

      const [window] = report.windows;
      expect(window?.options).toMatchObject({
        show: false,
        webPreferences: {
          preload: join(folders.appPath, 'out', 'preload', 'index.cjs'),
          session: { partition: 'polku' },
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          webviewTag: false,
          devTools: true,
        },
      });
      expect(window?.loadedUrls).toEqual([APP_ENTRY_URL]);
      expect(window?.windowOpenHandler).toEqual({ action: 'deny' });
      expect(window?.navigationGuards).toEqual(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']);
      expect(window?.shown).toBe(false);
      await app.ask({ type: 'ready-to-show' });
      expect((await app.report()).windows[0]?.shown).toBe(true);

      for (const partition of ['', 'polku']) {
        expect(report.sessions.find((session) => session.partition === partition)).toMatchObject({
          cancelsForeign: true,
          permissionGranted: false,
          spellChecker: false,
        });
      }
      expect(report.sessions.find((session) => session.partition === 'polku')?.schemes).toEqual(['app']);

      const menu = report.menu as Array<{ label: string; submenu: Array<Record<string, unknown>> }>;
      expect(menu.map((item) => item.label)).toEqual(
        ['file', 'edit', 'view', 'window'].map((key) => text(LOCALE, `menu.${key}`)),
      );
      expect(menu[0]?.submenu[0]).toEqual({
        id: 'lock',
        label: text(LOCALE, 'menu.lock'),
        accelerator: 'CmdOrCtrl+L',
        click: '[function]',
      });
      expect(report.powerListeners).toEqual({ suspend: 1, 'lock-screen': 1, shutdown: 1 });
      expect(report.appListeners).toMatchObject({
        'before-quit': 1,
        'will-quit': 1,
        'window-all-closed': 1,
        'second-instance': 1,
      });
      expect(report.ipcChannels).toEqual([INVOKE_CHANNEL]);

      // The entry page through the main bundle's own app:// handler, with the content policy, and every file it names.
      const entry = await app.request(APP_ENTRY_URL);
      if (entry.cancelled) throw new Error('the entry page was refused');
      expect(entry.status).toBe(200);
      expect(entry.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(entry.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = Buffer.from(entry.body).toString('utf8');
      // The files the page names, and the files its stylesheets name (fonts, images), each through the handler.
      const queue = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => new URL(match[1] ?? '', APP_ENTRY_URL).href);
      expect(queue.length).toBeGreaterThanOrEqual(2);
      const served = new Set<string>();
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        if (served.has(url)) continue;
        served.add(url);
        const answer = await app.request(url);
        if (answer.cancelled) throw new Error(`${url} was refused`);
        expect(answer.status, url).toBe(200);
        expect(answer.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
        const onDisk = join(buildDir(ROOT), 'renderer', new URL(url).pathname);
        expect(answer.body.length, url).toBe(statSync(onDisk).size);
        if (url.endsWith('.css')) {
          const css = Buffer.from(answer.body).toString('utf8');
          for (const [, ref = ''] of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
            if (!ref.startsWith('data:') && !ref.startsWith('#')) queue.push(new URL(ref, url).href);
          }
        }
      }
      expect(await app.request(`${APP_ORIGIN}/no-such-file.js`)).toMatchObject({ cancelled: false, status: 404 });
      expect(await app.request('https://example.invalid/collect')).toEqual({ cancelled: true });

      // The sender check of the built bundle: our main frame on our origin is answered, anything else refused.
      const status = (frame: { url: string; main: boolean }) =>
        app.ask({ type: 'invoke', ipcChannel: INVOKE_CHANNEL, args: ['vault.status', {}], frame });
      expect(await status({ url: APP_ENTRY_URL, main: true })).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
      expect(await status({ url: APP_ENTRY_URL, main: false })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await status({ url: 'https://example.invalid/index.html', main: true })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });

      const ended = await closeAndEnd(app);
      expect(ended.code).toBe(0);
      expect(ended.report.windows[0]?.destroyed).toBe(true);
    } finally {
      app.kill();
    }
  });

  test.describe('in Chromium', () => {
    let browser: Browser;
    test.beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    });
    test.afterAll(async () => {
      await browser.close();
    });

    test('the built preload and renderer over the built main bundle: first run, a participant, a note, lock, unlock, a backup in the built worker, quit', async ({
      folders,
    }) => {
      const app = await bootBuiltApp(developmentRun(folders));
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      try {
        const [window] = (await windowReport(app)).windows;
        const preloadFile = (window?.options.webPreferences as { preload: string }).preload;
        const refused: string[] = [];
        const page = await openWindow(context, app, preloadFile, window?.loadedUrls[0] ?? '', refused);
        const errors = watchErrors(page);
        const s = ui(page, LOCALE);

        // The built preload loaded with nothing but 'electron' and exposed exactly invoke and on.
        expect(await page.evaluate(() => (globalThis as unknown as { __bootPreload: unknown }).__bootPreload)).toEqual({
          required: ['electron'],
          fsRefused: true,
          error: null,
          exposed: ['polku'],
        });
        expect(await page.evaluate(() => Object.keys((globalThis as unknown as { polku: object }).polku).sort())).toEqual([
          'invoke',
          'on',
        ]);

        // First run and the vault set up on the screens, in Finnish.
        const code = await setUpThroughScreens(page, LOCALE, COORDINATOR);
        await confirmRecoveryCode(page, LOCALE, code);
        await screen(page, 'home');

        // A participant through the form, consent through the bridge, a guidance note through the notes tab.
        const nav = page.getByRole('navigation');
        await nav.getByRole('button', { name: s.t('shell.nav.participants'), exact: true }).click();
        await screen(page, 'participants');
        await s.button('registry.newParticipant').click();
        await screen(page, 'participant-new');
        await s.field('participant.fields.firstName').fill('Leila');
        await s.field('participant.fields.lastName').fill('Haddad');
        await s.button('participant.new.submit').click();
        await screen(page, 'participant');
        const participants = (await invoke(page, 'participants.list', {})) as { value: { rows: Array<{ id: string }> } };
        const participantId = participants.value.rows[0]?.id ?? '';
        const day = new Date().toISOString().slice(0, 10);
        expect(
          await invoke(page, 'consents.record', { participantId, purpose: 'processing', givenOn: day, method: 'signed' }),
        ).toMatchObject({
          ok: true,
        });
        await page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true }).click();
        await page.getByRole('button', { name: s.t('notes.new'), exact: true }).click();
        await page.getByLabel(s.t('notes.form.text'), { exact: true }).fill(NOTE);
        await page.getByRole('button', { name: s.t('notes.form.save'), exact: true }).click();
        await expect(s.status('notes.form.saved')).toBeVisible();
        await expect(page.getByRole('article')).toContainText(NOTE);

        // Lock from the header, unlock; then the system's screen lock through powerMonitor locks it again.
        // Unlocking goes back to the open file.
        await lock(page, LOCALE);
        await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
        await expect(page.getByRole('article')).toContainText(NOTE);
        await app.ask({ type: 'power', event: 'lock-screen' });
        await screen(page, 'unlock');
        await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
        await screen(page, 'participant');

        // A backup: the stand-in's save dialog answers a path, the built worker writes it.
        const target = join(folders.documents, 'maanantai.polkubackup');
        await app.ask({ type: 'answer-save', filePath: target });
        expect(
          await invoke(page, 'backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: COORDINATOR.passphrase }),
        ).toMatchObject({ ok: true, value: { status: 'done' } });
        expect(statSync(target).size).toBeGreaterThan(0);
        expect(app.sent.some(({ channel, args }) => channel === EVENT_CHANNEL && args[0] === 'progress')).toBe(true);

        // The note is in the vault: open the file again from the register.
        await nav.getByRole('button', { name: s.t('shell.nav.participants'), exact: true }).click();
        await page.getByRole('row').filter({ hasText: 'Leila' }).click();
        await page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true }).click();
        await expect(page.getByRole('article')).toContainText(NOTE);
        expect(errors, 'console errors').toEqual([]);
        expect(refused, 'requests the main bundle refused').toEqual([]);

        // Quit from the menu: the app quits, the process ends by itself with no worker left and the vault closed.
        const ended = await closeAndEnd(app, 'quit-app');
        await context.close();
        expect(ended.code).toBe(0);
        const workers = ended.report.workers;
        expect(workers.files.length).toBeGreaterThan(0);
        expect(new Set(workers.files.map((file) => file.replace(/^file:\/\//, '')))).toEqual(
          new Set([join(buildDir(ROOT), 'main', 'jobs-worker.js')]),
        );
        expect(workers.ended).toBe(workers.files.length);
        expect(ended.resources).not.toContain('Worker');
        // The quit locked the vault (the core told the window so before the window closed) and closed its files.
        const locks = app.sent.filter(({ channel, args }) => channel === EVENT_CHANNEL && args[0] === 'locked');
        expect(locks.at(-1)?.args[1]).toEqual({ reason: 'shutdown' });
        const left = readdirSync(folders.userData);
        expect(
          left.filter((name) => name.endsWith('-wal') || name.endsWith('-shm')),
          `files left: ${left.join(', ')}`,
        ).toEqual([]);
      } finally {
        await context.close();
        app.kill();
      }
    });
  });

  test('packaged: looks for the database module in resources/native, says so clearly when it is missing, and starts when it is there', async ({
    folders,
  }) => {
    const resourcesPath = join(folders.base, 'resources');
    mkdirSync(resourcesPath);
    mkdirSync(join(folders.base, 'packaged'));
    const packagedApp = appFolder(ROOT, join(folders.base, 'packaged'), { withDevelopmentModule: false });
    const packaged = { ...developmentRun(folders), appPath: packagedApp, isPackaged: true, resourcesPath };

    const missing = await bootBuiltApp(packaged);
    try {
      const { code, report } = await missing.exited;
      expect(code).toBe(1);
      expect(report.errorBoxes).toEqual([
        ['Polku', 'The database module for this Electron version is missing. Start Polku with `npm start`, which prepares it.'],
      ]);
      expect(report.windows).toEqual([]);
      expect(await missing.ended).toBe(1);
    } finally {
      missing.kill();
    }

    mkdirSync(join(resourcesPath, 'native'));
    copyFileSync(nodeDatabaseModule(), join(resourcesPath, 'native', 'better_sqlite3.node'));
    const present = await bootBuiltApp(packaged);
    try {
      const report = await windowReport(present);
      expect(report.errorBoxes).toEqual([]);
      expect(report.windows[0]?.options).toMatchObject({
        icon: join(resourcesPath, 'icons', 'polku.png'),
        webPreferences: { devTools: false },
      });
      const menu = JSON.stringify(report.menu);
      expect(menu).not.toContain('toggleDevTools');
      expect(
        await present.ask({
          type: 'invoke',
          ipcChannel: INVOKE_CHANNEL,
          args: ['vault.status', {}],
          frame: { url: APP_ENTRY_URL, main: true },
        }),
      ).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
      expect((await closeAndEnd(present)).code).toBe(0);
      expect(existsSync(folders.userData)).toBe(true);
    } finally {
      present.kill();
    }
  });
});

async function invoke(page: Page, channel: string, input: object): Promise<unknown> {
  return page.evaluate(
    ([name, data]) =>
      (globalThis as unknown as { polku: { invoke(c: string, i: unknown): Promise<unknown> } }).polku.invoke(name, data),
    [channel, input] as const,
  );
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * The window as Electron would show it: every request of the page goes through the main bundle's session (its
 * request filter, its app:// handler), the built preload runs first as a sandboxed preload, and its ipcRenderer
 * reaches the main bundle's ipcMain with the page's real frame as the sender.
 */
async function openWindow(
  context: BrowserContext,
  app: BootedApp,
  preloadFile: string,
  entryUrl: string,
  refused: string[],
): Promise<Page> {
  await context.route('**/*', async (route) => {
    const answer = await app.request(appUrlOf(route.request().url()), route.request().method());
    if (answer.cancelled) {
      refused.push(route.request().url());
      return route.abort('blockedbyclient');
    }
    return route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) });
  });
  const page = await context.newPage();
  await page.exposeBinding('__bootInvoke', (source, ipcChannel: string, args: unknown[]) =>
    app.ask({
      type: 'invoke',
      ipcChannel,
      args,
      frame: { url: appUrlOf(source.frame.url()), main: source.frame === page.mainFrame() },
    }),
  );
  app.onSend((channel, args) => {
    page
      .evaluate(
        ([name, values]) => (globalThis as unknown as { __bootEmit(c: string, a: unknown[]): void }).__bootEmit(name, values),
        [channel, args] as const,
      )
      .catch(() => undefined);
  });
  await page.addInitScript({ content: sandboxedPreload(readFileSync(preloadFile, 'utf8')) });
  await page.goto(`${ORIGIN}${new URL(entryUrl).pathname}`);
  return page;
}

/**
 * The built preload wrapped as Electron runs a sandboxed preload: CommonJS, with a `require` that offers 'electron'
 * (contextBridge and ipcRenderer) and nothing else. What it required, and whether `fs` was refused, is left on
 * the page for the test to read.
 */
function sandboxedPreload(source: string): string {
  return `(() => {
  const rawInvoke = globalThis.__bootInvoke;
  delete globalThis.__bootInvoke;
  const listeners = new Map();
  const exposed = [];
  const ipcRenderer = Object.freeze({
    on(channel, listener) {
      const forChannel = listeners.get(channel) ?? new Set();
      listeners.set(channel, forChannel);
      forChannel.add(listener);
      return ipcRenderer;
    },
    invoke(channel, ...args) {
      return rawInvoke(channel, args);
    },
  });
  const contextBridge = Object.freeze({
    exposeInMainWorld(key, api) {
      exposed.push(key);
      Object.defineProperty(globalThis, key, { value: Object.freeze({ ...api }), enumerable: true, configurable: false, writable: false });
    },
  });
  const electron = Object.freeze({ ipcRenderer, contextBridge });
  const required = [];
  const require = (name) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error("module not found: " + name);
  };
  Object.defineProperty(globalThis, '__bootEmit', {
    value(channel, args) {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer }, ...args);
    },
  });
  const module = { exports: {} };
  let error = null;
  try {
    (function (exports, require, module, __filename, __dirname) {
${source}
    }).call(module.exports, module.exports, require, module, 'index.cjs', '.');
  } catch (thrown) {
    error = String(thrown);
  }
  const byPreload = [...required];
  let fsRefused = false;
  try { require('fs'); } catch { fsRefused = true; }
  Object.defineProperty(globalThis, '__bootPreload', { value: { required: byPreload, fsRefused, error, exposed } });
})();`;
}
