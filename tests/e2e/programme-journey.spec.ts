/**
 * The coaching programme from start to finish as a caseworker uses it, in Finnish, on the real screens over the
 * real encrypted vault: she sets up a group with nothing but a name and a start date, gives two of this week's
 * sessions a topic and a place, enrols three participants from their files (and a fourth for individual guidance
 * only), marks the week's held sessions with the keyboard alone (arrows and Finnish letters, one Ctrl+Z), reads each
 * participant's rate and flags and each session's rate on the group's page and the participants to reach out to
 * on the start page, and saves the week's schedule as a PDF whose text holds the Finnish topics, times and places
 * and no participant's name. The week is chosen from the calendar so the run does not depend on the weekday; it runs
 * today and again on a fixed day after Easter Monday, with the main side's clock and the page's set to that day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { COHORT_DEFAULTS, COHORT_LENGTH_WEEKS } from '@shared/cohorts';
import type { AttendanceGrid, AttendanceMark } from '@shared/attendance';
import { addDays, mondayOf } from '@shared/days';
import { generateSchedule } from '@shared/programme-calendar';
import { goTo, localDay, openFile } from './case-flows';
import { expect, screen, test, type E2EApp } from './fixtures';
import { expectCleanRun, submitNameAndPassphrase, setUpLockedVault, ui } from './flows';
import { CASEWORKER, COORDINATOR, addColleague, call, pdfPages } from './print-flows';
import { axeViolations } from './axe';
import { openCohort, openWeek, rowOf } from './programme-flows';

const LOCALE = 'fi';
/** Where the screens are drawn, to be looked at after the run. */
const SHOTS = '/tmp/programme-shots';
const COHORT = 'Syksyn ryhmä B';
const PLACES = { first: 'Kirjaston sali 2', second: 'Ammattiliiton talo' } as const;

interface Person {
  firstName: string;
  lastName: string;
  /** The marks for the week's held sessions, in order; the last person's last one is first mistyped and undone. */
  marks: readonly AttendanceMark[];
}

/** The letters a Finnish teacher types: läsnä, myöhässä, lähti kesken, ilmoitettu poissaolo, poissa. */
const KEY: Record<AttendanceMark, string> = { present: 'l', late: 'm', leftEarly: 'k', excused: 'i', absent: 'p' };

/**
 * The week to mark: the latest one (this week or before) in which a group starting on its Monday two weeks
 * earlier has held at least three sessions by today. A Monday or a Tuesday, or a week of public holidays, moves it
 * back a week.
 */
function chooseWeek(today: string) {
  for (let back = 0; back < 8; back++) {
    const week = addDays(mondayOf(today), -7 * back);
    const start = addDays(week, -14);
    const { planned } = generateSchedule({
      startDate: start,
      lengthWeeks: COHORT_LENGTH_WEEKS.default,
      weekdays: [...COHORT_DEFAULTS.weekdays],
      startTime: COHORT_DEFAULTS.startTime,
      endTime: COHORT_DEFAULTS.endTime,
    });
    const inWeek = planned.filter((x) => mondayOf(x.date) === week);
    const held = inWeek.filter((x) => x.date <= today);
    if (held.length >= 3) return { back, week, start, total: planned.length, inWeek: inWeek.length, held: held.length };
  }
  throw new Error(`No week with three held sessions before ${today}.`);
}

/** A participant with the processing consent, as the registry's own specs make them; returns the code. */
async function addParticipant(app: E2EApp, person: Pick<Person, 'firstName' | 'lastName'>, givenOn: string) {
  const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
    firstName: person.firstName,
    lastName: person.lastName,
    confirmDuplicate: true,
  });
  await call(app, 'consents.record', { participantId: participant.id, purpose: 'processing', givenOn, method: 'signed' });
  return participant.pseudonym;
}

/** In the participant's file: "Join a cohort", the group, the start date and how they take part. */
async function enrolFromFile(page: Page, pseudonym: string, start: string, mode: 'group' | 'individual') {
  const s = ui(page, LOCALE);
  await openFile(page, LOCALE, pseudonym);
  await s.button('registry.cohorts.section.join').click();
  await page.getByRole('combobox', { name: s.t('registry.cohorts.join.cohort'), exact: true }).selectOption({ label: COHORT });
  await s.field('registry.cohorts.join.startDate').fill(start);
  await page.getByRole('radio', { name: s.t(`programme.mode.${mode}`), exact: true }).check();
  await s.button('registry.cohorts.join.submit').click();
  await expect(s.status('registry.cohorts.join.done')).toBeVisible();
  await expect(page.getByText(s.t('programme.mode.shown', { mode: s.t(`programme.mode.${mode}`) }))).toBeVisible();
}

/** Attended of counted (excused absences and empty cells left out), in whole per cent as the main side rounds. */
function rateOf(marks: readonly (AttendanceMark | undefined)[]): number | null {
  const counted = marks.filter((m) => m !== undefined && m !== 'excused');
  const attended = counted.filter((m) => m === 'present' || m === 'late' || m === 'leftEarly');
  return counted.length === 0 ? null : Math.floor((attended.length * 100) / counted.length);
}

const TITLE = 'a caseworker sets up a group, enrols it, marks a week by keyboard, sees who drifts and prints the week';

/**
 * A Tuesday whose Monday is Easter Monday: the week holds one session by then, so the marked week is the one before,
 * a full week of four. Local time, as the app reads its days.
 */
const EASTER_TUESDAY = new Date(2027, 2, 30, 10, 0, 0).getTime();
const startedAt = Date.now();

test.describe('today', () => {
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });
  test(TITLE, async ({ app }) => journey(app, localDay()));
});

test.describe('on the Tuesday after Easter Monday 2027', () => {
  // The main side and the page both live on that day; the main side's clock runs on from it.
  test.use({ appOptions: { locale: LOCALE, kdfCost: 'test', now: () => EASTER_TUESDAY + (Date.now() - startedAt) } });
  test(TITLE, async ({ app }) => {
    await app.page.clock.setFixedTime(EASTER_TUESDAY);
    await journey(app, '2027-03-30', { fakeClock: true });
  });
});

async function journey(app: E2EApp, today: string, options: { fakeClock?: boolean } = {}) {
  test.skip(app.shell === null, 'The save dialog is answered by the browser harness; Electron shows a real one.');
  test.setTimeout(240_000);
  const shell = app.shell!;
  const { page } = app;
  const s = ui(page, LOCALE);
  const out = mkdtempSync(join(tmpdir(), 'polku-journey-e2e-'));
  const plan = chooseWeek(today);
  const held = plan.held;
  // Anna comes every time (late once), Bashir never, Chen leaves early, is excused once and then absent.
  const people: Person[] = [
    {
      firstName: 'Anna',
      lastName: 'Aaltonen',
      marks: ['present', 'late', 'present', 'present'].slice(0, held) as AttendanceMark[],
    },
    { firstName: 'Bashir', lastName: 'Bakri', marks: Array<AttendanceMark>(held).fill('absent') },
    {
      firstName: 'Chen',
      lastName: 'Chow',
      marks: ['leftEarly', 'excused', 'absent', 'present'].slice(0, held) as AttendanceMark[],
    },
  ];
  const individual = { firstName: 'Dana', lastName: 'Demir' };
  const nameOf = (p: Pick<Person, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

  try {
    // The coordinator has added the caseworker; the participants are in the registry with their consent.
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await addColleague(app, CASEWORKER, 'caseworker');
    await call(app, 'vault.unlock', { name: CASEWORKER.name, passphrase: CASEWORKER.passphrase });
    const codes = new Map<string, string>();
    for (const p of [...people, individual]) codes.set(nameOf(p), await addParticipant(app, p, addDays(plan.start, -7)));
    await call(app, 'vault.lock');

    await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
    await screen(page, 'home');

    // A new group: the name and the start date, nothing else.
    await goTo(page, LOCALE, 'programme', 'programme');
    await s.button('programme.cohorts.new').click();
    await expect(s.field('programme.new.name')).toBeFocused();
    await s.field('programme.new.name').fill(COHORT);
    await s.field('programme.new.startDate').fill(plan.start);
    await s.button('programme.new.submit').click();
    await screen(page, 'cohort');
    await expect(page.getByRole('heading', { level: 1, name: COHORT, exact: true })).toBeVisible();
    await expect(s.status('programme.cohort.created_other', { count: plan.total })).toBeVisible();

    // The week to mark is the group's third: its first two sessions get a topic and a place of their own.
    // The current week is the one open; the third is opened by its heading, "Viikko 3 / 10 · …".
    const weekSection = await openWeek(page, LOCALE, 3, COHORT_LENGTH_WEEKS.default);
    const edits = weekSection.getByRole('button', { name: new RegExp(`^${s.t('programme.sessions.editOne', { day: '' })}`) });
    await expect(edits).toHaveCount(plan.inWeek);
    for (const [index, topic, place] of [
      [0, 'finnish', PLACES.first],
      [1, 'rightsAtWork', PLACES.second],
    ] as const) {
      await edits.nth(index).click();
      await expect(s.field('programme.sessions.topic')).toBeFocused();
      await s.field('programme.sessions.topic').selectOption({ label: s.t(`programme.topics.${topic}`) });
      await weekSection.getByLabel(s.t('programme.sessions.place'), { exact: true }).fill(place);
      await s.button('programme.sessions.save').click();
      await expect(s.status('programme.sessions.saved')).toBeVisible();
      await expect(weekSection.getByRole('listitem').nth(index)).toContainText(s.t(`programme.topics.${topic}`));
      await expect(weekSection.getByRole('listitem').nth(index)).toContainText(place);
    }

    // Each participant joins from their own file, from the group's first day; Dana for individual guidance only.
    for (const p of people) await enrolFromFile(page, codes.get(nameOf(p))!, plan.start, 'group');
    await enrolFromFile(page, codes.get(nameOf(individual))!, plan.start, 'individual');

    // The group's page: the marked week reached with the keyboard, then into the grid with Tab.
    await openCohort(page, LOCALE, COHORT);
    const grid = page.getByRole('grid', { name: s.t('attendance.grid.label') });
    const focused = page.locator(':focus');
    await expect(grid.getByRole('rowheader').filter({ hasText: individual.firstName })).toHaveCount(0);
    await s.button('attendance.week.previous').focus();
    for (let i = 0; i < plan.back; i++) await page.keyboard.press('Enter');
    // The attendance names the week as the session list does: the programme week, not the calendar week.
    const programmeWeek = s.t('programme.week.of', { number: 3, total: COHORT_LENGTH_WEEKS.default });
    const weekLabel = new RegExp(`^${s.t('attendance.week.label', { week: programmeWeek, range: '' })}`);
    await expect(page.getByRole('paragraph').filter({ hasText: weekLabel })).toBeVisible();
    await expect(grid.getByRole('columnheader')).toHaveCount(1 + plan.inWeek + 2);
    for (let i = 0; i < 20 && (await focused.getAttribute('role')) !== 'gridcell'; i++) await page.keyboard.press('Tab');
    await expect(focused, 'Tab reaches the grid at its first cell').toHaveAttribute(
      'aria-label',
      new RegExp(`, .+: ${s.t('attendance.cell.empty')}$`),
    );

    // Session by session, down its column in the order shown: each mark typed with its Finnish letter moves on to
    // the next person; between sessions one step right and back up to the first person.
    const order = (await grid.getByRole('rowheader').allInnerTexts()).map((text) => text.trim());
    expect(order).toHaveLength(people.length + 1);
    const shown = order.slice(0, people.length).map((header) => {
      const person = people.find((p) => header.startsWith(`${nameOf(p)} `));
      expect(person, `a participant's row: ${header}`).toBeTruthy();
      return person!;
    });
    for (let col = 0; col < held; col++) {
      if (col > 0) {
        await page.keyboard.press('ArrowRight');
        for (let row = 1; row < shown.length; row++) await page.keyboard.press('ArrowUp');
      }
      for (const person of shown) {
        await expect(focused).toHaveAttribute('aria-label', new RegExp(`^${nameOf(person)} `));
        const mark = person.marks[col]!;
        await page.keyboard.press(KEY[mark]);
        const cell = rowOf(grid, nameOf(person)).getByRole('gridcell').nth(col);
        await expect(cell).toHaveAttribute('aria-label', new RegExp(`: ${s.t(`attendance.marks.${mark}`)}$`));
        await expect(cell).toHaveText(`${KEY[mark].toUpperCase()} ${s.t(`attendance.marks.${mark}`)}`);
      }
    }
    // In Finnish P is "poissa": Bashir, typed P every time, is absent on screen.
    await expect(rowOf(grid, 'Bashir Bakri').getByRole('gridcell').first()).toHaveText('P poissa');
    // A slip of the finger on the last cell (the last person stays selected), taken back with Ctrl+Z.
    const lastPerson = shown.at(-1)!;
    const lastMark = lastPerson.marks.at(-1)!;
    const slip: AttendanceMark = lastMark === 'present' ? 'absent' : 'present';
    await page.keyboard.press(KEY[slip]);
    await expect(focused).toHaveAttribute(
      'aria-label',
      new RegExp(`^${nameOf(lastPerson)} .+: ${s.t(`attendance.marks.${slip}`)}$`),
    );
    await page.keyboard.press('Control+z');
    await expect(focused).toHaveAttribute('aria-label', new RegExp(`: ${s.t(`attendance.marks.${lastMark}`)}$`));
    await expect(page.getByRole('status').filter({ hasText: /^Kumottu: / })).toBeVisible();

    // Each participant's rate and flags on the group's page, from the main side's figures.
    const flagLow = s.t('attendance.flags.lowRate', { threshold: 70 });
    for (const p of people) {
      const row = rowOf(grid, nameOf(p));
      const rate = rateOf(p.marks);
      await expect(row.getByRole('gridcell').nth(plan.inWeek)).toHaveText(s.t('attendance.rate', { rate: rate! }));
      const flags = row.getByRole('gridcell').nth(plan.inWeek + 1);
      if (rate! >= 70) await expect(flags.locator('.attendance-flag')).toHaveCount(0);
      else await expect(flags.getByText(flagLow, { exact: true })).toBeVisible();
    }
    const streak = s.t('attendance.flags.absenceStreak', { n: held });
    await expect(rowOf(grid, 'Bashir Bakri').getByText(streak, { exact: true })).toBeVisible();
    await expect(rowOf(grid, 'Chen Chow').getByText(/poissaoloa peräkkäin/)).toHaveCount(0);
    // Each session's rate: the held ones from the marks, the ones still to come without one.
    const footer = grid
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: s.t('attendance.grid.sessionRate') }) });
    const sessionRates = Array.from({ length: plan.inWeek }, (_, col) => {
      const rate = col < held ? rateOf(people.map((p) => p.marks[col])) : null;
      return rate === null ? '–' : s.t('attendance.rate', { rate });
    });
    await expect(footer.getByRole('gridcell')).toHaveText([...sessionRates, '', '']);
    expect(await axeViolations(page), 'the marked grid').toEqual([]);
    await page.locator('.attendance-panel').screenshot({ path: `${SHOTS}/attendance-marked-fi.png` });

    // What the screen shows is what the vault holds.
    const cohortId = (await call<{ id: string; name: string }[]>(app, 'cohorts.list')).find((c) => c.name === COHORT)?.id;
    const stored = await call<AttendanceGrid>(app, 'attendance.grid', { cohortId, weekStart: plan.week });
    expect(stored.rows.map((r) => r.displayName).sort()).toEqual(people.map(nameOf).sort());
    for (const p of people) {
      const row = stored.rows.find((r) => r.displayName === nameOf(p))!;
      expect(stored.sessions.slice(0, held).map((x) => row.marks[x.id])).toEqual(p.marks);
      expect(stored.sessions.slice(held).map((x) => row.marks[x.id] ?? null)).toEqual(Array(plan.inWeek - held).fill(null));
      expect(row.figures.rate).toBe(rateOf(p.marks));
    }
    // The P typed for Bashir is stored as an absence ("poissa"), not as a presence.
    const bashirStored = stored.rows.find((r) => r.displayName === 'Bashir Bakri')!;
    expect(stored.sessions.slice(0, held).map((x) => bashirStored.marks[x.id])).toEqual(Array(held).fill('absent'));

    // The start page: Bashir and Chen to reach out to, not Anna, and not Dana who is not in the group sessions.
    await goTo(page, LOCALE, 'home', 'home');
    await expect(page.getByRole('heading', { level: 2, name: s.t('attendance.drift.title_other', { count: 2 }) })).toBeVisible();
    const drift = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: s.t('attendance.drift.reason') }) });
    const bashir = drift.getByRole('row').filter({ hasText: 'Bashir Bakri' });
    await expect(bashir).toContainText(COHORT);
    await expect(bashir).toContainText(s.t('attendance.rate', { rate: 0 }));
    await expect(bashir).toContainText(flagLow);
    await expect(bashir).toContainText(streak);
    const chen = drift.getByRole('row').filter({ hasText: 'Chen Chow' });
    await expect(chen).toContainText(s.t('attendance.rate', { rate: rateOf(people[2]!.marks)! }));
    await expect(chen).toContainText(flagLow);
    await expect(drift.getByRole('row').filter({ hasText: /Anna|Dana/ })).toHaveCount(0);
    expect(await axeViolations(page), 'the start page with the drift notice').toEqual([]);
    await page.screenshot({ path: `${SHOTS}/home-drift-fi.png`, fullPage: true });

    // A name in the notice opens the participant's file, to find how to reach them; Back comes to the start page.
    await chen
      .getByRole('button', { name: s.t('attendance.drift.openFile', { name: 'Chen Chow', code: codes.get('Chen Chow')! }) })
      .click();
    await screen(page, 'participant');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Chen');
    // The file shows the same figures and flag, and the marks session by session behind a disclosure.
    const chenMarks = people[2]!.marks;
    const chenCounted = chenMarks.filter((m) => m !== 'excused');
    const own = page.getByRole('region', { name: s.t('attendance.participant.title') });
    await expect(own).toContainText(
      s.t('attendance.participant.rate', {
        rate: rateOf(chenMarks)!,
        attended: chenCounted.filter((m) => m !== 'absent').length,
        counted: chenCounted.length,
      }),
    );
    await expect(own).toContainText(flagLow);
    await own.getByText(s.t('attendance.participant.sessions'), { exact: true }).click();
    const ownMarks = own.getByRole('table', { name: s.t('attendance.participant.caption', { cohort: COHORT }) });
    await expect(ownMarks.getByRole('row')).toHaveCount(1 + chenMarks.length);
    await expect(ownMarks.getByRole('row').nth(1)).toContainText(s.t(`attendance.marks.${chenMarks.at(-1)!}`));
    expect(await axeViolations(page), 'the file with its attendance').toEqual([]);
    await own.screenshot({ path: `${SHOTS}/participant-attendance-fi.png` });
    await s.button('case.back').click();
    await screen(page, 'home');

    // From the notice back to the group, and the marked week's schedule saved as a PDF in Finnish.
    await bashir.getByRole('button', { name: s.t('attendance.drift.open', { cohort: COHORT }) }).click();
    await screen(page, 'cohort');
    const printButton = { name: s.t('week.print.openFor', { week: programmeWeek.toLocaleLowerCase() }), exact: true };
    await (await openWeek(page, LOCALE, 3, COHORT_LENGTH_WEEKS.default)).getByRole('button', printButton).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(dialog.getByRole('heading', { level: 2 })).toContainText(programmeWeek.toLocaleLowerCase());
    await expect(dialog.getByLabel(s.t('week.print.locale'), { exact: true })).toHaveValue('fi');
    const preview = page.frameLocator(`iframe[title="${s.t('week.print.frame')}"]`);
    await expect(preview.locator('h1')).toHaveText(COHORT);
    await expect(preview.getByText(s.t('programme.topics.finnish'))).toBeVisible();
    expect(await axeViolations(page, { exclude: 'iframe' }), 'the print dialog').toEqual([]);
    const file = join(out, 'viikko.pdf');
    shell.answerSave(file);
    await dialog.getByRole('button', { name: s.t('print.pdf.save'), exact: true }).click();
    await expect(s.status('print.pdf.saved', { fileName: 'viikko.pdf' })).toBeVisible();
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: `viikko-ohjelma-${plan.week}.pdf` });

    const pages = pdfPages(file);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const expected of [
      COHORT,
      programmeWeek,
      'Suomen kieli',
      'Oikeudet työelämässä',
      PLACES.first,
      PLACES.second,
      '9.00–12.00',
      'Maanantai',
    ])
      expect(text, expected).toContain(expected);
    if (plan.inWeek > 2) expect(text, 'a session without a topic yet').toContain('Aihe tarkentuu');
    for (const hidden of [
      ...[...people, individual].flatMap((p) => [p.firstName, p.lastName, codes.get(nameOf(p))!]),
      CASEWORKER.name,
      'Finnish language',
    ])
      expect(text, hidden).not.toContain(hidden);

    await dialog.getByRole('button', { name: s.t('print.close'), exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(weekSection.getByRole('button', printButton)).toBeFocused();
    expectCleanRun(app, { fakeClock: options.fakeClock ?? false });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
