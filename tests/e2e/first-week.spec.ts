/**
 * The first week of a group, in Finnish on a 1280 × 800 laptop screen, on the real screens over
 * the real encrypted vault. On a Thursday the coordinator sets up a ten-week group starting next Monday (the start
 * typed as a Finn does, "1.2."), with the teacher on its staff; enrols six participants from the group's page (the
 * start defaulting to the group's); plans the first week's topics in one form and copies them to the nine weeks
 * after. Twelve days later, on the second Wednesday, the teacher starts from Today, follows the first session held
 * without marks into the grid and marks the first week with the Finnish letters (L läsnä, M myöhässä, K lähti
 * kesken, I ilmoitettu poissaolo, P poissa) and one digit, the cursor moving on to the next person after each
 * mark; what the cells say is what the vault holds. Then the caseworker starts from Today, follows her overdue
 * follow-up into the participant's notes, locks, and unlocking is back on the same participant's notes tab.
 * The main side's clock and the page's live on those two days, so the run does not depend on the day it runs.
 * Every main screen passes axe; each step is drawn to /tmp/first-week for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { AttendanceGrid, AttendanceMark } from '@shared/attendance';
import { COHORT_DEFAULTS } from '@shared/cohorts';
import { addDays, isoWeekday, mondayOf } from '@shared/days';
import { generateSchedule } from '@shared/programme-calendar';
import type { Session } from '@shared/sessions';
import { axeViolations } from './axe';
import { goTo, lock } from './case-flows';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { CASEWORKER, COORDINATOR, addColleague, call } from './print-flows';
import { openWeek, rowOf } from './programme-flows';

const LOCALE = 'fi';
const SHOTS = '/tmp/first-week';
const TEACHER = { name: 'Tiina Opettaja', passphrase: 'sininen vene ja hiljainen satama' };
const COHORT = 'Kevät 2027 A';

/** Thursday 28 January 2027, two in the afternoon: the coordinator prepares the group that starts on Monday. */
const PLANNING_DAY = new Date(2027, 0, 28, 14, 0, 0).getTime();
/** Wednesday 10 February 2027 at ten: the group's second week, its first week held and not yet marked. */
const SECOND_WEDNESDAY = new Date(2027, 1, 10, 10, 0, 0).getTime();
const START = '2027-02-01';

/** The main side's clock: it lives on the day set last and runs on from it. */
let clock = { day: PLANNING_DAY, since: Date.now() };
async function liveOn(page: Page, day: number) {
  clock = { day, since: Date.now() };
  await page.clock.setFixedTime(day);
}

interface Person {
  firstName: string;
  lastName: string;
  /** The first week's four sessions, in order. */
  marks: readonly AttendanceMark[];
}

const PEOPLE: readonly Person[] = [
  { firstName: 'Amina', lastName: 'Hassan', marks: ['present', 'present', 'late', 'present'] },
  { firstName: 'Bogdan', lastName: 'Kovalenko', marks: ['absent', 'absent', 'absent', 'absent'] },
  { firstName: 'Chen', lastName: 'Wei', marks: ['present', 'leftEarly', 'present', 'present'] },
  { firstName: 'Dilnoza', lastName: 'Karimova', marks: ['excused', 'present', 'present', 'late'] },
  { firstName: 'Emilia', lastName: 'Virtanen', marks: ['present', 'present', 'present', 'present'] },
  { firstName: 'Fatima', lastName: 'Ali', marks: ['present', 'absent', 'excused', 'leftEarly'] },
];
const nameOf = (p: Pick<Person, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;
/** Chen's follow-up, written by the caseworker the day before the planning and due on the second Monday. */
const FOLLOW_UP = { task: 'Varaa tulkki TE-toimiston tapaamiseen', due: '2027-02-08' };
/** The first week's topics, Monday to Thursday. */
const TOPICS = ['finnish', 'rightsAtWork', 'it', 'jobSearch'] as const;

test.use({ appOptions: { locale: LOCALE, kdfCost: 'test', now: () => clock.day + (Date.now() - clock.since) } });

/** A part of Today by its own heading (the screen itself is a section too, around them all). */
function sectionOf(page: Page, title: string): Locator {
  return page.locator('section').filter({ has: page.locator(':scope > h2', { hasText: new RegExp(`^${title}$`) }) });
}

/** A session's day as the programme writes it in Finnish, e.g. "ma 1.2." (formatSessionDay). */
function sessionDay(day: string, t: (key: string) => string): string {
  const [, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${t(`programme.weekdays.short.${isoWeekday(day)}`)} ${date}.${month}.`;
}

test('the first week of a group: set up, six enrolled, topics copied, marked in Finnish, a follow-up from Today and back after a lock', async ({
  app,
}) => {
  // About 13 s on the two-core machine: well inside the configured 60 s.
  const { page } = app;
  const s = ui(page, LOCALE);
  mkdirSync(SHOTS, { recursive: true });
  await liveOn(page, PLANNING_DAY);
  const weekOf = (n: number) => s.t('programme.week.of', { number: n, total: 10 });
  const { planned } = generateSchedule({
    startDate: START,
    lengthWeeks: 10,
    ...COHORT_DEFAULTS,
    weekdays: [...COHORT_DEFAULTS.weekdays],
  });

  // Where the screens are not the point: the colleagues, the six participants with their consent, and Chen's note
  // with the follow-up the caseworker wrote the day before.
  await setUpLockedVault(app, LOCALE, COORDINATOR);
  await addColleague(app, CASEWORKER, 'caseworker');
  await addColleague(app, TEACHER, 'teacher');
  await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
  const codes = new Map<string, { id: string; pseudonym: string }>();
  for (const p of PEOPLE) {
    const { participant } = await call<{ participant: { id: string; pseudonym: string } }>(app, 'participants.create', {
      firstName: p.firstName,
      lastName: p.lastName,
      confirmDuplicate: true,
    });
    await call(app, 'consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2027-01-20',
      method: 'oral_with_interpreter',
    });
    codes.set(nameOf(p), participant);
  }
  await call(app, 'vault.lock');
  const chen = codes.get('Chen Wei')!;
  await call(app, 'vault.unlock', { name: CASEWORKER.name, passphrase: CASEWORKER.passphrase });
  await call(app, 'notes.create', {
    participantId: chen.id,
    date: '2027-01-27',
    type: 'individual_guidance',
    text: 'Chen haluaa hakea työttömäksi työnhakijaksi. Tapaaminen TE-toimistossa tarvitsee tulkin.',
    followUp: FOLLOW_UP,
  });
  await call(app, 'vault.lock');

  // ── The coordinator, on Thursday: a new group on the screens, the start typed the Finnish way. ──
  await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
  await screen(page, 'home');
  await goTo(page, LOCALE, 'programme', 'programme');
  await s.button('programme.cohorts.new').click();
  await expect(s.field('programme.new.name')).toBeFocused();
  await page.keyboard.type(COHORT);
  await s.field('programme.new.startDate').fill('1.2.');
  await s.field('programme.new.startDate').blur();
  await expect(s.field('programme.new.startDate')).toHaveValue('1.2.2027');
  await expect(page.getByText('ma 1.2.2027', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: TEACHER.name, exact: true }).check();
  const newForm = page.getByRole('form', { name: s.t('programme.new.title') });
  // Easter Monday falls in week 9: the preview says so before anything is saved.
  await expect(newForm).toContainText(`${planned.length} kertaa, 1.2.–8.4.2027; ohitetaan: 2. pääsiäispäivä 29.3.`);
  expect(await axeViolations(page), 'the new group form').toEqual([]);
  await newForm.screenshot({ path: `${SHOTS}/1-new-group.png` });
  await s.button('programme.new.submit').click();
  await screen(page, 'cohort');
  await expect(page.getByRole('heading', { level: 1, name: COHORT, exact: true })).toBeVisible();
  await expect(s.status('programme.cohort.created_other', { count: planned.length })).toBeVisible();

  // Ten weeks under their headings, the first one (next week's) open.
  const toggles = page.getByRole('button', { name: /^Viikko \d+ \/ 10 · / });
  await expect(toggles).toHaveCount(10);
  await expect(page.getByRole('button', { expanded: true, name: /^Viikko \d+ \/ 10 · / })).toHaveCount(1);
  await expect(page.getByRole('button', { name: new RegExp(`^${weekOf(1)} · `) })).toHaveAttribute('aria-expanded', 'true');
  // The attendance panel names the same week with the same dates, Monday to Friday.
  await expect(page.getByRole('button', { name: new RegExp(`^${weekOf(1)} · 1\\.–5\\.2\\.2027 · `) })).toBeVisible();
  await expect(page.locator('.attendance-week-label')).toHaveText(`${weekOf(1)} · 1.–5.2.2027`);

  // Six participants from the group's page in one go, starting on the group's first day.
  await s.button('programme.enrol.open').click();
  const enrol = page.getByRole('form', { name: s.t('programme.enrol.title') });
  await expect(enrol.getByRole('heading', { name: s.t('programme.enrol.title') })).toBeFocused();
  await expect(enrol.getByLabel(s.t('programme.enrol.startDate'), { exact: true })).toHaveValue('1.2.2027');
  await expect(enrol.getByRole('checkbox')).toHaveCount(PEOPLE.length);
  for (const p of PEOPLE) await enrol.getByRole('checkbox', { name: new RegExp(`^${nameOf(p)} · `) }).check();
  await expect(enrol.getByText(s.t('programme.enrol.selected_other', { count: 6 }))).toBeVisible();
  expect(await axeViolations(page), 'the enrolment form').toEqual([]);
  await enrol.screenshot({ path: `${SHOTS}/2-enrol-six.png` });
  await enrol.getByRole('button', { name: s.t('programme.enrol.submit'), exact: true }).click();
  await expect(s.status('programme.enrol.done_other', { count: 6 })).toBeVisible();
  const cohortId = (await call<{ id: string; name: string }[]>(app, 'cohorts.list')).find((c) => c.name === COHORT)!.id;
  const members = await call<{ displayName: string; startDate: string }[]>(app, 'cohorts.members', { id: cohortId });
  expect(members.map((m) => m.displayName).sort()).toEqual(PEOPLE.map(nameOf).sort());
  expect(new Set(members.map((m) => m.startDate))).toEqual(new Set([START]));
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/3-group-page.png` });
  expect(await axeViolations(page), 'the group page, weeks folded').toEqual([]);

  // Week 1's topics in one form, copied to every following week.
  const first = await openWeek(page, LOCALE, 1, 10);
  await first.getByRole('button', { name: `Suunnittele aiheet, viikko 1 / 10`, exact: true }).click();
  const plan = page.getByRole('form', { name: s.t('programme.plan.title', { week: 'viikko 1 / 10' }) });
  await expect(plan.getByRole('heading')).toBeFocused();
  const selects = plan.getByRole('combobox');
  await expect(selects).toHaveCount(TOPICS.length);
  for (const [i, topic] of TOPICS.entries()) await selects.nth(i).selectOption({ label: s.t(`programme.topics.${topic}`) });
  await plan.getByRole('checkbox', { name: s.t('programme.plan.copyAll'), exact: true }).check();
  for (let n = 2; n <= 10; n++) await expect(plan.getByRole('checkbox', { name: weekOf(n), exact: true })).toBeChecked();
  expect(await axeViolations(page), 'the week topic form').toEqual([]);
  await plan.screenshot({ path: `${SHOTS}/4-week-topics.png` });
  await plan.getByRole('button', { name: s.t('programme.plan.submit'), exact: true }).click();
  await expect(s.status('programme.plan.done_other', { count: planned.length })).toBeVisible();
  // A later week, opened: its sessions carry the same weekday's topic.
  const seventh = await openWeek(page, LOCALE, 7, 10);
  for (const topic of TOPICS) await expect(seventh.getByText(s.t(`programme.topics.${topic}`), { exact: true })).toBeVisible();
  const sessions = await call<Session[]>(app, 'sessions.list', { cohortId });
  for (const x of sessions) expect(x.topic, x.date).toBe(TOPICS[isoWeekday(x.date) - 1]);
  await page.screenshot({ path: `${SHOTS}/5-group-page-week-7.png`, fullPage: true });
  await lock(page, LOCALE);

  // ── Twelve days later: the teacher starts from Today. ──
  await liveOn(page, SECOND_WEDNESDAY);
  await submitNameAndPassphrase(page, LOCALE, TEACHER.name, TEACHER.passphrase);
  await screen(page, 'home');
  const todayLine = sectionOf(page, s.t('todayPage.sessions.title'))
    .getByRole('listitem')
    .filter({ hasText: s.t('todayPage.sessions.today') });
  await expect(todayLine).toContainText(COHORT);
  await expect(todayLine).toContainText('klo 9.00–12.00');
  const gaps = sectionOf(page, s.t('todayPage.gaps.title'));
  await expect(gaps.getByRole('listitem').first()).toContainText(sessionDay(START, s.t));
  expect(await axeViolations(page), 'Today, the teacher').toEqual([]);
  await page.screenshot({ path: `${SHOTS}/6-today-teacher.png`, fullPage: true });
  await gaps
    .getByRole('button', {
      name: s.t('todayPage.sessions.markAttendanceOf', { cohort: COHORT, day: sessionDay(START, s.t) }),
      exact: true,
    })
    .click();
  await screen(page, 'cohort');
  // The grid opens at the programme's first week, the focus on Monday's first person.
  await expect(page.locator('.attendance-week-label')).toHaveText(new RegExp(`^${weekOf(1)} · `));
  const grid = page.getByRole('grid', { name: s.t('attendance.grid.label') });
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute(
    'aria-label',
    new RegExp(`, ${sessionDay(START, s.t)}: ${s.t('attendance.cell.empty')}$`),
  );

  // Down each session's column in the order shown; a mark moves on to the next person. Emilia's last is the digit 1.
  const letter = (mark: AttendanceMark) => s.t(`attendance.keys.${mark}`);
  const order = (await grid.getByRole('rowheader').allInnerTexts()).map((text) => text.trim());
  const shown = order
    .filter((header) => PEOPLE.some((p) => header.startsWith(`${p.firstName} `)))
    .map((header) => PEOPLE.find((p) => header.startsWith(`${p.firstName} `))!);
  expect(shown).toHaveLength(PEOPLE.length);
  for (let col = 0; col < 4; col++) {
    if (col > 0) {
      await page.keyboard.press('ArrowRight');
      for (let row = 1; row < shown.length; row++) await page.keyboard.press('ArrowUp');
    }
    for (const [row, person] of shown.entries()) {
      await expect(focused).toHaveAttribute('aria-label', new RegExp(`^${person.firstName} `));
      const mark = person.marks[col]!;
      const digit = person.firstName === 'Emilia' && col === 3;
      await page.keyboard.press(digit ? '1' : letter(mark).toLowerCase());
      // The cursor has moved on to the next person (the last stays).
      if (row < shown.length - 1)
        await expect(focused).toHaveAttribute('aria-label', new RegExp(`^${shown[row + 1]!.firstName} `));
    }
  }
  // The cells say each mark with its Finnish letter and its word.
  for (const person of shown) {
    const cells = rowOf(grid, person.firstName).getByRole('gridcell');
    for (const [col, mark] of person.marks.entries())
      await expect(cells.nth(col)).toHaveText(`${letter(mark)} ${s.t(`attendance.marks.${mark}`)}`);
  }
  await expect(rowOf(grid, 'Bogdan').getByRole('gridcell').first()).toHaveText('P poissa');
  await expect(rowOf(grid, 'Amina').getByRole('gridcell').nth(2)).toHaveText('M myöhässä');
  await expect(page.getByText(s.t('attendance.legend.title'), { exact: true })).toBeVisible();
  expect(await axeViolations(page), 'the marked grid').toEqual([]);
  await page.locator('.attendance-panel').screenshot({ path: `${SHOTS}/7-attendance.png` });
  await page.screenshot({ path: `${SHOTS}/7-attendance-page.png` });

  // What the cells say is what the vault holds: P is stored as absent, L as present.
  const stored = await call<AttendanceGrid>(app, 'attendance.grid', { cohortId, weekStart: mondayOf(START) });
  const held = stored.sessions.filter((x) => x.date < addDays(START, 7));
  expect(held).toHaveLength(4);
  for (const person of PEOPLE) {
    const row = stored.rows.find((r) => r.displayName.startsWith(person.firstName))!;
    expect(
      held.map((x) => row.marks[x.id]),
      nameOf(person),
    ).toEqual(person.marks);
  }
  await lock(page, LOCALE);

  // ── The caseworker starts from Today: the overdue follow-up leads into Chen's notes. ──
  await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
  await screen(page, 'home');
  const followUps = sectionOf(page, s.t('todayPage.followUps.title'));
  const line = followUps.getByRole('listitem').filter({ hasText: FOLLOW_UP.task });
  await expect(line).toContainText(`Chen Wei (${chen.pseudonym})`);
  await expect(line).toContainText(s.t('todayPage.followUps.overdue'));
  await expect(line).toContainText(s.t('todayPage.followUps.due', { day: '8.2.2027' }));
  await expect(line).toContainText(s.t('todayPage.followUps.owner', { name: CASEWORKER.name }));
  expect(await axeViolations(page), 'Today, the caseworker').toEqual([]);
  await page.screenshot({ path: `${SHOTS}/8-today-caseworker.png`, fullPage: true });
  await line
    .getByRole('button', {
      name: s.t('todayPage.followUps.open', { name: 'Chen Wei', code: chen.pseudonym, task: FOLLOW_UP.task }),
    })
    .click();
  await screen(page, 'participant');
  const notesTab = page.getByRole('tab', { name: s.t('case.tabs.notes'), exact: true });
  await expect(notesTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: s.t('case.tabs.notes') })).toContainText(FOLLOW_UP.task);
  await page.screenshot({ path: `${SHOTS}/9-file-notes.png` });

  // Locked and unlocked: back on Chen's notes, not on Today.
  await lock(page, LOCALE);
  await submitNameAndPassphrase(page, LOCALE, CASEWORKER.name, CASEWORKER.passphrase);
  await screen(page, 'participant');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(chen.pseudonym);
  await expect(notesTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: s.t('case.tabs.notes') })).toContainText(FOLLOW_UP.task);
  expect(await axeViolations(page), 'the file after the unlock').toEqual([]);
  await page.screenshot({ path: `${SHOTS}/10-file-after-unlock.png` });
  expectCleanRun(app);
});
