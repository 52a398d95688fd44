/**
 * The browser end-to-end harness: the built renderer in a real Chromium, the real core in this process, and
 * Playwright's exposeBinding in place of Electron's IPC. The renderer is served on a fixed origin through
 * request interception (the counterpart of the app:// protocol): no server, no port, and every other request
 * is aborted and counted. Used by the Playwright specs and by `npm run preview`.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_LOCALE, type Locale } from '@shared/locales';
import { CHROMIUM_LANG } from '@shared/typed-dates';
import { failure } from '@shared/errors';
import { createCore } from '../../electron/core/app-core';
import { RESPONSE_HEADERS, resolveRendererFile } from '../../electron/core/static/serve';
import type { Core, RequestContext } from '../../electron/core/types';
import { buildDir } from '../build-freshness.mjs';
import { installBridge, type CspViolation } from './bridge-script';
import { createHarnessShell, type HarnessShell } from './shell-harness';

export type { CspViolation } from './bridge-script';

/** The renderer's origin. `.invalid` can never resolve, so nothing here can reach a real host. */
export const ORIGIN = 'https://polku.invalid';

/** The Chromium the tests drive: Debian's package, or POLKU_CHROMIUM. */
export const CHROMIUM_PATH = process.env.POLKU_CHROMIUM ?? '/usr/bin/chromium';

/** How often the idle rule is checked, as the Electron shell does on its timer (more often, for tests). */
const IDLE_CHECK_INTERVAL_MS = 1_000;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--no-pings',
  '--password-store=basic',
  // Defence in depth: should any request slip past the interception, no host name resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  // Keeps the preview window free of the "unsupported command-line flag" bar the rule above would raise.
  '--test-type',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater',
];

/**
 * Chromium features Electron does not have, switched off so that the profile holds only what the app itself
 * causes: no password manager, no form autofill, no spell-check service.
 */
const PROFILE_PREFERENCES = {
  credentials_enable_service: false,
  profile: { password_manager_enabled: false },
  autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
  spellcheck: { use_spelling_service: false },
  translate: { enabled: false },
};

const TRUSTED: RequestContext = { trustedSender: true };

export interface LaunchOptions {
  /** The data folder; a new temp folder when absent. A folder you pass is never removed by the tests' fixture. */
  dataDir?: string;
  /** Set as the interface language (prefs.setLocale) before the page loads. */
  locale?: Locale;
  /** The core's wall clock; 'manual' gives a clock the test moves by hand (returned as `clock`). */
  now?: (() => number) | 'manual';
  /** Opens a visible window (preview); headless otherwise. */
  headed?: boolean;
  /** KDF cost of new key slots; production when absent. */
  kdfCost?: 'production' | 'test';
  /**
   * The operating system's locale as Chromium would inherit it (e.g. an en-US laptop: `{ lang: 'en-US',
   * timeZone: 'America/New_York' }`). Absent, Chromium is told the interface language, as the Electron shell does.
   */
  systemLocale?: { lang: string; timeZone: string };
}

export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export interface LaunchedApp {
  page: Page;
  context: BrowserContext;
  core: Core;
  dataDir: string;
  /** The Chromium --user-data-dir, a temp folder left on disk after close() so that it can be scanned. */
  profileDir: string;
  /** True when the harness made the data folder (the caller removes it after close()). */
  ownsDataDir: boolean;
  /** Every request the page tried outside ORIGIN: aborted at the network layer or refused by the CSP. */
  externalRequests: string[];
  /** Console errors and uncaught exceptions of the page. */
  consoleErrors: string[];
  /** Content-Security-Policy violations the page reported. */
  cspViolations: CspViolation[];
  clock?: ManualClock;
  /** The file choosers and printing: the test queues the dialogs' answers (shell-harness.ts). */
  shell: HarnessShell;
  /** Closes the browser and the core. Leaves the folders on disk: the caller removes them. */
  close(): Promise<void>;
}

/** The project root: the folder of the nearest package.json above this file (also from the preview bundle). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The harness cannot find the project folder (no package.json above it).');
    dir = parent;
  }
  return dir;
}

function manualClock(start = Date.UTC(2026, 10, 28, 9, 0, 0)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}

/** 'en-US' as a POSIX locale name, 'en_US.UTF-8', for LANG. */
function posixLocale(lang: string): string {
  return `${lang.replace('-', '_')}.UTF-8`;
}

function isOurs(url: string): boolean {
  try {
    return new URL(url).origin === ORIGIN;
  } catch {
    return false;
  }
}

function isNetworkUrl(url: string): boolean {
  return /^(https?|wss?):/i.test(url);
}

function writeProfilePreferences(profileDir: string): void {
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify(PROFILE_PREFERENCES));
}

/** Starts the core over a data folder and opens the built renderer in Chromium, wired to it. */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const rendererDir = join(buildDir(projectRoot()), 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The built renderer is missing (${rendererDir}): run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: sudo apt-get install chromium, or set POLKU_CHROMIUM.`);
  }

  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'polku-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'polku-e2e-profile-'));
  writeProfilePreferences(profileDir);
  const clock = options.now === 'manual' ? manualClock() : undefined;
  const now = clock?.now ?? (typeof options.now === 'function' ? options.now : undefined);
  const shell = createHarnessShell(CHROMIUM_PATH);
  const core = createCore({
    dataDir,
    shell,
    ...(now ? { now } : {}),
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
  });

  const externalRequests: string[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  let context: BrowserContext;
  try {
    if (options.locale) {
      const result = await core.dispatch('prefs.setLocale', { locale: options.locale }, TRUSTED);
      if (!result.ok) throw new Error(`Could not set the interface language: ${result.code}`);
    }
    const system = options.systemLocale;
    const lang = `--lang=${system?.lang ?? CHROMIUM_LANG[options.locale ?? DEFAULT_LOCALE]}`;
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: !options.headed,
      args: options.headed ? [...CHROMIUM_ARGS, lang, '--window-size=1280,860'] : [...CHROMIUM_ARGS, lang],
      ...(system
        ? {
            locale: system.lang,
            timezoneId: system.timeZone,
            env: { ...process.env, LANG: posixLocale(system.lang), LC_ALL: posixLocale(system.lang), TZ: system.timeZone },
          }
        : {}),
      // A headed window sizes the page itself; headless gets a fixed laptop-sized viewport.
      viewport: options.headed ? null : { width: 1280, height: 800 },
      serviceWorkers: 'block',
      acceptDownloads: false,
      // The preview shuts the core down itself on these signals; Playwright's own handler would exit first.
      handleSIGINT: !options.headed,
      handleSIGTERM: !options.headed,
      handleSIGHUP: !options.headed,
    });
  } catch (error) {
    core.close();
    await shell.close();
    throw error;
  }

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!isOurs(url)) {
      externalRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const file = resolveRendererFile(rendererDir, new URL(url).pathname);
    if (!file) return route.fulfill({ status: 404, headers: { ...RESPONSE_HEADERS }, body: '' });
    return route.fulfill({ status: 200, headers: { ...RESPONSE_HEADERS, 'Content-Type': file.mime }, body: file.body });
  });
  await context.routeWebSocket(/.*/, (socket) => {
    externalRequests.push(socket.url());
    void socket.close();
  });

  const page = context.pages()[0] ?? (await context.newPage());
  // Electron denies new windows; here any other page is closed at once (its requests were already counted).
  context.on('page', (other) => {
    if (other !== page) void other.close();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.exposeBinding('__polkuInvoke', (source, channel: unknown, input: unknown) => {
    if (typeof channel !== 'string') return failure('unknown_channel');
    const trustedSender = source.frame === page.mainFrame() && isOurs(source.frame.url());
    return core.dispatch(channel, input, { trustedSender });
  });
  await page.exposeBinding('__polkuCspViolation', (_source, report: unknown) => {
    if (typeof report !== 'object' || report === null) return;
    const { blockedURI, directive } = report as Record<string, unknown>;
    if (typeof blockedURI !== 'string' || typeof directive !== 'string') return;
    cspViolations.push({ blockedURI, directive });
    if (isNetworkUrl(blockedURI) && !isOurs(blockedURI)) externalRequests.push(blockedURI);
  });
  // Sent as text with a stand-in `__name`: a harness compiled with esbuild's keepNames (tsx) wraps the script's
  // inner functions in calls to a helper that exists only in Node, not in the page.
  await page.addInitScript({ content: `(() => { const __name = (fn) => fn; (${installBridge.toString()})(); })();` });

  const unsubscribe = core.subscribe((event, payload) => {
    // A page that is closing or reloading misses the event, as an Electron window being destroyed would.
    page
      .evaluate(([name, data]) => (globalThis as unknown as BridgeEmitter).__polkuEmit(name, data), [event, payload] as const)
      .catch(() => undefined);
  });
  const idleTimer = setInterval(() => core.checkIdle(), IDLE_CHECK_INTERVAL_MS);

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    clearInterval(idleTimer);
    unsubscribe();
    await context.close().catch(() => undefined);
    core.close();
    await shell.close().catch(() => undefined);
  }

  try {
    await page.goto(`${ORIGIN}/`);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    page,
    context,
    core,
    dataDir,
    profileDir,
    ownsDataDir,
    externalRequests,
    consoleErrors,
    cspViolations,
    ...(clock ? { clock } : {}),
    shell,
    close,
  };
}

interface BridgeEmitter {
  __polkuEmit(event: string, payload: unknown): void;
}

/** Waits until the screen `name` (its root's data-screen attribute) is shown. */
export async function screen(page: Page, name: string): Promise<void> {
  await page.locator(`[data-screen="${name}"]`).waitFor({ state: 'visible' });
}
