/**
 * The programme's week end to end, on the real screens over the real encrypted vault: two cohorts meet this week;
 * the Week tab lists each day's sessions across them (the cancelled one marked, Saturday shown because something
 * falls on it), and Enter on a session opens its cohort. There the coordinator prints the week's schedule in
 * Swedish: the preview shows it, the PDF read back with pdftotext holds the topics, times and places in Swedish
 * and no participant's name, no session notes and no cancellation reason. The save is audited under the cohort.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, isoWeekOf, mondayOf } from '../../shared/days';
import { localDay } from './case-flows';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { call, drawFirstPage, pdfPages } from './print-flows';
import { axeViolations } from './axe';

/** Where the printed page is drawn, to be looked at after the run. */
const SHOTS = '/tmp/print-shots';

const LOCALE = 'en';
const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const COHORT_A = 'Week Cohort A';
const COHORT_B = 'Week Cohort B';
const MARK = {
  firstName: 'Leila',
  lastName: 'Haddad',
  notes: 'NOTESMARK Leila asked about the bus',
  reason: 'REASONMARK the teacher is ill',
  guest: 'Guest Speaker Mark',
  place: 'Library hall 2',
  union: 'Union house',
} as const;

interface SessionRow {
  id: string;
  date: string;
  startTime: string;
}

test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

test('the week view lists every cohort’s sessions by day and prints one cohort’s week without personal data', async ({ app }) => {
  test.skip(app.shell === null, 'The dialogs are answered by the browser harness; Electron shows real ones.');
  const shell = app.shell!;
  const { page } = app;
  const s = ui(page, LOCALE);
  const out = mkdtempSync(join(tmpdir(), 'polku-week-e2e-'));
  const monday = mondayOf(localDay());
  const saturday = addDays(monday, 5);
  const week = isoWeekOf(monday).week;

  try {
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    // This week's programme, made through the main side as the coordinator.
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
      firstName: MARK.firstName,
      lastName: MARK.lastName,
    });
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: localDay(-30),
      method: 'signed',
    });
    const a = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
      name: COHORT_A,
      startDate: monday,
      lengthWeeks: 1,
      weekdays: [1, 2, 3, 4, 5],
      place: MARK.place,
    });
    await call(app, 'cohorts.enrol', { participantId: participant.id, cohortId: a.cohort.id, startDate: monday });
    const generated = await call<SessionRow[]>(app, 'sessions.list', { cohortId: a.cohort.id });
    // A week has at most three weekdays off (Christmas); two working days are enough here.
    expect(generated.length).toBeGreaterThanOrEqual(2);
    const [first, second] = generated as [SessionRow, SessionRow];
    await call(app, 'sessions.update', {
      id: first.id,
      topic: 'rightsAtWork',
      place: MARK.union,
      guest: MARK.guest,
      notes: MARK.notes,
    });
    await call(app, 'sessions.cancel', { id: second.id, reason: MARK.reason });
    await call(app, 'sessions.add', {
      cohortId: a.cohort.id,
      date: saturday,
      startTime: '10:00',
      endTime: '11:30',
      topic: 'companyVisit',
    });
    const b = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
      name: COHORT_B,
      startDate: monday,
      lengthWeeks: 1,
      weekdays: [1],
      startTime: '13:00',
      endTime: '15:00',
    });
    await call(app, 'sessions.add', { cohortId: b.cohort.id, date: saturday, startTime: '13:00', endTime: '14:00', topic: 'it' });
    const inWeek = (await call<{ sessions: { cohortId: string }[] }>(app, 'sessions.week', { weekStart: monday })).sessions;
    const countA = inWeek.filter((x) => x.cohortId === a.cohort.id).length;
    const countB = inWeek.filter((x) => x.cohortId === b.cohort.id).length;
    expect(countA).toBe(generated.length + 1);
    await call(app, 'vault.lock');

    // The Week tab: a list of sessions per day, across cohorts.
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.programme'), exact: true })
      .click();
    await screen(page, 'programme');
    await page.getByRole('tab', { name: s.t('programme.tabs.week'), exact: true }).click();
    // The week view is a calendar across cohorts: its heading is the calendar week, labelled as such, and each
    // session says which week of its own cohort's programme it is.
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Calendar week ${week} · `) })).toBeVisible();
    const items = page.getByRole('listitem');
    await expect(items.filter({ hasText: COHORT_A })).toHaveCount(countA);
    await expect(items.filter({ hasText: COHORT_B })).toHaveCount(countB);
    const rights = items.filter({ hasText: s.t('programme.topics.rightsAtWork') });
    await expect(rights).toContainText(`${first.startTime}–`);
    await expect(rights).toContainText(MARK.union);
    await expect(rights).toContainText(s.t('programme.week.of', { number: 1, total: 1 }));
    await expect(items.filter({ hasText: s.t('week.cancelled') })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 3, name: /^Saturday/ })).toBeVisible();
    const saturdayList = page.getByRole('region', { name: /^Saturday/ }).getByRole('listitem');
    await expect(saturdayList).toHaveCount(2);
    await expect(saturdayList.first()).toContainText(s.t('programme.topics.companyVisit'));
    expect(await axeViolations(page, { exclude: 'iframe' })).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/week-tab-en.png`, fullPage: true });
    // Next week has nothing; This week comes back.
    await s.button('week.next').click();
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^Calendar week ${isoWeekOf(addDays(monday, 7)).week} · `) }),
    ).toBeVisible();
    await expect(items.filter({ hasText: COHORT_A })).toHaveCount(0);
    await s.button('week.thisWeek').click();
    await expect(items.filter({ hasText: COHORT_A })).toHaveCount(countA);

    // Enter on a session opens its cohort.
    await rights.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await screen(page, 'cohort');
    await expect(page.getByRole('heading', { level: 1, name: COHORT_A })).toBeVisible();

    // The week's schedule in Swedish, previewed and saved as PDF.
    const printButton = { name: s.t('week.print.openFor', { week: 'week 1 of 1' }), exact: true };
    await page.getByRole('button', printButton).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused();
    await dialog.getByLabel(s.t('week.print.locale'), { exact: true }).selectOption({ label: 'svenska' });
    const preview = page.frameLocator(`iframe[title="${s.t('week.print.frame')}"]`);
    await expect(preview.locator('h1')).toHaveText(COHORT_A);
    await expect(preview.getByText('Rättigheter i arbetslivet')).toBeVisible();
    await expect(dialog.locator('iframe')).toHaveAttribute('sandbox', '');
    expect(await axeViolations(page, { exclude: 'iframe' })).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/week-print-dialog-en.png` });
    const file = join(out, 'week.pdf');
    shell.answerSave(file);
    await dialog.getByRole('button', { name: s.t('print.pdf.save'), exact: true }).click();
    await expect(s.status('print.pdf.saved', { fileName: 'week.pdf' })).toBeVisible();
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: `veckoprogram-${monday}.pdf` });

    const pages = pdfPages(file);
    expect(pages).toHaveLength(1);
    // A4 landscape: 842 × 595 points.
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts/);
    drawFirstPage(file, `${SHOTS}/week-schedule-sv.png`);
    const text = pages[0]!;
    for (const expected of [
      COHORT_A,
      'Vecka 1 / 1',
      'Rättigheter i arbetslivet',
      'Företagsbesök',
      'Inställd',
      'Lördag',
      `${Number(first.startTime.slice(0, 2))}.00–12.00`,
      '10.00–11.30',
      MARK.union,
      MARK.guest,
    ])
      expect(text, expected).toContain(expected);
    for (const hidden of [MARK.firstName, MARK.lastName, 'NOTESMARK', 'REASONMARK', COHORT_B, COORDINATOR.name, 'Rights at work'])
      expect(text, hidden).not.toContain(hidden);

    await dialog.getByRole('button', { name: s.t('print.close'), exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', printButton)).toBeFocused();

    const { entries } = await call<{ entries: { action: string; entity: string; detail: string }[] }>(app, 'audit.list', {
      entityId: a.cohort.id,
      limit: 100,
    });
    expect(entries.filter((e) => e.action.startsWith('schedule.')).map((e) => [e.action, e.entity, e.detail])).toEqual([
      ['schedule.pdf', 'cohort', `week:${monday} locale:sv`],
    ]);
    expectCleanRun(app);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
