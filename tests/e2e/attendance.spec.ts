/**
 * Attendance end to end, on the real screens over the real encrypted vault. A coordinator marks last week of a
 * group with the keyboard alone (arrows, letters, digits, Delete, Ctrl+Z), sees each participant's rate and
 * flags and each session's rate on the cohort's page, a cancelled session she cannot mark, a refused mark rolled
 * back with the reason read out, and the participants to reach out to on the start page, which follows the
 * threshold set in the settings. A second test times the keyboard on a grid of 30 participants and 40 sessions.
 */
import { addDays, mondayOf } from '@shared/days';
import type { AttendanceGrid } from '@shared/attendance';
import type { Session } from '@shared/sessions';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, invokeMain, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { localDay, openSettingsPage } from './case-flows';
import { axeViolations } from './axe';
import { openCohort, rowOf } from './programme-flows';

const LOCALE = 'en';
const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const COHORT = 'Autumn group A';

async function call<T>(app: E2EApp, channel: string, input: object = {}): Promise<T> {
  const result = (await invokeMain(app, channel, input)) as { ok: boolean; value?: T; code?: string };
  if (!result.ok) throw new Error(`${channel} failed: ${result.code ?? ''}`);
  return result.value as T;
}

/** A participant with the processing consent, in the cohort's group sessions from its first day. */
async function enrol(app: E2EApp, cohortId: string, startDate: string, firstName: string, lastName: string) {
  const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
    firstName,
    lastName,
    confirmDuplicate: true,
  });
  await call(app, 'consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: startDate,
    method: 'signed',
  });
  const { enrolment } = await call<{ enrolment: { id: string } }>(app, 'cohorts.enrol', {
    participantId: participant.id,
    cohortId,
    startDate,
  });
  return { participantId: participant.id, enrolmentId: enrolment.id };
}

/** The few browser objects the timing loops use (the end-to-end code is compiled without the DOM library). */
interface TimedElement {
  dispatchEvent(event: unknown): boolean;
  getAttribute(name: string): string | null;
  focus(): void;
}
interface PageScope {
  document: { activeElement: TimedElement | null; querySelector(selector: string): TimedElement | null };
  KeyboardEvent: new (type: string, init: { key: string; bubbles: boolean }) => unknown;
  setTimeout(run: () => void, ms: number): unknown;
}

test.describe('attendance', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('a coordinator marks a week by keyboard and sees rates, flags and who to reach out to', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const s = ui(page, LOCALE);
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');

    // A group that began four weeks before this one, meeting Monday to Thursday.
    const thisMonday = mondayOf(localDay());
    const start = addDays(thisMonday, -28);
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: COHORT, startDate: start });
    const sessions = await call<Session[]>(app, 'sessions.list', { cohortId: cohort.id });
    // The latest past week with all four sessions (a public holiday may take one out of a week).
    let weeksBack = 1;
    while (sessions.filter((x) => mondayOf(x.date) === addDays(thisMonday, -7 * weeksBack)).length !== 4) weeksBack++;
    expect(weeksBack, 'a full week to mark').toBeLessThanOrEqual(3);
    const markedWeek = addDays(thisMonday, -7 * weeksBack);
    const earlier = sessions.find((x) => mondayOf(x.date) === addDays(markedWeek, -7));
    expect(earlier, 'a session in the week before the marked one').toBeTruthy();
    await call(app, 'sessions.cancel', { id: earlier!.id, reason: 'Teacher ill' });

    const anna = await enrol(app, cohort.id, start, 'Anna', 'Aalto');
    await enrol(app, cohort.id, start, 'Bashir', 'Bakr');
    await enrol(app, cohort.id, start, 'Chen', 'Cho');

    await openCohort(page, LOCALE, COHORT);
    const grid = page.getByRole('grid', { name: s.t('attendance.grid.label') });
    await expect(s.button('attendance.scope.week')).toHaveAttribute('aria-pressed', 'true');
    await s.button('attendance.week.previous').focus();
    for (let i = 0; i < weeksBack; i++) await page.keyboard.press('Enter');
    await expect(s.button('attendance.week.previous'), 'focus stays on the button').toBeFocused();
    await expect(grid.getByRole('columnheader')).toHaveCount(1 + 4 + 2);
    // The legend says what the letters are and which keys set them.
    await expect(
      page.getByText(s.t('attendance.legend.mark', { key: 'X', digit: 4, mark: s.t('attendance.marks.excused') })),
    ).toBeVisible();

    // Keyboard only, session by session down its column (a typed mark moves on to the next person):
    // Anna P P L(2) P; Bashir A A A(5) A; Chen P X A P(1).
    const focused = page.locator(':focus');
    const nextSession = async () => {
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowUp');
    };
    await grid.getByRole('gridcell').first().focus();
    await expect(focused).toHaveAttribute('aria-selected', 'true');
    await expect(focused).toHaveAttribute('aria-label', new RegExp(`^Anna Aalto P-\\S+, .+: ${s.t('attendance.cell.empty')}$`));
    await page.keyboard.press('p');
    await expect(focused, 'the mark moves on to the next person').toHaveAttribute('aria-label', /^Bashir Bakr /);
    for (const key of ['a', 'p']) await page.keyboard.press(key);
    await expect(focused, 'the last person stays selected').toHaveAttribute('aria-label', /^Chen Cho /);
    await nextSession();
    // Chen's Tuesday goes wrong first: late, then cleared with Delete (which stays on the cell), then excused.
    for (const key of ['P', 'A', 'l', 'Delete', 'x']) await page.keyboard.press(key);
    await nextSession();
    for (const key of ['2', '5', 'a']) await page.keyboard.press(key);
    await nextSession();
    for (const key of ['p', 'A', 'e']) await page.keyboard.press(key);
    await expect(focused).toHaveAttribute('aria-label', new RegExp(`^Chen Cho .+: ${s.t('attendance.marks.leftEarly')}$`));
    // The word is shown beside the letter in the cell.
    await expect(focused).toHaveText(`E ${s.t('attendance.marks.leftEarly')}`);
    // Ctrl+Z takes back the last change only; a second press has nothing left to undo.
    await page.keyboard.press('Control+z');
    await expect(focused).toHaveAttribute('aria-label', new RegExp(`: ${s.t('attendance.cell.empty')}$`));
    await page.keyboard.press('Control+z');
    await expect(s.status('attendance.nothingToUndo')).toBeVisible();
    await page.keyboard.press('1');
    await expect(focused).toHaveAttribute('aria-label', new RegExp(`^Chen Cho .+: ${s.t('attendance.marks.present')}$`));

    // Figures from the main side: Anna 100 %, Bashir 0 % and four absences in a row, Chen 2 of 3 = 66 %.
    const annaRow = rowOf(grid, 'Anna Aalto');
    const bashirRow = rowOf(grid, 'Bashir Bakr');
    const chenRow = rowOf(grid, 'Chen Cho');
    await expect(annaRow.getByRole('gridcell').nth(4)).toHaveText('100 %');
    await expect(bashirRow.getByRole('gridcell').nth(4)).toHaveText('0 %');
    await expect(chenRow.getByRole('gridcell').nth(4)).toHaveText('66 %');
    await expect(annaRow.locator('.attendance-flag')).toHaveCount(0);
    await expect(bashirRow.getByText(s.t('attendance.flags.lowRate', { threshold: 70 }), { exact: true })).toBeVisible();
    await expect(bashirRow.getByText(s.t('attendance.flags.absenceStreak', { n: 4 }), { exact: true })).toBeVisible();
    await expect(chenRow.getByText(s.t('attendance.flags.lowRate', { threshold: 70 }), { exact: true })).toBeVisible();
    await expect(chenRow.getByText(s.t('attendance.flags.absenceStreak', { n: 1 }))).toHaveCount(0);
    // Each session: Mon P A P = 66 %, Tue P A X = 50 % (excused left out), Wed L A A = 33 %, Thu P A P = 66 %.
    const footer = grid
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: s.t('attendance.grid.sessionRate') }) });
    await expect(footer.getByRole('gridcell')).toHaveText(['66 %', '50 %', '33 %', '66 %', '', '']);

    // What the screen shows is what the vault holds.
    const stored = await call<AttendanceGrid>(app, 'attendance.grid', { cohortId: cohort.id, weekStart: markedWeek });
    expect(stored.rows.map((r) => [r.displayName, Object.values(r.marks).length, r.figures.rate])).toEqual([
      ['Anna Aalto', 4, 100],
      ['Bashir Bakr', 4, 0],
      ['Chen Cho', 4, 66],
    ]);
    expect(stored.rows.map((r) => stored.sessions.map((x) => r.marks[x.id]))).toEqual([
      ['present', 'present', 'late', 'present'],
      ['absent', 'absent', 'absent', 'absent'],
      ['present', 'excused', 'absent', 'present'],
    ]);
    expect(await axeViolations(page), 'the attendance grid').toEqual([]);

    // The week with the cancelled session: struck through, and a mark on it is not taken.
    await s.button('attendance.week.previous').press('Enter');
    const cancelledDay = grid.getByRole('columnheader').filter({ hasText: /\(cancelled\)/ });
    await expect(cancelledDay).toHaveCount(1);
    await expect(cancelledDay.locator('s')).toBeVisible();
    const cancelledCell = grid.getByRole('gridcell', {
      name: new RegExp(`^Anna Aalto .+: ${s.t('attendance.cell.cancelled')}$`),
    });
    await cancelledCell.focus();
    await page.keyboard.press('p');
    await expect(s.status('attendance.notMarkable', { state: s.t('attendance.cell.cancelled') })).toBeVisible();
    await expect(cancelledCell).toHaveAttribute('aria-label', new RegExp(`: ${s.t('attendance.cell.cancelled')}$`));

    // Home: the two flagged participants, with their group, rate and reasons.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.home'), exact: true })
      .click();
    await screen(page, 'home');
    await expect(page.getByRole('heading', { level: 2, name: s.t('attendance.drift.title_other', { count: 2 }) })).toBeVisible();
    const drift = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: s.t('attendance.drift.reason') }) });
    const bashirDrift = drift.getByRole('row').filter({ hasText: 'Bashir Bakr' });
    await expect(bashirDrift).toContainText(COHORT);
    await expect(bashirDrift).toContainText('0 %');
    await expect(bashirDrift).toContainText(s.t('attendance.flags.absenceStreak', { n: 4 }));
    await expect(drift.getByRole('row').filter({ hasText: 'Chen Cho' })).toContainText('66 %');
    await expect(drift.getByRole('row').filter({ hasText: 'Anna Aalto' })).toHaveCount(0);
    expect(await axeViolations(page), 'the start page with the drift notice').toEqual([]);

    // The threshold down to 60 %: Chen (66 %) is no longer flagged, Bashir still is.
    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.settings'), exact: true })
      .click();
    await screen(page, 'settings');
    await openSettingsPage(page, LOCALE, 'programme');
    await s.field('attendance.settings.field').fill('101');
    await s.button('attendance.settings.submit').click();
    await expect(s.field('attendance.settings.field')).toHaveAttribute('aria-invalid', 'true');
    await s.field('attendance.settings.field').fill('60');
    await s.button('attendance.settings.submit').click();
    await expect(s.status('attendance.settings.saved', { value: 60 })).toBeVisible();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.home'), exact: true })
      .click();
    await screen(page, 'home');
    await expect(page.getByRole('heading', { level: 2, name: s.t('attendance.drift.title_one', { count: 1 }) })).toBeVisible();
    await expect(drift.getByRole('row').filter({ hasText: 'Chen Cho' })).toHaveCount(0);

    // From the notice to the group's page.
    await page.getByRole('button', { name: s.t('attendance.drift.open', { cohort: COHORT }) }).click();
    await screen(page, 'cohort');

    // A mark the main side refuses (Anna's enrolment was ended meanwhile) goes back, and the reason is read out.
    for (let i = 0; i < weeksBack; i++) await s.button('attendance.week.previous').press('Enter');
    await expect(rowOf(grid, 'Anna Aalto').getByRole('gridcell').nth(4)).toHaveText('100 %');
    await call(app, 'cohorts.endEnrolment', { id: anna.enrolmentId, endDate: start, outcome: 'completed', reason: null });
    const annaMonday = rowOf(grid, 'Anna Aalto').getByRole('gridcell').first();
    await annaMonday.focus();
    await page.keyboard.press('a');
    await expect(s.alert()).toHaveText(s.t('attendance.refused', { reason: s.t('programmeProblems.notEnrolled') }));
    await expect(annaMonday).toHaveAttribute('aria-label', new RegExp(`: ${s.t('attendance.marks.present')}$`));
    // The whole cohort, since the shortened enrolment no longer reaches into the marked week.
    const after = await call<AttendanceGrid>(app, 'attendance.grid', { cohortId: cohort.id });
    const annaAfter = after.rows.find((r) => r.displayName === 'Anna Aalto');
    expect(stored.sessions.map((x) => annaAfter?.marks[x.id])).toEqual(['present', 'present', 'late', 'present']);
    expectCleanRun(app);
  });

  test('a teacher sees first names and codes only and marks; a psychologist sees the grid read-only', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const s = ui(page, LOCALE);
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    const thisMonday = mondayOf(localDay());
    const start = addDays(thisMonday, -28);
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: COHORT, startDate: start });
    const anna = await enrol(app, cohort.id, start, 'Anna', 'Aalto');
    const sessions = await call<Session[]>(app, 'sessions.list', { cohortId: cohort.id });
    let weeksBack = 1;
    while (sessions.filter((x) => mondayOf(x.date) === addDays(thisMonday, -7 * weeksBack)).length < 3) weeksBack++;
    const week = sessions.filter((x) => mondayOf(x.date) === addDays(thisMonday, -7 * weeksBack));
    for (const x of week.slice(0, 3))
      await call(app, 'attendance.mark', { sessionId: x.id, participantId: anna.participantId, mark: 'absent' });
    const staff: Record<'teacher' | 'psychologist', string> = { teacher: '', psychologist: '' };
    for (const role of ['teacher', 'psychologist'] as const) {
      const created = await call<{ oneTimePassphrase: string }>(app, 'users.create', {
        displayName: `Staff ${role}`,
        role,
        currentPassphrase: COORDINATOR.passphrase,
      });
      staff[role] = created.oneTimePassphrase;
    }
    const switchTo = async (role: 'teacher' | 'psychologist') => {
      await call(app, 'vault.lock');
      await call(app, 'vault.unlock', { name: `Staff ${role}`, passphrase: staff[role] });
      await call(app, 'vault.changePassphrase', { next: `${role} walks along the long river` });
      // The psychologists' recovery code made at her first unlock counts as seen (case-file.spec.ts shows it).
      await call(app, 'compartment.status', {});
      await page.reload();
      await screen(page, 'home');
    };

    // The teacher: on the start page and in the grid, the first name and the code, never the family name.
    await switchTo('teacher');
    await expect(page.getByRole('heading', { level: 2, name: s.t('attendance.drift.title_one', { count: 1 }) })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: /^Anna P-/ })).toContainText(
      s.t('attendance.flags.absenceStreak', { n: 3 }),
    );
    await expect(page.getByText('Aalto')).toHaveCount(0);
    // A teacher opens no files: the name is text, the group is a way to the grid.
    const annaRow = page.getByRole('row').filter({ hasText: /^Anna P-/ });
    await expect(annaRow.getByRole('button')).toHaveCount(1);
    await expect(annaRow.getByRole('button', { name: s.t('attendance.drift.open', { cohort: COHORT }) })).toBeVisible();
    await openCohort(page, LOCALE, COHORT);
    const grid = page.getByRole('grid', { name: s.t('attendance.grid.label') });
    for (let i = 0; i < weeksBack; i++) await s.button('attendance.week.previous').press('Enter');
    await expect(grid.getByRole('rowheader').first()).toHaveText(/^Anna P-\S+$/);
    await expect(grid).not.toHaveAttribute('aria-readonly', 'true');
    const first = grid.getByRole('gridcell').first();
    await first.focus();
    await page.keyboard.press('p');
    await expect(first).toHaveAttribute('aria-label', new RegExp(`^Anna P-\\S+, .+: ${s.t('attendance.marks.present')}$`));
    await expect(s.status('attendance.saved', { cell: (await first.getAttribute('aria-label')) ?? '' })).toBeVisible();
    await expect(page.getByText('Aalto')).toHaveCount(0);

    // The psychologist reads attendance but does not mark it.
    await switchTo('psychologist');
    await openCohort(page, LOCALE, COHORT);
    for (let i = 0; i < weeksBack; i++) await s.button('attendance.week.previous').press('Enter');
    await expect(grid).toHaveAttribute('aria-readonly', 'true');
    await expect(page.getByText(s.t('attendance.readOnly'))).toBeVisible();
    await expect(page.getByRole('group', { name: s.t('attendance.buttons.label') })).toHaveCount(0);
    await grid.getByRole('gridcell').nth(1).focus();
    await page.keyboard.press('x');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', new RegExp(`: ${s.t('attendance.marks.present')}$`));
    const stored = await call<AttendanceGrid>(app, 'attendance.grid', { cohortId: cohort.id });
    expect(week.map((x) => stored.rows[0]?.marks[x.id] ?? null).slice(0, 3)).toEqual(['present', 'absent', 'absent']);
    expect(await axeViolations(page), 'the read-only grid').toEqual([]);
    expectCleanRun(app);
  });

  test('the keyboard stays quick on a grid of 30 participants and 40 sessions (benchmark)', async ({ app }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    const s = ui(page, LOCALE);
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    // Eleven weeks back, Monday to Thursday for ten weeks: every session is held; a holiday may take one or two out.
    const start = addDays(mondayOf(localDay()), -77);
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: COHORT, startDate: start });
    for (let i = 0; i < 30; i++) await enrol(app, cohort.id, start, `Person${String(i).padStart(2, '0')}`, 'Benchmark');
    const sessions = await call<Session[]>(app, 'sessions.list', { cohortId: cohort.id });

    await openCohort(page, LOCALE, COHORT);
    const grid = page.getByRole('grid', { name: s.t('attendance.grid.label') });
    const shownAt = Date.now();
    await s.button('attendance.scope.all').click();
    await expect(grid.getByRole('row')).toHaveCount(1 + 30 + 1);
    const renderMs = Date.now() - shownAt;
    await expect(grid.getByRole('columnheader')).toHaveCount(1 + sessions.length + 2);
    await grid.getByRole('gridcell').first().focus();

    // The browser's own share: focus moved between two cells directly, without React.
    const focusOnly = await page.evaluate(() => {
      const scope = globalThis as unknown as PageScope;
      const cells = [scope.document.querySelector('[data-cell="0:0"]'), scope.document.querySelector('[data-cell="1:1"]')];
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const at = performance.now();
        cells[i % 2]?.focus();
        times.push(performance.now() - at);
      }
      return times;
    });
    await grid.getByRole('gridcell').first().focus();

    // Moving: a zigzag over the whole grid, each key timed in the page from dispatch until focus has moved.
    const moving = await page.evaluate(async (cols) => {
      const scope = globalThis as unknown as PageScope;
      const document = scope.document;
      const KeyboardEvent = scope.KeyboardEvent;
      const setTimeout = scope.setTimeout;
      // How each key settled: within the key's own event, in a microtask after it, or only after a task.
      const settled = { inEvent: 0, microtask: 0, task: 0 };
      const settle = async (before: TimedElement | null) => {
        if (document.activeElement !== before) return void settled.inEvent++;
        for (let i = 0; i < 100 && document.activeElement === before; i++) await Promise.resolve();
        if (document.activeElement !== before) return void settled.microtask++;
        settled.task++;
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      };
      const times: number[] = [];
      let right = true;
      for (let row = 0; row < 30; row++) {
        for (let step = 0; step < cols - 1; step++) {
          const before = document.activeElement;
          const at = performance.now();
          before?.dispatchEvent(new KeyboardEvent('keydown', { key: right ? 'ArrowRight' : 'ArrowLeft', bubbles: true }));
          await settle(before);
          times.push(performance.now() - at);
        }
        const before = document.activeElement;
        const at = performance.now();
        before?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        await settle(before);
        times.push(performance.now() - at);
        right = !right;
      }
      return { times, settled };
    }, sessions.length);
    const moves = moving.times;

    // Marking: thirty cells down one column, each timed until the cell shows its mark (the save goes on behind);
    // each mark moves on to the next person, as a teacher marks a session.
    await grid.getByRole('gridcell').first().focus();
    const marks = await page.evaluate(async () => {
      const scope = globalThis as unknown as PageScope;
      const document = scope.document;
      const KeyboardEvent = scope.KeyboardEvent;
      const setTimeout = scope.setTimeout;
      const times: number[] = [];
      for (let row = 0; row < 30; row++) {
        const cell = document.activeElement;
        if (!cell) throw new Error('nothing focused');
        const at = performance.now();
        cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
        for (let i = 0; i < 100 && !cell.getAttribute('aria-label')?.endsWith('present'); i++) await Promise.resolve();
        if (!cell.getAttribute('aria-label')?.endsWith('present')) await new Promise<void>((resolve) => setTimeout(resolve, 0));
        times.push(performance.now() - at);
        // The mark moves the selection on to the next person by itself.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
      return times;
    });
    await expect(grid.getByRole('gridcell', { name: /: present$/ })).toHaveCount(30);

    // The same moves through Playwright's keyboard (each press a round trip to the browser), for comparison.
    const pressedAt = Date.now();
    for (let i = 0; i < 50; i++) await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    const pressMs = (Date.now() - pressedAt) / 50;

    const stats = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { n: times.length, median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +at(1).toFixed(2) };
    };
    const figures = {
      grid: `30 x ${sessions.length}`,
      wholeCohortRenderMs: renderMs,
      moveMs: stats(moves),
      moveSettled: moving.settled,
      focusOnlyMs: stats(focusOnly),
      markMs: stats(marks),
      playwrightPressMs: +pressMs.toFixed(1),
    };
    testInfo.annotations.push({ type: 'attendance grid benchmark', description: JSON.stringify(figures) });
    process.stdout.write(`attendance grid benchmark: ${JSON.stringify(figures)}\n`);
    // Each cell was marked once, and what the grid showed was saved.
    const stored = await call<AttendanceGrid>(app, 'attendance.grid', { cohortId: cohort.id });
    expect(stored.rows.filter((r) => r.marks[sessions[0]!.id] === 'present')).toHaveLength(30);
    expect(moves).toHaveLength(30 * sessions.length);
    expectCleanRun(app);
  });
});

test.describe('attendance in Finnish', () => {
  test.use({ appOptions: { locale: 'fi', kdfCost: 'test' } });

  test('a Finnish teacher types Finnish letters: P stores "poissa", L "läsnä", and each cell shows its word', async ({ app }) => {
    test.setTimeout(90_000);
    const { page } = app;
    const s = ui(page, 'fi');
    await setUpLockedVault(app, 'fi', COORDINATOR);
    await submitNameAndPassphrase(page, 'fi', COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    const thisMonday = mondayOf(localDay());
    const start = addDays(thisMonday, -28);
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: 'Syksyn ryhmä', startDate: start });
    const sessions = await call<Session[]>(app, 'sessions.list', { cohortId: cohort.id });
    let weeksBack = 1;
    while (sessions.filter((x) => mondayOf(x.date) === addDays(thisMonday, -7 * weeksBack)).length < 2) weeksBack++;
    const week = sessions.filter((x) => mondayOf(x.date) === addDays(thisMonday, -7 * weeksBack));
    for (const [first, last] of [
      ['Aino', 'Aalto'],
      ['Bashir', 'Bakr'],
      ['Chen', 'Cho'],
    ] as const)
      await enrol(app, cohort.id, start, first, last);

    await openCohort(page, 'fi', 'Syksyn ryhmä');
    const grid = page.getByRole('grid', { name: s.t('attendance.grid.label') });
    for (let i = 0; i < weeksBack; i++) await s.button('attendance.week.previous').press('Enter');
    // The legend gives the Finnish letters, with the digits beside them.
    const legend = page.locator('.attendance-legend');
    for (const line of [
      'L tai 1: läsnä',
      'M tai 2: myöhässä',
      'K tai 3: lähti kesken',
      'I tai 4: ilmoitettu poissaolo',
      'P tai 5: poissa',
    ])
      await expect(legend).toContainText(line);

    // Down the first session: L, P, K; the second: M, I and the digit 5. Each mark moves on to the next person.
    const focused = page.locator(':focus');
    await grid.getByRole('gridcell').first().focus();
    for (const key of ['l', 'p', 'k']) await page.keyboard.press(key);
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowUp');
    await expect(focused).toHaveAttribute('aria-label', /^Aino Aalto /);
    for (const key of ['M', 'i', '5']) await page.keyboard.press(key);
    await expect(focused).toHaveAttribute('aria-label', /^Chen Cho .+: poissa$/);

    // What each cell shows: the letter and the word.
    const cells = (name: string) => rowOf(grid, name).getByRole('gridcell');
    await expect(cells('Aino Aalto').nth(0)).toHaveText('L läsnä');
    await expect(cells('Bashir Bakr').nth(0)).toHaveText('P poissa');
    await expect(cells('Chen Cho').nth(0)).toHaveText('K lähti kesken');
    await expect(cells('Aino Aalto').nth(1)).toHaveText('M myöhässä');
    await expect(cells('Bashir Bakr').nth(1)).toHaveText('I ilmoitettu poissaolo');
    await expect(cells('Chen Cho').nth(1)).toHaveText('P poissa');
    await expect(cells('Bashir Bakr').nth(0)).toHaveAttribute('aria-label', /: poissa$/);

    // What the vault holds: the P typed for Bashir is an absence, the L for Aino a presence.
    const stored = await call<AttendanceGrid>(app, 'attendance.grid', {
      cohortId: cohort.id,
      weekStart: mondayOf(week[0]!.date),
    });
    expect(stored.rows.map((r) => [r.displayName, week.slice(0, 2).map((x) => r.marks[x.id])])).toEqual([
      ['Aino Aalto', ['present', 'late']],
      ['Bashir Bakr', ['absent', 'excused']],
      ['Chen Cho', ['leftEarly', 'absent']],
    ]);
    expect(await axeViolations(page), 'the Finnish grid').toEqual([]);
    await page.screenshot({ path: '/tmp/attend-grid-fi.png' });
    expectCleanRun(app);
  });
});
