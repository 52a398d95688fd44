/**
 * Steps the end-to-end specs share: the interface text read from the locale files, the vault's first-run and
 * unlock flows as a person does them, calls to the main side, a second start over the same data folder, and
 * the checks every spec ends with. Controls are found by role and translated name, never by CSS structure.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { expect, screen, type E2EApp } from './fixtures';
import { findElectronBinary, launchElectronApp } from './electron-app';
import { launchApp, projectRoot, type CspViolation } from '../../scripts/browser-app/harness';

type Catalogue = { [key: string]: string | Catalogue };

/** A locale's base file with its feature parts merged in, as shared/i18n/bundles.ts does. */
function readCatalogue(locale: Locale): Catalogue {
  const dir = join(projectRoot(), 'shared', 'i18n');
  const base = JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Catalogue;
  const partsDir = join(dir, 'parts');
  const parts = existsSync(partsDir) ? readdirSync(partsDir).filter((f) => f.endsWith(`.${locale}.json`)) : [];
  for (const file of parts) Object.assign(base, JSON.parse(readFileSync(join(partsDir, file), 'utf8')) as Catalogue);
  return base;
}

const CATALOGUES: Record<Locale, Catalogue> = { fi: readCatalogue('fi'), sv: readCatalogue('sv'), en: readCatalogue('en') };

/** A locale file's text for a dotted key with its {{placeholders}} filled in; a missing key fails the test. */
export function text(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Catalogue | undefined = CATALOGUES[locale];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`The ${locale} locale file has no text for ${key}.`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for a text whose placeholders are filled in at run time (a countdown, a count). */
export function textPattern(locale: Locale, key: string): RegExp {
  const parts = text(locale, key).split(/\{\{\w+\}\}/);
  return new RegExp(`^${parts.map(escapeRegExp).join('.+')}$`);
}

/** The controls of one locale, by role and the translated name from the locale file. */
export function ui(page: Page, locale: Locale) {
  const t = (key: string, values?: Record<string, string | number>) => text(locale, key, values);
  return {
    t,
    field: (key: string) => page.getByLabel(t(key), { exact: true }),
    button: (key: string) => page.getByRole('button', { name: t(key), exact: true }),
    heading: (key: string, values?: Record<string, string | number>) =>
      page.getByRole('heading', { level: 1, name: t(key, values), exact: true }),
    alert: () => page.getByRole('alert'),
    status: (key: string, values?: Record<string, string | number>) =>
      page.getByRole('status').filter({ hasText: t(key, values) }),
  };
}

/** Anything a test needs to call the main side with: the core in this process, or the page's own bridge. */
export async function invokeMain(app: E2EApp, channel: string, input: object = {}): Promise<unknown> {
  if (app.core) return app.core.dispatch(channel, input, { trustedSender: true });
  return app.page.evaluate(
    ([name, data]) =>
      (globalThis as unknown as { polku: { invoke(c: string, i: unknown): Promise<unknown> } }).polku.invoke(name, data),
    [channel, input] as const,
  );
}

export interface VaultStatus {
  state: 'uninitialized' | 'locked' | 'unlocked' | 'broken';
  problem: string | null;
  session: { displayName: string; mustChangePassphrase: boolean; recoveryPending: boolean } | null;
  retryAfterMs: number;
  locale: Locale;
}

/** What the main side says about the vault, asked directly rather than read from the screen. */
export async function vaultStatus(app: E2EApp): Promise<VaultStatus> {
  const result = (await invokeMain(app, 'vault.status')) as { ok: boolean; value?: VaultStatus };
  if (!result.ok || !result.value) throw new Error('vault.status failed.');
  return result.value;
}

/** The recovery code as the recovery-code screen shows it, group by group. */
export async function readRecoveryCode(page: Page): Promise<string> {
  await screen(page, 'recovery-code');
  const groups = await page.locator('[data-screen="recovery-code"] [role="img"] .recovery-code-group').allInnerTexts();
  const code = groups.map((group) => group.trim()).join('-');
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
  return code;
}

/** The same code with its first character changed to another valid one: well-formed, but wrong. */
export function wrongRecoveryCode(code: string): string {
  return `${code.startsWith('7') ? '8' : '7'}${code.slice(1)}`;
}

export interface Person {
  name: string;
  passphrase: string;
}

/** First run through the setup screen; returns the recovery code shown afterwards. */
export async function setUpThroughScreens(page: Page, locale: Locale, person: Person): Promise<string> {
  const s = ui(page, locale);
  await screen(page, 'setup');
  await s.field('setup.displayName').fill(person.name);
  await s.field('setup.passphrase').fill(person.passphrase);
  await s.field('setup.confirm').fill(person.passphrase);
  await s.button('setup.submit').click();
  return readRecoveryCode(page);
}

/** From the recovery-code screen: "written down", then the code typed back, ending on home. */
export async function confirmRecoveryCode(page: Page, locale: Locale, code: string): Promise<void> {
  const s = ui(page, locale);
  await s.button('recoveryCode.written').click();
  await screen(page, 'recovery-confirm');
  await s.field('recoveryConfirm.field').fill(code);
  await s.button('recoveryConfirm.submit').click();
}

/**
 * A confirmed, locked vault made through the main side (quicker than the screens where setup is not the
 * subject), with the page reloaded onto the unlock screen. Returns the recovery code.
 */
export async function setUpLockedVault(app: E2EApp, locale: Locale, person: Person): Promise<string> {
  await screen(app.page, 'setup');
  const setup = (await invokeMain(app, 'vault.setup', { displayName: person.name, passphrase: person.passphrase, locale })) as {
    ok: boolean;
    value?: { recoveryCode: string };
  };
  const code = setup.value?.recoveryCode;
  if (!setup.ok || !code) throw new Error('vault.setup failed.');
  expect(await invokeMain(app, 'vault.confirmRecoveryCode', { recoveryCode: code })).toMatchObject({ ok: true });
  expect(await invokeMain(app, 'vault.lock')).toMatchObject({ ok: true });
  await app.page.reload();
  await screen(app.page, 'unlock');
  return code;
}

/** Types a passphrase on the unlock screen and presses the Unlock button. */
export async function submitPassphrase(page: Page, locale: Locale, passphrase: string): Promise<void> {
  const s = ui(page, locale);
  await screen(page, 'unlock');
  await s.field('unlock.passphrase').fill(passphrase);
  await s.button('unlock.submit').click();
}

/** Unlocks with the passphrase and waits for the home screen. */
export async function unlock(page: Page, locale: Locale, passphrase: string): Promise<void> {
  await submitPassphrase(page, locale, passphrase);
  await screen(page, 'home');
}

/**
 * Playwright's fake clock is a script it puts into every frame; the print preview's sandbox refuses it there, and
 * the browser says so on the console. That refusal is the sandbox at work, not a fault of the app.
 */
const CLOCK_IN_PREVIEW = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

/**
 * What every spec asserts at its end: no request left the app, no console error, no policy violation. A spec that
 * set Playwright's fake clock and opened a print preview says `fakeClock`, so that the sandbox's refusal of the
 * clock's script is not counted as an error of the app.
 */
export function expectCleanRun(
  run: Pick<E2EApp, 'externalRequests' | 'consoleErrors' | 'cspViolations'>,
  options: { fakeClock?: boolean } = {},
): void {
  expect(run.externalRequests, 'requests outside the app').toEqual([]);
  const errors = options.fakeClock ? run.consoleErrors.filter((line) => !CLOCK_IN_PREVIEW.test(line)) : run.consoleErrors;
  expect(errors, 'console errors').toEqual([]);
  expect(run.cspViolations, 'content-security-policy violations').toEqual([]);
}

export interface Relaunched {
  page: Page;
  externalRequests: string[];
  consoleErrors: string[];
  cspViolations: CspViolation[];
  /** Closes the app and removes its browser profile; the data folder stays with the fixture. */
  close(): Promise<void>;
}

/** Ends `app` and starts the same kind of app again over its data folder, as a person restarting Polku would. */
export async function restart(app: E2EApp): Promise<Relaunched> {
  await app.close();
  if (app.kind === 'browser') {
    const launched = await launchApp({ dataDir: app.dataDir });
    return {
      ...launched,
      async close() {
        await launched.close();
        rmSync(launched.profileDir, { recursive: true, force: true });
      },
    };
  }
  const binary = findElectronBinary(projectRoot());
  if (!binary.present) throw new Error(`Electron binary not present: ${binary.reason}`);
  const launched = await launchElectronApp({ binary: binary.path, projectRoot: projectRoot(), dataDir: app.dataDir });
  return {
    ...launched,
    async close() {
      await launched.close();
      rmSync(launched.profileDir, { recursive: true, force: true });
    },
  };
}

/** Calls a channel through the page's own bridge (window.polku), exactly as the renderer would. */
export async function invokeFromPage(page: Page, channel: string, input: object = {}): Promise<unknown> {
  return page.evaluate(
    ([name, data]) =>
      (globalThis as unknown as { polku: { invoke(c: string, i: unknown): Promise<unknown> } }).polku.invoke(name, data),
    [channel, input] as const,
  );
}

/** Types a name and a passphrase on the unlock screen, as a colleague does, and presses the Unlock button. */
export async function submitNameAndPassphrase(page: Page, locale: Locale, name: string, passphrase: string): Promise<void> {
  const s = ui(page, locale);
  await screen(page, 'unlock');
  await s.field('unlock.name').fill(name);
  await s.field('unlock.passphrase').fill(passphrase);
  await s.button('unlock.submit').click();
}

/** The one-time passphrase as the staff page shows it, group by group. */
export async function readOneTimePassphrase(page: Page): Promise<string> {
  const groups = page.locator('[data-screen="staff"] [role="img"] .one-time-passphrase-group');
  await groups.first().waitFor({ state: 'visible' });
  const passphrase = (await groups.allInnerTexts()).map((group) => group.trim()).join('-');
  expect(passphrase).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return passphrase;
}
