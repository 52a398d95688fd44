/**
 * The registry on a 1280 × 800 laptop in Finnish, with about two hundred participants: the list takes most of the
 * screen (at least twelve rows in view), the page itself never scrolls while the table does, the filters are
 * folded with the ones in use shown as chips, and the columns for safety flags and group are there, sortable.
 */
import { expect, screen, test } from './fixtures';
import { setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { call } from './print-flows';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const MANY = 203;
const FIRST = ['Amal', 'Bashir', 'Chen', 'Dawit', 'Elif', 'Farah', 'Goran', 'Hana', 'Idris', 'Jamila'];

/** What the measurement uses of the page's globals (the Node-side tsconfig has no DOM types). */
interface Box {
  top: number;
  bottom: number;
}
interface PageScope {
  innerHeight: number;
  scrollY: number;
  document: {
    documentElement: { scrollHeight: number };
    querySelector(
      selector: string,
    ): (Box & { scrollTop: number; scrollHeight: number; clientHeight: number; getBoundingClientRect(): Box }) | null;
    querySelectorAll(selector: string): ArrayLike<{ getBoundingClientRect(): Box }>;
  };
}

test.use({ appOptions: { locale: 'fi', kdfCost: 'test' } });

test('fits the list to a laptop screen, with one scroll, folded filters and the flag and group columns', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const s = ui(page, 'fi');
  const grid = page.getByRole('grid', { name: s.t('registry.table.label') });
  const row = (index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
  const header = (key: string) => grid.getByRole('columnheader', { name: s.t(`registry.columns.${key}`) });
  const count = (n: number) =>
    page.getByRole('status').filter({ hasText: s.t(`registry.count_${n === 1 ? 'one' : 'other'}`, { formatted: String(n) }) });

  await setUpLockedVault(app, 'fi', COORDINATOR);
  await submitNameAndPassphrase(page, 'fi', COORDINATOR.name, COORDINATOR.passphrase);
  await screen(page, 'home');
  const ids: string[] = [];
  for (let start = 0; start < MANY; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, MANY - start) }, (_, k) =>
        call<{ participant: { id: string } }>(app, 'participants.create', {
          firstName: FIRST[(start + k) % FIRST.length],
          lastName: `Sukunimi${start + k}`,
          status: 'active',
          confirmDuplicate: true,
        }),
      ),
    );
    ids.push(...batch.map((b) => b.participant.id));
  }
  // Two participants far down the list have safety flags in force; one is in a group.
  await call(app, 'flags.set', { participantId: ids[150]!, kind: 'address_confidential', note: null });
  await call(app, 'flags.set', { participantId: ids[180]!, kind: 'code_word_set', note: null });
  await call(app, 'flags.set', { participantId: ids[180]!, kind: 'no_photos', note: null });
  const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
    name: 'Kevätryhmä',
    startDate: '2027-01-11',
  });
  await call(app, 'consents.record', {
    participantId: ids[150]!,
    purpose: 'processing',
    givenOn: '2026-01-05',
    method: 'signed',
  });
  await call(app, 'cohorts.enrol', { participantId: ids[150]!, cohortId: cohort.id, startDate: '2027-01-11' });

  await page
    .getByRole('navigation')
    .getByRole('button', { name: s.t('shell.nav.participants'), exact: true })
    .click();
  await screen(page, 'participants');
  await expect(count(MANY)).toBeVisible();
  await expect(row(0)).toBeVisible();

  // At least twelve whole rows in view, and one scroll: the table's, never the page's.
  const measure = () =>
    page.evaluate(() => {
      const scope = globalThis as unknown as PageScope;
      const scroller = scope.document.querySelector('.registry-scroll')!;
      const view = scroller.getBoundingClientRect();
      const rows = Array.from(scope.document.querySelectorAll('.registry-row')).filter((r) => {
        const box = r.getBoundingClientRect();
        return box.top >= view.top && box.bottom <= Math.min(view.bottom, scope.innerHeight);
      });
      return {
        wholeRows: rows.length,
        pageOverflow: scope.document.documentElement.scrollHeight - scope.innerHeight,
        tableOverflow: scroller.scrollHeight - scroller.clientHeight,
      };
    });
  const fit = await measure();
  test.info().annotations.push({ type: 'registry at 1280 × 800', description: JSON.stringify(fit) });
  await page.screenshot({ path: '/tmp/overview-registry-fi.png' });
  expect(fit.wholeRows).toBeGreaterThanOrEqual(12);
  expect(fit.pageOverflow).toBeLessThanOrEqual(0);
  expect(fit.tableOverflow).toBeGreaterThan(0);
  await page.screenshot({ path: '/tmp/overview-registry-fi.png' });
  await page.mouse.move(640, 600);
  await page.mouse.wheel(0, 2000);
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as PageScope).document.querySelector('.registry-scroll')!.scrollTop))
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => (globalThis as unknown as PageScope).scrollY)).toBe(0);
  expect(await axeViolations(page), 'registry at 1280 × 800').toEqual([]);

  // The flag and group columns are shown by default; sorting by flags brings the flagged first.
  await expect(header('safetyFlags')).toBeVisible();
  await expect(header('cohort')).toBeVisible();
  await header('safetyFlags').getByRole('button').click();
  await header('safetyFlags').getByRole('button').click();
  await expect(header('safetyFlags')).toHaveAttribute('aria-sort', 'descending');
  await expect(row(0)).toContainText(s.t('registry.values.flags_other', { count: 2 }));
  await expect(row(1)).toContainText(s.t('registry.values.flags_one', { count: 1 }));
  await expect(row(1)).toContainText('Kevätryhmä');
  await header('cohort').getByRole('button').click();
  await expect(header('cohort')).toHaveAttribute('aria-sort', 'ascending');
  await expect(row(0)).toContainText('Kevätryhmä');

  // The filters are folded; one in use shows as a chip and in the toggle's name, and the chip removes it.
  const toggle = page.getByRole('button', { name: s.t('registry.filters.toggle'), exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('checkbox', { name: s.t('registry.filters.flagged') })).toBeHidden();
  await toggle.click();
  await page.getByRole('checkbox', { name: s.t('registry.filters.flagged') }).check();
  await expect(count(2)).toBeVisible();
  const inUse = page.getByRole('button', { name: s.t('registry.filters.toggleActive', { count: 1 }), exact: true });
  await inUse.click();
  await expect(inUse).toHaveAttribute('aria-expanded', 'false');
  const chip = page.getByRole('button', {
    name: s.t('registry.filters.chipRemove', { filter: s.t('registry.filters.flaggedChip') }),
    exact: true,
  });
  await expect(chip).toBeVisible();
  await page.screenshot({ path: '/tmp/overview-registry-chip-fi.png' });
  expect(await axeViolations(page), 'registry with a filter chip').toEqual([]);
  await chip.click();
  await expect(count(MANY)).toBeVisible();
  await expect(toggle).toBeVisible();
});
