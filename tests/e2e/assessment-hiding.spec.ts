/**
 * The coordinator hides an item of the assessment form from new assessments and shows it again, in Finnish: the
 * settings page lists the current version's items by domain, each with its button named after the item; the
 * audit view names the item by its wording and the form by its version. A caseworker has no such page. Axe on the
 * page in both states.
 */
import { mkdirSync } from 'node:fs';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { goTo, lock, openSettingsPage } from './case-flows';
import { CASEWORKER, COORDINATOR, addColleague } from './print-flows';
import { axeViolations } from './axe';

const LOCALE = 'fi';
const SHOTS = '/tmp/assessment-hiding-shots';
const ITEM = 'Videopuhelut';

test.describe('hiding an item of the assessment form', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('the coordinator hides an item from new assessments and shows it again; the log names it; a caseworker has no such page', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const s = ui(page, LOCALE);
    mkdirSync(SHOTS, { recursive: true });
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await addColleague(app, CASEWORKER, 'caseworker');

    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await goTo(page, LOCALE, 'settings', 'settings');
    await openSettingsPage(page, LOCALE, 'assessments');
    await expect(page.getByText(s.t('assessments.hiding.intro'))).toBeVisible();
    await expect(page.getByText(s.t('assessments.hiding.version', { version: 1 }))).toBeVisible();
    // The items by domain, in the interface language, under the domain's one name.
    const digital = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { level: 4, name: s.t('assessments.domains.digital'), exact: true }) });
    const line = digital.getByRole('listitem').filter({ hasText: ITEM });
    await expect(line).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);

    await line.getByRole('button', { name: s.t('assessments.hiding.hideOf', { item: ITEM }), exact: true }).click();
    await expect(s.status('assessments.hiding.hidden', { item: ITEM })).toBeVisible();
    await expect(line).toContainText(s.t('assessments.hiding.hiddenTag'));
    const show = line.getByRole('button', { name: s.t('assessments.hiding.showOf', { item: ITEM }), exact: true });
    await expect(show).toHaveText(s.t('assessments.hiding.show'));
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/hidden-fi.png` });
    expect(await axeViolations(page)).toEqual([]);

    // Shown again, by keyboard.
    await show.focus();
    await page.keyboard.press('Enter');
    await expect(s.status('assessments.hiding.shown', { item: ITEM })).toBeVisible();
    await expect(line).not.toContainText(s.t('assessments.hiding.hiddenTag'));
    await expect(line.getByRole('button', { name: s.t('assessments.hiding.hideOf', { item: ITEM }), exact: true })).toBeVisible();

    // The audit view names the item by its wording and the form by its version, never `item:digital.videoCalls`.
    await goTo(page, LOCALE, 'audit', 'audit');
    const rows = page.getByRole('table', { name: s.t('audit.table.caption') }).locator('tbody tr');
    const hiding = rows.filter({ hasText: s.t('audit.actions.assessments.hideItem') });
    await expect(hiding).toHaveCount(1);
    await expect(hiding).toContainText(s.t('audit.detail.item', { item: ITEM }));
    await expect(hiding).toContainText(s.t('audit.concerns.instrument', { version: 1 }));
    await expect(rows.filter({ hasText: s.t('audit.actions.assessments.showItem') })).toContainText(
      s.t('audit.detail.item', { item: ITEM }),
    );
    await expect(page.getByText('item:digital.videoCalls')).toHaveCount(0);

    // A caseworker's settings have no such page.
    await lock(page, LOCALE);
    await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    await goTo(page, LOCALE, 'settings', 'settings');
    await expect(
      page
        .getByRole('navigation', { name: s.t('settingsPages.navLabel') })
        .getByRole('button', { name: s.t('settingsPages.assessments') }),
    ).toHaveCount(0);
    expectCleanRun(app);
  });
});
