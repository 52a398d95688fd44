/**
 * Steps the programme's specs share: the way to a cohort's page through the menu, and a participant's row in the
 * attendance grid. Controls are found by role and translated name.
 */
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { expect, screen } from './fixtures';
import { ui } from './flows';

/** From anywhere in the app: the programme in the menu, then the cohort by its name; waits for the cohort's page. */
export async function openCohort(page: Page, locale: Locale, name: string): Promise<void> {
  const s = ui(page, locale);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: s.t('shell.nav.programme'), exact: true })
    .click();
  await screen(page, 'programme');
  await page.getByRole('button', { name, exact: true }).click();
  await screen(page, 'cohort');
}

/** The attendance grid's row of a participant, by the name in its row header. */
export function rowOf(grid: Locator, name: string): Locator {
  return grid.getByRole('row').filter({ has: grid.page().getByRole('rowheader', { name: new RegExp(`^${name} `) }) });
}

/**
 * A programme week on the cohort's page, "Viikko 3 / 10 · …", opened if it is folded; the region holds its
 * sessions and its actions.
 */
export async function openWeek(page: Page, locale: Locale, number: number, total: number): Promise<Locator> {
  const s = ui(page, locale);
  const week = s.t('programme.week.of', { number, total });
  const region = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(week)} · `) });
  const toggle = region.getByRole('button', { name: new RegExp(`^${escapeRegExp(week)} · `) });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return region;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
