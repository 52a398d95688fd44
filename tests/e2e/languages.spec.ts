/**
 * Finnish, Swedish and English, switched while the app runs: each screen shows exactly the text of the chosen
 * locale's file, <html lang> follows, no untranslated key shows anywhere, and the choice outlives a restart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LOCALES, type Locale } from '@shared/locales';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, restart, setUpLockedVault, text, ui, unlock, vaultStatus } from './flows';
import { openSettingsPage } from './case-flows';

const PERSON = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };

type Values = Record<string, string | number>;

/** One thing on a screen whose text comes from a locale key. */
type Expected =
  | { heading: string; level?: 1 | 2 | 3; values?: Values }
  | { label: string; values?: Values }
  | { button: string; values?: Values }
  | { text: string; values?: Values };

const SETUP: Expected[] = [
  { heading: 'setup.title' },
  { text: 'setup.intro' },
  { text: 'setup.coordinator' },
  { label: 'setup.displayName' },
  { text: 'setup.displayNameHint' },
  { label: 'setup.passphrase' },
  { text: 'passphrase.chooseHint', values: { min: 12 } },
  { label: 'setup.confirm' },
  { button: 'setup.submit' },
  { label: 'language.label' },
  { text: 'app.name' },
];

const UNLOCK: Expected[] = [
  { heading: 'unlock.title' },
  { text: 'unlock.intro' },
  { label: 'unlock.name' },
  { label: 'unlock.passphrase' },
  { button: 'unlock.submit' },
  { button: 'unlock.forgot' },
  { label: 'language.label' },
];

const HOME: Expected[] = [
  { heading: 'home.title', values: { name: PERSON.name } },
  { text: 'home.intro' },
  { text: 'home.autoLock_other', values: { count: 5 } },
  { text: 'home.lockTip', values: { shortcut: 'Ctrl+L' } },
  { heading: 'home.firstSteps', level: 2 },
  { text: 'home.stepRecoveryDone' },
  { text: 'home.stepSettings' },
  { button: 'home.openSettings' },
  { button: 'shell.nav.home' },
  { button: 'shell.nav.settings' },
  { button: 'shell.lock' },
  { text: 'roles.coordinator' },
];

/** The settings screen, page by page from the list beside it (the coordinator sees every page). */
const SETTINGS: [string, Expected[]][] = [
  [
    'language',
    [
      { heading: 'settings.title' },
      { heading: 'settingsPages.language', level: 2 },
      { heading: 'settings.language.title', level: 3 },
      { button: 'settingsPages.lock' },
      { button: 'settingsPages.keys' },
      { button: 'settingsPages.backups' },
      { button: 'settingsPages.records' },
      { button: 'settingsPages.programme' },
    ],
  ],
  [
    'lock',
    [
      { heading: 'settings.autoLock.title', level: 3 },
      { text: 'settings.autoLock.systemLock' },
      { label: 'settings.autoLock.field' },
      { button: 'settings.autoLock.submit' },
      { heading: 'lastUserName.title', level: 3 },
      { label: 'lastUserName.field' },
      { heading: 'settings.passphrase.title', level: 3 },
      { label: 'settings.passphrase.current' },
      { label: 'settings.passphrase.next' },
      { label: 'settings.passphrase.again' },
      { button: 'settings.passphrase.submit' },
    ],
  ],
  [
    'keys',
    [
      { heading: 'settings.recovery.title', level: 3 },
      { text: 'settings.recovery.confirmed' },
      { button: 'settings.recovery.start' },
      { heading: 'settings.rotate.title', level: 3 },
      { label: 'settings.rotate.passphrase' },
      { button: 'settings.rotate.submit' },
      { heading: 'settings.verify.title', level: 3 },
      { button: 'settings.verify.submit' },
    ],
  ],
];

/** An i18n key's shape: lower-case words joined by dots, as a screen would show it had its translation gone missing. */
const RAW_KEY = /^[a-z]+(\.[a-zA-Z0-9_]+)+$/;

/** Every text node and every text-bearing attribute of the page that looks like an i18n key. */
async function rawKeysOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    const found: string[] = [doc.title];
    const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node.nodeValue ?? '');
    for (const element of doc.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) found.push(element.getAttribute(name) ?? '');
    }
    return found;
  });
  return texts.map((value) => value.trim()).filter((value) => RAW_KEY.test(value));
}

interface PageDocument {
  title: string;
  documentElement: unknown;
  createTreeWalker(root: unknown, whatToShow: number): { nextNode(): { nodeValue: string | null } | null };
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
}

/** The screen shows each expected text of `locale`, declares the language, and shows no raw key. */
async function expectScreenIn(page: Page, locale: Locale, expected: readonly Expected[]): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  for (const item of expected) {
    if ('heading' in item) {
      const name = text(locale, item.heading, item.values);
      await expect(
        page.getByRole('heading', { level: item.level ?? 1, name, exact: true }),
        `${locale} ${item.heading}`,
      ).toBeVisible();
    } else if ('label' in item) {
      await expect(
        page.getByLabel(text(locale, item.label, item.values), { exact: true }),
        `${locale} ${item.label}`,
      ).toBeVisible();
    } else if ('button' in item) {
      const name = text(locale, item.button, item.values);
      await expect(page.getByRole('button', { name, exact: true }), `${locale} ${item.button}`).toBeVisible();
    } else {
      const content = text(locale, item.text, item.values);
      await expect(page.getByText(content, { exact: true }).first(), `${locale} ${item.text}`).toBeVisible();
    }
  }
  expect(await rawKeysOnPage(page)).toEqual([]);
}

/** Picks a language from the menu, which is labelled in the language shown now. */
async function chooseLanguage(page: Page, from: Locale, to: Locale): Promise<void> {
  await page.getByRole('combobox', { name: text(from, 'language.label'), exact: true }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

function rememberedLocale(dataDir: string): unknown {
  return JSON.parse(readFileSync(join(dataDir, 'polku.prefs.json'), 'utf8')) as unknown;
}

test('the setup screen speaks each language chosen from its menu, and the choice is remembered', async ({ app }) => {
  const { page } = app;
  await screen(page, 'setup');
  await expectScreenIn(page, 'fi', SETUP);

  let shown: Locale = 'fi';
  for (const next of ['sv', 'en', 'fi'] as const) {
    await chooseLanguage(page, shown, next);
    shown = next;
    await expectScreenIn(page, next, SETUP);
    // Each language names itself in the menu, whatever the interface language.
    for (const locale of LOCALES) {
      await expect(page.locator(`option[value="${locale}"]`)).toHaveText(text(locale, `language.names.${locale}`));
    }
    await expect.poll(async () => (await vaultStatus(app)).locale).toBe(next);
    expect(rememberedLocale(app.dataDir)).toEqual({ locale: next });
  }
  expectCleanRun(app);
});

test('unlock, home and settings speak each language chosen on the locked screen and in Settings, also after a restart', async ({
  app,
}) => {
  const { page } = app;
  await setUpLockedVault(app, 'fi', PERSON);
  await expectScreenIn(page, 'fi', UNLOCK);
  await chooseLanguage(page, 'fi', 'sv');
  await expectScreenIn(page, 'sv', UNLOCK);
  await chooseLanguage(page, 'sv', 'en');
  await expectScreenIn(page, 'en', UNLOCK);

  await unlock(page, 'en', PERSON.passphrase);
  await expectScreenIn(page, 'en', HOME);

  let shown: Locale = 'en';
  for (const next of ['en', 'fi', 'sv'] as const) {
    const s = ui(page, shown);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.settings'), exact: true })
      .click();
    await screen(page, 'settings');
    if (next !== shown) await chooseLanguage(page, shown, next);
    shown = next;
    for (const [settingsPage, expected] of SETTINGS) {
      await openSettingsPage(page, next, settingsPage);
      await expectScreenIn(page, next, expected);
    }
    await page
      .getByRole('navigation')
      .getByRole('button', { name: text(next, 'shell.nav.home'), exact: true })
      .click();
    await screen(page, 'home');
    await expectScreenIn(page, next, HOME);
  }
  expect(rememberedLocale(app.dataDir)).toEqual({ locale: 'sv' });
  expectCleanRun(app);

  // Polku started again over the same data folder opens in Swedish before anyone unlocks it.
  const again = await restart(app);
  try {
    await screen(again.page, 'unlock');
    await expectScreenIn(again.page, 'sv', UNLOCK);
    await unlock(again.page, 'sv', PERSON.passphrase);
    await expectScreenIn(again.page, 'sv', HOME);
    expectCleanRun(again);
  } finally {
    await again.close();
  }
});
