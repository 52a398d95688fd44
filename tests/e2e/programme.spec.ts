/**
 * The coaching programme's cohorts end to end, on the real screens over the real encrypted vault: the coordinator
 * sets up a cohort with nothing but a name and a start date, seeing the calendar it will make (Easter Monday and
 * Ascension Day skipped) before saving and the number of sessions made after. On the cohort's page she gives one
 * session a topic, moves one, cancels one with a reason and adds an extra; moving a session onto another one's
 * time is refused with the translated message at the time field. A teacher then finds the programme in the menu
 * but no way to set up a cohort, and a participant enrolled for individual guidance only is listed so on the
 * cohort's page. Each state passes axe-core.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screen, test } from './fixtures';
import { mondayOf } from '@shared/days';
import { programmeWeekOf } from '@shared/programme-calendar';
import { goTo, localDay, openFile } from './case-flows';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { axeViolations } from './axe';
import { call, signInAsNewColleague } from './print-flows';

const LOCALE = 'en';
const COORDINATOR = { name: 'Aino Vainikkala', passphrase: 'kimalainen lyhty purje omenapuu' };
const TEACHER = { name: 'Olli Opettaja', passphrase: 'sininen vene ja kaksi airoa' };
const COHORT = 'Spring 2027 A';
/** Where the screens are drawn, to be looked at after the run. */
const SHOTS = '/tmp/programme-shots';

/** The list item of the session on a day as the list writes it ("Mon 15 Mar"). */
function sessionItem(page: Page, day: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByText(day, { exact: true }) });
}

test.describe('the coaching programme', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

  test('a coordinator sets up a cohort from a name and a start date and changes its sessions one by one', async ({ app }) => {
    const { page } = app;
    const s = ui(page, LOCALE);
    const nav = page.getByRole('navigation');

    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await nav.getByRole('button', { name: s.t('shell.nav.programme'), exact: true }).click();
    await screen(page, 'programme');
    await expect(s.heading('programme.title')).toBeVisible();
    await expect(page.getByRole('tab', { name: s.t('programme.tabs.cohorts'), exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // The tabs move with the arrow keys, as a tab list does.
    await page.getByRole('tab', { name: s.t('programme.tabs.cohorts'), exact: true }).press('ArrowRight');
    await expect(page.getByRole('tab', { name: s.t('programme.tabs.week'), exact: true })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: s.t('programme.tabs.cohorts'), exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByText(s.t('programme.cohorts.none'))).toBeVisible();

    // The form opens with the programme's usual rhythm filled in; only the name and the start date are typed.
    await s.button('programme.cohorts.new').click();
    await expect(s.field('programme.new.name')).toBeFocused();
    await expect(s.field('programme.new.lengthWeeks')).toHaveValue('10');
    await expect(s.field('programme.new.startTime')).toHaveValue('09:00');
    await expect(s.field('programme.new.endTime')).toHaveValue('12:00');
    for (const day of [1, 2, 3, 4]) await expect(s.field(`programme.weekdays.long.${day}`)).toBeChecked();
    for (const day of [5, 6, 7]) await expect(s.field(`programme.weekdays.long.${day}`)).not.toBeChecked();
    // The one setting it up is on its staff until unticked.
    await expect(page.getByRole('checkbox', { name: COORDINATOR.name, exact: true })).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: s.t('programme.new.previewIncomplete') })).toBeVisible();

    // Nothing but a name is refused at the start date, which has no default.
    await s.field('programme.new.name').fill(COHORT);
    await s.button('programme.new.submit').click();
    await expect(s.field('programme.new.startDate')).toBeFocused();
    await expect(s.field('programme.new.startDate')).toHaveAttribute('aria-invalid', 'true');

    // Spring 2027: Easter Monday (29 March) and Ascension Day (6 May) fall on meeting days and are skipped.
    await s.field('programme.new.startDate').fill('2027-03-15');
    const preview =
      s.t('programme.new.preview_other', { count: 38, dates: '15 Mar – 20 May 2027' }) +
      s.t('programme.new.previewSkipped', { days: 'Easter Monday 29 Mar, Ascension Day 6 May' });
    await expect(page.getByRole('status').filter({ hasText: preview })).toHaveText(preview);
    expect(await axeViolations(page), 'the new-cohort form').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/new-cohort-en.png`, fullPage: true });
    await s.button('programme.new.submit').click();

    await screen(page, 'cohort');
    await expect(page.getByRole('heading', { level: 1, name: COHORT, exact: true })).toBeVisible();
    await expect(s.status('programme.cohort.created_other', { count: 38 })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 3, name: /^Week 1 of 10 · / }),
      'the first week is headed with its programme week',
    ).toBeVisible();
    // Attendance comes first, on the cohort's nearest week: its first before it starts, its last after it ends.
    const today = localDay();
    const opening = today < '2027-03-15' ? '2027-03-15' : today > '2027-05-23' ? '2027-05-17' : mondayOf(today);
    const { number } = programmeWeekOf({ startDate: '2027-03-15', endDate: '2027-05-23' }, opening);
    const weekLabel = new RegExp(`^${s.t('attendance.week.label', { week: `Week ${number} of 10`, range: '' })}`);
    await expect(page.getByRole('paragraph').filter({ hasText: weekLabel })).toBeVisible();
    expect(await axeViolations(page), 'the cohort page').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/cohort-page-en.png` });

    // A topic for Monday's session.
    await sessionItem(page, 'Mon 15 Mar')
      .getByRole('button', { name: s.t('programme.sessions.editOne', { day: 'Mon 15 Mar' }) })
      .click();
    await expect(s.field('programme.sessions.topic')).toBeFocused();
    await expect(page.getByText(s.t('programme.sessions.notesHint'))).toBeVisible();
    await s.field('programme.sessions.topic').selectOption({ label: s.t('programme.topics.finnish') });
    await s.button('programme.sessions.save').click();
    await expect(s.status('programme.sessions.saved')).toBeVisible();
    await expect(sessionItem(page, 'Mon 15 Mar').getByText(s.t('programme.topics.finnish'), { exact: true })).toBeVisible();
    await expect(
      sessionItem(page, 'Mon 15 Mar').getByRole('button', { name: s.t('programme.sessions.editOne', { day: 'Mon 15 Mar' }) }),
      'focus is back on the session',
    ).toBeFocused();

    // Tuesday's session moves to Friday.
    await sessionItem(page, 'Tue 16 Mar')
      .getByRole('button', { name: s.t('programme.sessions.editOne', { day: 'Tue 16 Mar' }) })
      .click();
    await s.field('programme.sessions.date').fill('2027-03-19');
    await s.button('programme.sessions.save').click();
    await expect(s.status('programme.sessions.saved')).toBeVisible();
    await expect(sessionItem(page, 'Fri 19 Mar')).toHaveCount(1);
    await expect(sessionItem(page, 'Tue 16 Mar')).toHaveCount(0);

    // Wednesday's is cancelled with the reason the group is told, and can be restored.
    await sessionItem(page, 'Wed 17 Mar')
      .getByRole('button', { name: s.t('programme.sessions.cancelOne', { day: 'Wed 17 Mar' }) })
      .click();
    await s.button('programme.sessions.cancelSubmit').click();
    await expect(s.field('programme.sessions.cancelReason')).toHaveAttribute('aria-invalid', 'true');
    await s.field('programme.sessions.cancelReason').fill('Teacher ill');
    await s.button('programme.sessions.cancelSubmit').click();
    await expect(s.status('programme.sessions.cancelled')).toBeVisible();
    const cancelled = sessionItem(page, 'Wed 17 Mar');
    await expect(cancelled.getByText(s.t('programme.sessions.cancelledBecause', { reason: 'Teacher ill' }))).toBeVisible();
    await expect(
      cancelled.getByRole('button', { name: s.t('programme.sessions.restoreOne', { day: 'Wed 17 Mar' }) }),
    ).toBeFocused();

    // An extra session on Saturday, at the cohort's usual time.
    await s.button('programme.sessions.add').click();
    await expect(s.field('programme.sessions.date')).toBeFocused();
    await s.field('programme.sessions.date').fill('2027-03-20');
    await s.field('programme.sessions.topic').selectOption({ label: s.t('programme.topics.companyVisit') });
    await s.button('programme.sessions.addSubmit').click();
    await expect(s.status('programme.sessions.added')).toBeVisible();
    const extra = sessionItem(page, 'Sat 20 Mar');
    await expect(extra.getByText(s.t('programme.sessions.extra'), { exact: true })).toBeVisible();
    await expect(extra.getByText('09:00–12:00')).toBeVisible();

    // Thursday's session cannot move onto Friday morning, where the moved session now is.
    await sessionItem(page, 'Thu 18 Mar')
      .getByRole('button', { name: s.t('programme.sessions.editOne', { day: 'Thu 18 Mar' }) })
      .click();
    await s.field('programme.sessions.date').fill('2027-03-19');
    await s.button('programme.sessions.save').click();
    await expect(page.getByText(s.t('programmeProblems.overlap'), { exact: true })).toBeVisible();
    await expect(s.field('programme.sessions.startTime')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page), 'the refused move').toEqual([]);
    await sessionItem(page, 'Thu 18 Mar').screenshot({ path: `${SHOTS}/session-editor-refused-en.png` });
    await s.button('common.cancel').click();
    await expect(sessionItem(page, 'Thu 18 Mar')).toHaveCount(1);

    // What the screens did is what the vault holds: 38 generated and one extra, one cancelled, one moved.
    const cohorts = await call<{ id: string }[]>(app, 'cohorts.list');
    const sessions = await call<{ date: string; state: string; topic: string | null; extra: boolean }[]>(app, 'sessions.list', {
      cohortId: cohorts[0]?.id,
    });
    expect(sessions).toHaveLength(39);
    expect(sessions.filter((x) => x.state === 'cancelled').map((x) => x.date)).toEqual(['2027-03-17']);
    expect(sessions.filter((x) => x.extra).map((x) => [x.date, x.topic])).toEqual([['2027-03-20', 'companyVisit']]);
    expect(sessions.find((x) => x.date === '2027-03-15')?.topic).toBe('finnish');
    expect(sessions.map((x) => x.date)).not.toContain('2027-03-16');
    expect(sessions.filter((x) => x.date === '2027-03-19')).toHaveLength(1);
    expectCleanRun(app);
  });

  test('a teacher sees the programme and its cohorts but cannot set one up', async ({ app }) => {
    const { page } = app;
    const s = ui(page, LOCALE);

    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    await call(app, 'cohorts.create', { name: COHORT, startDate: '2027-03-15' });
    await signInAsNewColleague(app, TEACHER, 'teacher');
    await page.reload();
    await screen(page, 'home');

    await page
      .getByRole('navigation')
      .getByRole('button', { name: s.t('shell.nav.programme'), exact: true })
      .click();
    await screen(page, 'programme');
    await page.getByRole('button', { name: COHORT, exact: true }).waitFor();
    await expect(s.button('programme.cohorts.new')).toHaveCount(0);

    // On the cohort's page a teacher runs sessions but does not change the cohort itself.
    await page.getByRole('button', { name: COHORT, exact: true }).click();
    await screen(page, 'cohort');
    await expect(s.button('programme.cohort.edit')).toHaveCount(0);
    await expect(s.button('programme.sessions.add')).toBeVisible();
    expect(await axeViolations(page), 'the cohort page for a teacher').toEqual([]);
    expectCleanRun(app);
  });

  test("a participant enrolled for individual guidance only is listed so among the cohort's members", async ({ app }) => {
    const { page } = app;
    const s = ui(page, LOCALE);

    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    await call(app, 'cohorts.create', { name: COHORT, startDate: '2027-03-15' });
    const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
      firstName: 'Leila',
      confirmDuplicate: true,
    });
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-01-05',
      method: 'signed',
    });

    await openFile(page, LOCALE, participant.pseudonym);
    await s.button('registry.cohorts.section.join').click();
    await page.getByRole('combobox', { name: s.t('registry.cohorts.join.cohort'), exact: true }).selectOption({ label: COHORT });
    await expect(page.getByRole('radio', { name: s.t('programme.mode.group'), exact: true })).toBeChecked();
    await page.getByRole('radio', { name: s.t('programme.mode.individual'), exact: true }).check();
    await s.button('registry.cohorts.join.submit').click();
    await expect(s.status('registry.cohorts.join.done')).toBeVisible();
    await expect(page.getByText(s.t('programme.mode.shown', { mode: s.t('programme.mode.individual') }))).toBeVisible();

    await goTo(page, LOCALE, 'programme', 'programme');
    await page.getByRole('button', { name: COHORT, exact: true }).click();
    await screen(page, 'cohort');
    // The member list is folded under its heading, which counts who takes part.
    const toggle = page.getByRole('button', { name: /^Participants · 1 taking part$/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    const members = page.getByRole('table', { name: /^Participants/ });
    const row = members.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Leila' }) });
    await expect(row.getByRole('cell')).toHaveText([
      participant.pseudonym,
      // Joined from the file without touching the start: the group's start, not today.
      /^since 15 Mar 2027/,
      s.t('programme.mode.individual'),
      s.t('programme.members.open'),
    ]);
    expectCleanRun(app);
  });
});
