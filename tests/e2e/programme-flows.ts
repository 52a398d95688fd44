/**
 * Steps the programme's specs share: the way to a cohort's page through the menu, and a participant's row in the
 * attendance grid. Controls are found by role and translated name.
 */
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { screen } from './fixtures';
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
