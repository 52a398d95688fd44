/**
 * The accessibility check every end-to-end spec makes of the page as it stands.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The axe-core violations on the page, as rule, impact and where. `exclude` leaves out a part (e.g. 'iframe' for a
 * print preview, whose sandboxed document axe cannot enter). Legacy mode runs axe inside the page itself: the default
 * mode finishes in a second, blank page, which the harness closes at once as Electron would deny it.
 */
export async function axeViolations(page: Page, options: { exclude?: string } = {}) {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (options.exclude) builder.exclude(options.exclude);
  const results = await builder.analyze();
  expect(results.passes.length, 'axe-core checked nothing').toBeGreaterThan(0);
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    where: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
