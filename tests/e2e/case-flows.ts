/**
 * Steps of the case-file spec as a member of staff takes them on the screens: adding a colleague on the staff
 * page, a colleague's first unlock, switching who sits at the laptop, opening a participant's file and one of its
 * tabs, and reading the page's whole visible text. Controls are found by role and translated name.
 */
import type { Page } from '@playwright/test';
import { addDays, today } from '@shared/days';
import type { Locale } from '@shared/locales';
import { expect, screen } from './fixtures';
import { readOneTimePassphrase, submitNameAndPassphrase, ui, type Person } from './flows';

/** A button of the main navigation, by its translated name. */
function navButton(page: Page, locale: Locale, key: string) {
  return page.getByRole('navigation').getByRole('button', { name: ui(page, locale).t(`shell.nav.${key}`), exact: true });
}

/** Goes to a page of the main navigation (`shell.nav.<key>`) and waits for its screen. */
export async function goTo(page: Page, locale: Locale, key: string, screenName: string): Promise<void> {
  await navButton(page, locale, key).click();
  await screen(page, screenName);
}

/**
 * On the staff page, as the coordinator (typing her own passphrase again): adds a colleague in a role and returns the one-time passphrase shown
 * once, closing the panel afterwards.
 */
export async function addColleagueOnStaffPage(
  page: Page,
  locale: Locale,
  name: string,
  role: string,
  coordinatorPassphrase: string,
): Promise<string> {
  const s = ui(page, locale);
  await goTo(page, locale, 'staff', 'staff');
  await s.button('staff.add.open').click();
  await s.field('staff.add.name').fill(name);
  await s.field('staff.add.role').selectOption({ label: s.t(`roles.${role}`) });
  await s.field('passphrase.current').fill(coordinatorPassphrase);
  await s.button('staff.add.submit').click();
  const oneTime = await readOneTimePassphrase(page);
  await expect(page.getByText(s.t('staff.issued.created', { name, role: s.t(`roles.${role}`) }))).toBeVisible();
  await s.button('staff.issued.done').click();
  await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })).toHaveCount(1);
  return oneTime;
}

/** Locks Polku from the header; the unlock screen follows. */
export async function lock(page: Page, locale: Locale): Promise<void> {
  await ui(page, locale).button('shell.lock').click();
  await screen(page, 'unlock');
}

/** Locks, then unlocks as `person` by name and passphrase, ending on the home screen. */
export async function switchTo(page: Page, locale: Locale, person: Person): Promise<void> {
  await lock(page, locale);
  await submitNameAndPassphrase(page, locale, person.name, person.passphrase);
  await screen(page, 'home');
}

/** A colleague's first unlock: name and one-time passphrase, then their own passphrase, ending on home. */
export async function firstUnlock(
  page: Page,
  locale: Locale,
  person: Person,
  oneTime: string,
  /** A psychologist's first unlock makes the key to the private notes: its recovery code is shown once, here. */
  onPrivateKeyCode?: () => Promise<void>,
): Promise<void> {
  const s = ui(page, locale);
  await lock(page, locale);
  await submitNameAndPassphrase(page, locale, person.name, oneTime);
  await screen(page, 'new-passphrase');
  await s.field('newPassphrase.next').fill(person.passphrase);
  await s.field('newPassphrase.again').fill(person.passphrase);
  await s.button('newPassphrase.submit').click();
  if (onPrivateKeyCode) {
    await screen(page, 'private-key-code');
    await onPrivateKeyCode();
    await s.button('recoveryCode.written').click();
  }
  await screen(page, 'home');
  await expect(s.heading('home.title', { name: person.name })).toBeVisible();
}

/** Opens the participant whose registry row shows `rowText`, from the participants page. */
export async function openFile(page: Page, locale: Locale, rowText: string): Promise<void> {
  await goTo(page, locale, 'participants', 'participants');
  await page
    .getByRole('grid', { name: ui(page, locale).t('registry.table.label') })
    .getByRole('row')
    .filter({ hasText: rowText })
    .click();
  await screen(page, 'participant');
}

/** Chooses a tab of the open file (`case.tabs.<key>`) and returns its panel. */
export async function openTab(page: Page, locale: Locale, key: string) {
  const name = ui(page, locale).t(`case.tabs.${key}`);
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel', { name });
}

/** Everything the page shows as text, as a person (or a screen reader's text view) would read it. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
}

/** The local calendar day `offset` days from today, as a date field takes it. */
export function localDay(offset = 0): string {
  return addDays(today(), offset);
}

/** On the settings screen, opens one of its pages (`settingsPages.<key>`) from the list beside it. */
export async function openSettingsPage(page: Page, locale: Locale, key: string): Promise<void> {
  const s = ui(page, locale);
  const name = s.t(`settingsPages.${key}`);
  const button = page.getByRole('navigation', { name: s.t('settingsPages.navLabel') }).getByRole('button', { name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}
