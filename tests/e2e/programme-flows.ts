/**
 * Steps the programme's specs share: an accessibility check of the page as it stands, the way to a cohort's page
 * through the menu, and a participant's row in the attendance grid. Controls are found by role and translated name.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Locale } from '@shared/locales';
import { expect, screen } from './fixtures';
import { ui } from './flows';

/**
 * The axe-core violations on the page, as rule and where; `exclude` leaves out a part (e.g. 'iframe' for a print
 * preview, whose sandboxed document axe cannot enter). Legacy mode runs axe inside the page itself (see audit.spec.ts).
 */
export async function axeViolations(page: Page, options: { exclude?: string } = {}) {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (options.exclude) builder.exclude(options.exclude);
  const results = await builder.analyze();
  expect(results.passes.length, 'axe-core checked nothing').toBeGreaterThan(0);
  return results.violations.map((violation) => ({ rule: violation.id, where: violation.nodes.map((n) => n.target.join(' ')) }));
}

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
