/**
 * The Today page as the first screen after unlock, in Finnish on a 1280 × 800 laptop, on a fixed Wednesday: the
 * coordinator has set up a group that began the week before and meets that day, and a caseworker has written a note
 * whose follow-up is overdue and left another half-written. The caseworker unlocks and finds the follow-up on Today
 * beside the participant's overdue intake assessment (which opens the file's assessments; once recorded, the intake is
 * on the file's timeline and leaves Today),
 * opens it (landing on the file's notes), opens her half-written note from Today straight into the note form, ticks
 * the follow-up done from Today and sees it leave the list; a teacher sees the group's session with the way to its
 * attendance and no follow-ups at all, and the first session held without marks leads to its week on the group's
 * page with the focus in that session's column; the coordinator's backup reminder leads to the backup settings.
 */
import { mkdirSync } from 'node:fs';
import { addDays, isoWeekday } from '@shared/days';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { goTo, lock } from './case-flows';
import { CASEWORKER, COORDINATOR, addColleague, call } from './print-flows';
import { axeViolations } from './axe';

const LOCALE = 'fi';
const SHOTS = '/tmp/today-shots';
const TEACHER = { name: 'Tiina Opettaja', passphrase: 'sininen vene ja hiljainen satama' };
const COHORT = 'Kevät A';
const TASK = 'Soita työkkäriin ajanvarauksesta';
const DRAFT_TEXT = 'Puhuttiin asunnon vuokrasopimuksesta, jatketaan';
/** Wednesday 13 January 2027 at ten, local time: the group's third session of its first week is under way. */
const WEDNESDAY = '2027-01-13';
const AT_TEN = new Date(2027, 0, 13, 10, 0, 0).getTime();
/** The group began the week before; no attendance has been marked yet. */
const LAST_MONDAY = '2027-01-04';
const startedAt = Date.now();

/** A session's day as the programme writes it in Finnish, e.g. "ke 13.1." (formatSessionDay). */
function sessionDay(day: string, t: (key: string) => string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const dayMonth = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short' }).format(new Date(year, month - 1, date));
  return `${t(`programme.weekdays.short.${isoWeekday(day)}`)} ${dayMonth}`;
}

test.describe('the Today page', () => {
  // The main side lives on that Wednesday; its clock runs on from ten o'clock.
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test', now: () => AT_TEN + (Date.now() - startedAt) } });

  test('a caseworker finds an overdue follow-up, opens it and ticks it done; a teacher sees the session only', async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const { page } = app;
    const s = ui(page, LOCALE);
    mkdirSync(SHOTS, { recursive: true });
    // The page lives on that Wednesday too, so that its own "this week" is the main side's.
    await page.clock.setFixedTime(AT_TEN);
    /** A part of the page by its own heading (the screen itself is a section too, around them all). */
    const sectionOf = (title: string) =>
      page.locator('section').filter({ has: page.locator(':scope > h2', { hasText: new RegExp(`^${title}$`) }) });

    // The coordinator adds the colleagues, a participant with her consent and a group that began on Monday.
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await addColleague(app, CASEWORKER, 'caseworker');
    await addColleague(app, TEACHER, 'teacher');
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
      firstName: 'Leila',
      lastName: 'Haddad',
    });
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: addDays(WEDNESDAY, -20),
      method: 'signed',
    });
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', {
      name: COHORT,
      startDate: LAST_MONDAY,
    });
    await call(app, 'cohorts.enrol', { participantId: participant.id, cohortId: cohort.id, startDate: LAST_MONDAY });
    await call(app, 'vault.lock');

    // The caseworker wrote a note last week with a follow-up that was due on Monday.
    await call(app, 'vault.unlock', { name: CASEWORKER.name, passphrase: CASEWORKER.passphrase });
    await call(app, 'notes.create', {
      participantId: participant.id,
      date: addDays(WEDNESDAY, -7),
      type: 'individual_guidance',
      text: 'Käytiin läpi työnhaun suunnitelma.',
      followUp: { task: TASK, due: addDays(WEDNESDAY, -2) },
    });
    // And began another, left half-written.
    await call(app, 'notes.saveDraft', { participantId: participant.id, fields: { text: DRAFT_TEXT } });
    await call(app, 'vault.lock');

    await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');
    const name = `Leila Haddad (${participant.pseudonym})`;
    const followUps = sectionOf(s.t('todayPage.followUps.title'));
    await expect(followUps).toHaveCount(1);
    const line = followUps.getByRole('listitem').filter({ hasText: TASK });
    await expect(line).toContainText(name);
    await expect(line).toContainText(s.t('todayPage.followUps.overdue'));
    await expect(line).toContainText(s.t('todayPage.followUps.due', { day: '11.1.2027' }));
    await expect(line).toContainText(s.t('todayPage.followUps.owner', { name: CASEWORKER.name }));
    // The week's sessions are listed too, each with the way to its attendance.
    const today = sessionDay(WEDNESDAY, s.t);
    const mark = page.getByRole('button', {
      name: s.t('todayPage.sessions.markAttendanceOf', { cohort: COHORT, day: today }),
      exact: true,
    });
    await expect(mark).toBeVisible();
    // She staffs none of the week's sessions, so her own follow-ups come before them, above the fold.
    const headings = await page.locator('section > h2').allTextContents();
    expect(headings.indexOf(s.t('todayPage.followUps.title'))).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf(s.t('todayPage.followUps.title'))).toBeLessThan(headings.indexOf(s.t('todayPage.sessions.title')));
    await page.screenshot({ path: `${SHOTS}/today-caseworker-fi.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // Her intake assessment was due at the end of the group's first week, Friday 8.1.: overdue, with the one word.
    const assessments = sectionOf(s.t('assessments.today.title'));
    const intake = assessments.getByRole('listitem').filter({ hasText: s.t('assessments.stages.intake') });
    await expect(intake).toContainText(name);
    await expect(intake).toContainText(s.t('todayPage.followUps.overdue'));
    await expect(intake).toContainText(s.t('todayPage.followUps.due', { day: '8.1.2027' }));
    await assessments.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/today-assessments-fi.png` });
    // It opens the participant's file on the assessments tab.
    await intake
      .getByRole('button', {
        name: s.t('assessments.today.open', {
          name: 'Leila Haddad',
          code: participant.pseudonym,
          stage: s.t('assessments.stages.intake'),
        }),
        exact: true,
      })
      .click();
    await screen(page, 'participant');
    await expect(page.getByRole('tab', { name: s.t('case.tabs.assessments'), exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // Once the intake is recorded, the file's timeline shows it by its stage and Today no longer asks for it.
    await call(app, 'assessments.save', {
      participantId: participant.id,
      stage: 'intake',
      date: WEDNESDAY,
      version: 1,
      answers: [{ itemId: 'finnish.speaking', rater: 'caseworker', score: 2 }],
    });
    await page.getByRole('tab', { name: s.t('case.tabs.timeline'), exact: true }).click();
    const recorded = s.t('case.timeline.kindWithLabel', {
      kind: s.t('case.timeline.kinds.assessment_recorded'),
      label: s.t('assessments.stages.intake'),
    });
    await expect(page.getByRole('tabpanel', { name: s.t('case.tabs.timeline') })).toContainText(recorded);
    await page.screenshot({ path: `${SHOTS}/timeline-assessment-fi.png` });
    await goTo(page, LOCALE, 'home', 'home');
    await expect(sectionOf(s.t('todayPage.followUps.title'))).toHaveCount(1);
    await expect(assessments).toHaveCount(0);

    // The line opens the participant's file on the notes tab.
    await line
      .getByRole('button', {
        name: s.t('todayPage.followUps.open', { name: 'Leila Haddad', code: participant.pseudonym, task: TASK }),
      })
      .click();
    await screen(page, 'participant');
    await expect(page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: s.t('case.tabs.notes') })).toContainText(TASK);

    // The half-written note's line opens it in the note form, the text as it was left.
    await goTo(page, LOCALE, 'home', 'home');
    await sectionOf(s.t('todayPage.drafts.title'))
      .getByRole('button', { name: s.t('todayPage.drafts.open', { name: 'Leila Haddad', code: participant.pseudonym }) })
      .click();
    await screen(page, 'participant');
    await expect(page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: s.t('notes.form.newTitle') })).toBeVisible();
    await expect(s.field('notes.form.text')).toHaveValue(DRAFT_TEXT);
    await s.button('notes.form.keepDraft').click();

    // The file's overview offers the same draft, and its button opens that draft in the form too.
    await page.getByRole('tab', { name: s.t('case.tabs.overview'), exact: true }).click();
    await page
      .getByRole('button', { name: new RegExp(`^${s.t('case.glance.drafts.continue', { saved: '' }).replace(/[()]/g, '')}`) })
      .click();
    await expect(page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(s.field('notes.form.text')).toHaveValue(DRAFT_TEXT);
    await s.button('notes.form.keepDraft').click();

    // Back on Today, "Done" ticks it and it leaves the list.
    await goTo(page, LOCALE, 'home', 'home');
    await followUps
      .getByRole('button', { name: s.t('todayPage.followUps.doneOf', { task: TASK, name: 'Leila Haddad' }), exact: true })
      .click();
    await expect(s.status('todayPage.followUps.markedDone', { task: TASK })).toBeVisible();
    // With no follow-up left to go on to, focus is on the confirmation rather than lost with the line.
    await expect(page.locator(':focus')).toContainText(s.t('todayPage.followUps.markedDone', { task: TASK }));
    // The confirmation names the task; no line of the page does any more.
    await expect(page.getByRole('listitem').filter({ hasText: TASK })).toHaveCount(0);
    await expect(followUps).toHaveCount(0);
    await expect(page.getByRole('button', { name: s.t('todayPage.followUps.done') })).toHaveCount(0);

    // The teacher sees the group's sessions with the way to their attendance, and nothing of anyone's file.
    await lock(page, LOCALE);
    await submitNameAndPassphrase(page, LOCALE, TEACHER.name, TEACHER.passphrase);
    await screen(page, 'home');
    const sessions = sectionOf(s.t('todayPage.sessions.title'));
    const todayLine = sessions.getByRole('listitem').filter({ hasText: s.t('todayPage.sessions.today') });
    await expect(todayLine).toContainText(COHORT);
    await expect(todayLine).toContainText('klo 9.00–12.00');
    await expect(mark).toBeVisible();
    await expect(page.getByRole('heading', { name: s.t('todayPage.followUps.title') })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: s.t('assessments.today.title') })).toHaveCount(0);
    await expect(page.getByText('Haddad')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/today-teacher-fi.png`, fullPage: true });

    // The sessions already held without a mark, oldest first; "Mark attendance" opens the group's page at that week.
    const gaps = sectionOf(s.t('todayPage.gaps.title'));
    await expect(gaps.getByRole('listitem').first()).toContainText(sessionDay(LAST_MONDAY, s.t));
    await gaps
      .getByRole('button', {
        name: s.t('todayPage.sessions.markAttendanceOf', { cohort: COHORT, day: sessionDay(LAST_MONDAY, s.t) }),
        exact: true,
      })
      .click();
    await screen(page, 'cohort');
    await expect(page.getByRole('heading', { level: 1, name: COHORT, exact: true })).toBeVisible();
    // The page's own week would be the second (today's): the grid opens at the session's week instead.
    await expect(page.locator('.attendance-week-label')).toHaveText(
      new RegExp(`^${s.t('attendance.week.label', { week: s.t('programme.week.of', { number: 1, total: 10 }), range: '' })}`),
    );
    // The focus is on the session's column, at its first person, ready for a mark.
    await expect(page.locator(':focus')).toHaveAttribute(
      'aria-label',
      new RegExp(`^Leila ${participant.pseudonym}, ${sessionDay(LAST_MONDAY, s.t)}: ${s.t('attendance.cell.empty')}$`),
    );

    // The coordinator, who has never taken a backup, is reminded on Today and led to the backup settings.
    await lock(page, LOCALE);
    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');
    const backup = sectionOf(s.t('todayPage.backup.title'));
    await expect(backup).toContainText(s.t('backup.dueNever'));
    await page.screenshot({ path: `${SHOTS}/today-coordinator-fi.png`, fullPage: true });
    await backup.getByRole('button', { name: s.t('todayPage.backup.open'), exact: true }).click();
    await screen(page, 'settings');
    // Straight onto the backups page of the settings, marked as the page shown in their list.
    await expect(page.getByRole('heading', { level: 2, name: s.t('settingsPages.backups'), exact: true })).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: s.t('settingsPages.navLabel') })
        .getByRole('button', { name: s.t('settingsPages.backups'), exact: true }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(s.button('backup.create.submit')).toBeVisible();
    expectCleanRun(app);
  });
});
