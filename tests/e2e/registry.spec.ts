/**
 * The participant registry end to end, over ten thousand participants in the real encrypted database: the
 * total and the last rows, keyboard movement between rows, sorting on the main side, the status filter, the
 * quick search, the column chooser, a saved view applied again after a restart, and opening a file. The
 * registry passes axe-core, and a teacher sees only codes, first names and groups. Scrolling smoothness is measured
 * and reported (not asserted: the figure depends on the machine).
 */
import type { Page } from '@playwright/test';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, restart, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { call, signInAsNewColleague } from './print-flows';

const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const CASEWORKER = 'Kalle Ohjaaja';
const TEACHER = { name: 'Olli Opettaja', passphrase: 'sininen vene ja kaksi airoa' };
const FIRST = ['Amal', 'Bashir', 'Chen', 'Dawit', 'Elif', 'Farah', 'Goran', 'Hana', 'Idris', 'Jamila'];
const LAST = ['Abebe', 'Bakr', 'Costa', 'Demir', 'Eze', 'Fofana', 'Gashi', 'Haddad', 'Ibrahim', 'Jovanovic', 'Kaya', 'Yilmaz'];
const MANY = 10_000;
/** The one participant with accents in her names, for the quick search. */
const ADELINA = 4_321;

/**
 * `count` participants through participants.create, in batches: participant i is active when i is divisible
 * by 4 (so a quarter are), referred otherwise; responsibility alternates between two members of staff.
 */
async function createParticipants(app: E2EApp, count: number, responsible: readonly string[]): Promise<void> {
  const BATCH = 250;
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => start + k);
    await Promise.all(
      batch.map((i) =>
        call(app, 'participants.create', {
          firstName: i === ADELINA ? 'Ädelina' : FIRST[i % FIRST.length],
          lastName: i === ADELINA ? 'Öberg' : LAST[i % LAST.length],
          languages: i % 3 === 0 ? ['fi', 'ar'] : ['en'],
          status: i % 4 === 0 ? 'active' : 'referred',
          responsibleCaseworkerId: responsible[i % responsible.length],
        }),
      ),
    );
  }
}

/** What the measurements use of the page's globals (the Node-side tsconfig has no DOM types). */
interface PageScope {
  document: { querySelector(selector: string): { scrollTop: number } | null };
  requestAnimationFrame(callback: () => void): number;
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string }): void;
    disconnect(): void;
  };
  localStorage: { length: number };
  sessionStorage: { length: number };
  indexedDB: { databases(): Promise<unknown[]> };
}

interface FrameReport {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  over50Ms: number;
  longTasks: number;
}

/** Scrolls the table by `step` pixels a frame for `frames` frames and reports how long each frame took. */
async function measureScroll(page: Page, step: number, frames: number): Promise<FrameReport> {
  const times = await page.evaluate(
    async ([by, count]) => {
      const scope = globalThis as unknown as PageScope;
      const scroller = scope.document.querySelector('.registry-scroll');
      if (!scroller) throw new Error('no registry table');
      const longTasks: number[] = [];
      const observer = new scope.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const intervals: number[] = [];
      let last = performance.now();
      for (let i = 0; i < count; i++) {
        scroller.scrollTop += by;
        await new Promise<void>((resolve) => scope.requestAnimationFrame(resolve));
        const now = performance.now();
        intervals.push(now - last);
        last = now;
      }
      observer.disconnect();
      return { intervals, longTasks: longTasks.length };
    },
    [step, frames] as const,
  );
  const sorted = [...times.intervals].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: sorted.length,
    meanMs: round(sorted.reduce((sum, t) => sum + t, 0) / sorted.length),
    p95Ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    maxMs: round(sorted.at(-1) ?? 0),
    over50Ms: sorted.filter((t) => t > 50).length,
    longTasks: times.longTasks,
  };
}

test.describe('the participant registry', () => {
  test.use({ appOptions: { locale: 'en', kdfCost: 'test' } });

  test('shows ten thousand participants, sorts, filters, searches, keeps a saved view over a restart and opens a file', async ({
    app,
  }) => {
    test.setTimeout(360_000);
    const { page } = app;
    const s = ui(page, 'en');
    const grid = page.getByRole('grid', { name: s.t('registry.table.label') });
    const row = (index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
    const count = (n: number) =>
      page
        .getByRole('status')
        .filter({ hasText: s.t(`registry.count_${n === 1 ? 'one' : 'other'}`, { formatted: n.toLocaleString('en') }) });
    const header = (key: string) => grid.getByRole('columnheader', { name: s.t(`registry.columns.${key}`) });
    const nav = (key: string) => page.getByRole('navigation').getByRole('button', { name: s.t(`shell.nav.${key}`), exact: true });

    await setUpLockedVault(app, 'en', COORDINATOR);
    await submitNameAndPassphrase(page, 'en', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    const coordinatorId = (await call<{ session: { userId: string } }>(app, 'vault.status')).session.userId;
    const caseworker = await call<{ user: { id: string } }>(app, 'users.create', {
      displayName: CASEWORKER,
      role: 'caseworker',
      currentPassphrase: COORDINATOR.passphrase,
    });

    // An empty registry says so, and how to begin.
    await nav('participants').click();
    await screen(page, 'participants');
    await expect(page.getByRole('status').filter({ hasText: s.t('registry.empty.title') })).toBeVisible();
    await expect(page.getByText(s.t('registry.empty.write'))).toBeVisible();
    await expect(s.button('registry.newParticipant')).toBeVisible();

    const seeding = Date.now();
    await createParticipants(app, MANY, [coordinatorId, caseworker.user.id]);
    test.info().annotations.push({ type: 'seed', description: `${MANY} participants created in ${Date.now() - seeding} ms` });
    const year = (await call<{ rows: { pseudonym: string }[] }>(app, 'participants.list', { limit: 1 })).rows[0]!.pseudonym.slice(
      2,
      6,
    );
    const code = (n: number) => `P-${year}-${String(n).padStart(3, '0')}`;

    // The total from the main side sets the table's length; the first rows are there at once.
    await nav('home').click();
    await nav('participants').click();
    await expect(count(MANY)).toBeVisible();
    await expect(grid).toHaveAttribute('aria-rowcount', String(MANY + 1));
    await expect(row(0).getByRole('rowheader')).toHaveText(code(1));
    await expect(row(0)).toContainText(s.t('participant.status.active'));
    expect(await axeViolations(page), 'registry with ten thousand rows').toEqual([]);

    // Scrolling: measured, then to the very end, where the last rows arrive in place of placeholders.
    const steady = await measureScroll(page, 120, 240);
    const jumps = await measureScroll(page, 7_000, 60);
    const report = `steady scroll (120 px a frame): ${JSON.stringify(steady)}; jumps (7000 px a frame): ${JSON.stringify(jumps)}`;
    test.info().annotations.push({ type: 'scroll frames at 10 000 rows', description: report });
    process.stdout.write(`\nregistry scroll frames at ${MANY} rows — ${report}\n`);
    await page.locator('.registry-scroll').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
    await expect(row(MANY - 1).getByRole('rowheader')).toHaveText(code(MANY));
    await expect(row(MANY - 2).getByRole('rowheader')).toHaveText(code(MANY - 1));

    // The keyboard moves between rows; the grid keeps one tab stop.
    await row(MANY - 1).focus();
    await page.keyboard.press('ArrowUp');
    await expect(row(MANY - 2)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(row(0)).toBeFocused();
    await expect(row(0).getByRole('rowheader')).toHaveText(code(1));
    await page.keyboard.press('ArrowDown');
    await expect(row(1)).toBeFocused();
    await expect(grid.locator('[role="row"][tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('End');
    await expect(row(MANY - 1)).toBeFocused();
    await expect(row(MANY - 1).getByRole('rowheader')).toHaveText(code(MANY));

    // Sorting happens on the main side, by a click on a column header, and the header says so.
    await header('lastName').getByRole('button').click();
    await expect(header('lastName')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('pseudonym')).not.toHaveAttribute('aria-sort');
    await expect(row(0).getByRole('rowheader')).toHaveText(code(1));
    await header('lastName').getByRole('button').click();
    await expect(header('lastName')).toHaveAttribute('aria-sort', 'descending');
    await expect(row(0)).toContainText(LAST.at(-1)!);
    await expect(row(0).getByRole('rowheader')).toHaveText(code(12));

    // Filtering by status, under the folded filters: a quarter of them are active.
    const filtersToggle = page.getByRole('button', { name: new RegExp(`^${s.t('registry.filters.toggle')}`) });
    await filtersToggle.click();
    await expect(filtersToggle).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('checkbox', { name: s.t('participant.status.active') }).check();
    await expect(count(MANY / 4)).toBeVisible();
    await expect(grid).toHaveAttribute('aria-rowcount', String(MANY / 4 + 1));
    // The active participant with the last surname in the alphabet (Ibrahim) comes first: i = 8.
    await expect(row(0).getByRole('rowheader')).toHaveText(code(9));
    await expect(row(0)).toContainText(s.t('participant.status.active'));

    // The quick search ignores case and accents, and combines with the filter; no match says what to try.
    const search = s.field('registry.filters.search');
    await search.fill('adelina');
    await expect(page.getByRole('status').filter({ hasText: s.t('registry.noMatches.title') })).toBeVisible();
    await expect(page.getByText(s.t('registry.noMatches.advice'))).toBeVisible();
    await page.getByRole('checkbox', { name: s.t('participant.status.active') }).uncheck();
    await expect(count(1)).toBeVisible();
    await expect(row(0)).toContainText('Ädelina');
    await expect(row(0)).toContainText('Öberg');
    await page.getByRole('button', { name: s.t('registry.filters.clear') }).click();
    await expect(search).toHaveValue('');
    await expect(count(MANY)).toBeVisible();
    await page.getByRole('checkbox', { name: s.t('participant.status.active') }).check();
    await expect(count(MANY / 4)).toBeVisible();

    // The column chooser, with the keyboard: the code stays; Escape closes it and returns focus.
    const columnsButton = s.button('registry.columnChooser.button');
    await columnsButton.focus();
    await page.keyboard.press('Enter');
    await expect(columnsButton).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('checkbox', { name: s.t('registry.columns.pseudonym') })).toBeDisabled();
    expect(await axeViolations(page), 'registry with the column chooser open').toEqual([]);
    await page.getByRole('checkbox', { name: s.t('registry.columns.responsibleCaseworker') }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: s.t('registry.columns.languages') }).check();
    await page.keyboard.press('Escape');
    await expect(columnsButton).toBeFocused();
    await expect(columnsButton).toHaveAttribute('aria-expanded', 'false');
    await expect(header('responsibleCaseworker')).toHaveCount(0);
    await expect(header('languages')).toBeVisible();
    await expect(row(0).getByRole('gridcell', { name: 'en', exact: true })).toBeVisible();

    // Saving the arrangement as a named view.
    const views = s.field('registry.views.label');
    await s.button('registry.views.saveAs').click();
    await expect(s.field('registry.views.name')).toBeFocused();
    expect(await axeViolations(page), 'registry with the save-view form open').toEqual([]);
    await s.field('registry.views.name').fill('Active by surname');
    await s.button('registry.views.save').click();
    await expect(
      page.getByRole('status').filter({ hasText: s.t('registry.views.saved', { name: 'Active by surname' }) }),
    ).toBeVisible();
    await expect(views.locator('option:checked')).toHaveText('Active by surname');

    // Changing anything leaves the view: the list is then the current, unsaved arrangement, which is kept too.
    await header('pseudonym').getByRole('button').click();
    await page.getByRole('checkbox', { name: s.t('participant.status.active') }).uncheck();
    await expect(count(MANY)).toBeVisible();
    await expect(views.locator('option:checked')).toHaveText(s.t('registry.views.none'));
    const browserStorage = () => {
      const scope = globalThis as unknown as PageScope;
      return scope.indexedDB
        .databases()
        .then((databases) => scope.localStorage.length + scope.sessionStorage.length + databases.length);
    };
    expect(await page.evaluate(browserStorage), 'items in browser storage').toBe(0);
    expectCleanRun(app);

    // After a restart, the registry opens as it was left, and the saved view applies again.
    const again = await restart(app);
    try {
      const p = again.page;
      const a = ui(p, 'en');
      const againGrid = p.getByRole('grid', { name: a.t('registry.table.label') });
      const againRow = (index: number) => againGrid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
      const againHeader = (key: string) => againGrid.getByRole('columnheader', { name: a.t(`registry.columns.${key}`) });
      await submitNameAndPassphrase(p, 'en', COORDINATOR.name, COORDINATOR.passphrase);
      await screen(p, 'home');
      await p
        .getByRole('navigation')
        .getByRole('button', { name: a.t('shell.nav.participants'), exact: true })
        .click();
      await screen(p, 'participants');
      await expect(againHeader('pseudonym')).toHaveAttribute('aria-sort', 'ascending');
      await expect(againHeader('languages')).toBeVisible();
      await expect(againHeader('responsibleCaseworker')).toHaveCount(0);
      await p.getByRole('button', { name: new RegExp(`^${a.t('registry.filters.toggle')}`) }).click();
      await expect(p.getByRole('checkbox', { name: a.t('participant.status.active') })).not.toBeChecked();

      await a.field('registry.views.label').selectOption({ label: 'Active by surname' });
      await expect(
        p.getByRole('status').filter({ hasText: a.t('registry.views.applied', { name: 'Active by surname' }) }),
      ).toBeVisible();
      await expect(p.getByRole('checkbox', { name: a.t('participant.status.active') })).toBeChecked();
      await expect(againHeader('lastName')).toHaveAttribute('aria-sort', 'descending');
      await expect(
        p.getByRole('status').filter({ hasText: a.t('registry.count_other', { formatted: (MANY / 4).toLocaleString('en') }) }),
      ).toBeVisible();
      await expect(againRow(0).getByRole('rowheader')).toHaveText(code(9));

      // Opening a file: Enter on a focused row, as a click does.
      await againRow(0).focus();
      await p.keyboard.press('Enter');
      await screen(p, 'participant');
      expectCleanRun(again);
    } finally {
      await again.close();
    }
  });

  test('shows a teacher only codes, first names and groups, filtered by group but by nothing hidden', async ({ app }) => {
    const { page } = app;
    const s = ui(page, 'en');
    const grid = page.getByRole('grid', { name: s.t('registry.table.label') });

    await setUpLockedVault(app, 'en', COORDINATOR);
    await submitNameAndPassphrase(page, 'en', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    const coordinatorId = (await call<{ session: { userId: string } }>(app, 'vault.status')).session.userId;
    await createParticipants(app, 40, [coordinatorId]);
    // The first three participants join a group (each needs the processing consent first).
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
      name: 'Spring group',
      startDate: '2027-01-11',
    });
    const firstRows = await call<{ rows: { id: string }[] }>(app, 'participants.list', { limit: 3 });
    for (const { id } of firstRows.rows) {
      await call(app, 'consents.record', { participantId: id, purpose: 'processing', givenOn: '2026-01-05', method: 'signed' });
      await call(app, 'cohorts.enrol', { participantId: id, cohortId: cohort.id, startDate: '2027-01-11' });
    }
    await signInAsNewColleague(app, TEACHER, 'teacher');
    await page.reload();
    await screen(page, 'home');

    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.participants'), exact: true })
      .click();
    await screen(page, 'participants');
    await expect(page.getByRole('status').filter({ hasText: s.t('registry.count_other', { formatted: '40' }) })).toBeVisible();
    await expect(page.getByText(s.t('registry.limitedNote'))).toBeVisible();
    await expect(grid.getByRole('columnheader')).toHaveText(
      [s.t('registry.columns.pseudonym'), s.t('registry.columns.firstName'), s.t('registry.columns.cohort')].map(
        (t) => new RegExp(`^${t}`),
      ),
    );
    await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toContainText(FIRST[0]!);
    await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toContainText('Spring group');
    await expect(grid.locator('[role="row"][aria-rowindex="2"]')).not.toContainText(LAST[0]!);
    await expect(page.getByRole('checkbox', { name: s.t('participant.status.active') })).toHaveCount(0);
    await expect(page.getByLabel(s.t('registry.filters.caseworker'), { exact: true })).toHaveCount(0);
    await expect(s.button('registry.newParticipant')).toHaveCount(0);
    await s.button('registry.columnChooser.button').click();
    await expect(page.locator('.registry-columns-panel').getByRole('checkbox')).toHaveCount(3);
    await page.keyboard.press('Escape');
    await expect(s.button('registry.columnChooser.button')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.registry-columns-panel')).toBeHidden();

    // Sorting by first name works; a search on a hidden last name finds nothing.
    await grid
      .getByRole('columnheader', { name: s.t('registry.columns.firstName') })
      .getByRole('button')
      .click();
    await expect(grid.getByRole('columnheader', { name: s.t('registry.columns.firstName') })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await s.field('registry.filters.search').fill(LAST[1]!);
    await expect(page.getByRole('status').filter({ hasText: s.t('registry.noMatches.title') })).toBeVisible();
    await s.field('registry.filters.search').fill('');

    // The group is shown, so a teacher may narrow the list to one group.
    await page
      .getByRole('combobox', { name: s.t('registry.filters.cohort'), exact: true })
      .selectOption({ label: 'Spring group' });
    await expect(page.getByRole('status').filter({ hasText: s.t('registry.count_other', { formatted: '3' }) })).toBeVisible();
    expect(await axeViolations(page), 'the limited registry').toEqual([]);

    // The file, opened by a teacher: the code, first name and group, and at a glance only the group's attendance
    // and next session; no flags, consents or notes.
    await grid.locator('[role="row"][aria-rowindex="2"]').click();
    await screen(page, 'participant');
    const glance = page.getByRole('region', { name: s.t('case.glance.label') });
    const group = glance.getByRole('region', { name: s.t('case.glance.group.title') });
    await expect(group).toContainText('Spring group');
    await expect(group).toContainText(s.t('attendance.participant.noRate'));
    await expect(glance.getByRole('region', { name: s.t('flags.active.title') })).toHaveCount(0);
    await expect(glance.getByRole('region', { name: s.t('case.glance.followUps.title') })).toHaveCount(0);
    await expect(glance.getByRole('button')).toHaveCount(0);
    expect(await axeViolations(page), 'a file as a teacher sees it').toEqual([]);
    expectCleanRun(app);
  });
});
