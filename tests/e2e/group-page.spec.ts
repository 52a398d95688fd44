/**
 * A ten-week group's page in Finnish on a 1280 × 800 laptop screen, as the coordinator uses it in the group's third
 * week: the weeks folded under headings that name the programme week ("Viikko 3 / 10 · dates · counts") with the
 * current one open, the same week number in the attendance panel and the print dialog; six participants enrolled
 * from the group's page in one go (one without the consent cannot be chosen); the first week's topics planned in one
 * form and copied to the following weeks (a cancelled session untouched, a topic already chosen kept until the user
 * ticks the box that replaces it); and the week's schedule saved as a PDF with the organisation's name and the
 * number to call when ill, set in Settings. The page is measured with the weeks folded, and drawn for a person to
 * look at (/tmp/group-shots).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COHORT_DEFAULTS } from '@shared/cohorts';
import { addDays, isoWeekday, mondayOf } from '@shared/days';
import { generateSchedule } from '@shared/programme-calendar';
import type { Session } from '@shared/sessions';
import { axeViolations } from './axe';
import { goTo, localDay, openSettingsPage } from './case-flows';
import { expect, screen, test } from './fixtures';
import { expectCleanRun, setUpLockedVault, submitNameAndPassphrase, ui } from './flows';
import { COORDINATOR, call, drawFirstPage, pdfPages } from './print-flows';
import { openCohort, openWeek } from './programme-flows';

const LOCALE = 'fi';
const SHOTS = '/tmp/group-shots';
const COHORT = 'Kevään ryhmä A';
const ORGANISATION = { name: 'Polkuyhdistys ry', phone: '040 123 4567' };
const PEOPLE = ['Aada Aalto', 'Bilal Bakri', 'Chen Chow', 'Dina Demir', 'Elif Eren', 'Farah Farouk'];
const NO_CONSENT = 'Gustav Grön';
/** One laptop screen's height at 1280 × 800. */
const SCREEN = 800;

test.use({ appOptions: { locale: LOCALE, kdfCost: 'test' } });

test('a ten-week group’s page fits the screen, names one week number, enrols six and plans its topics by week', async ({
  app,
}) => {
  test.skip(app.shell === null, 'The save dialog is answered by the browser harness; Electron shows a real one.');
  test.setTimeout(120_000);
  const shell = app.shell!;
  const { page } = app;
  const s = ui(page, LOCALE);
  const out = mkdtempSync(join(tmpdir(), 'polku-group-e2e-'));
  const today = localDay();
  // The group started two weeks ago on a Monday: today is in its third week.
  const start = addDays(mondayOf(today), -14);
  const { planned } = generateSchedule({
    startDate: start,
    lengthWeeks: 10,
    ...COHORT_DEFAULTS,
    weekdays: [...COHORT_DEFAULTS.weekdays],
  });
  const weekOf = (n: number) => s.t('programme.week.of', { number: n, total: 10 });

  try {
    await setUpLockedVault(app, LOCALE, COORDINATOR);
    await call(app, 'vault.unlock', { name: COORDINATOR.name, passphrase: COORDINATOR.passphrase });
    for (const name of [...PEOPLE, NO_CONSENT]) {
      const [firstName, lastName] = name.split(' ');
      const { participant } = await call<{ participant: { id: string } }>(app, 'participants.create', {
        firstName,
        lastName,
        confirmDuplicate: true,
      });
      if (name !== NO_CONSENT)
        await call(app, 'consents.record', {
          participantId: participant.id,
          purpose: 'processing',
          givenOn: addDays(start, -7),
          method: 'signed',
        });
    }
    const { cohort } = await call<{ cohort: { id: string } }>(app, 'cohorts.create', { name: COHORT, startDate: start });
    const sessionsNow = () => call<Session[]>(app, 'sessions.list', { cohortId: cohort.id });
    const sessions = await sessionsNow();
    expect(sessions).toHaveLength(planned.length);
    // Week 4 loses a session to a cancellation, and week 5's first session already has a topic of its own.
    const inWeek = (n: number) => sessions.filter((x) => mondayOf(x.date) === addDays(start, 7 * (n - 1)));
    await call(app, 'sessions.cancel', { id: inWeek(4)[0]!.id, reason: 'Opettaja sairaana' });
    await call(app, 'sessions.update', { id: inWeek(5)[0]!.id, topic: 'companyVisit' });
    await call(app, 'vault.lock');

    await submitNameAndPassphrase(page, LOCALE, COORDINATOR.name, COORDINATOR.passphrase);
    await screen(page, 'home');

    // Settings: the organisation's name and the number to call when ill, for the participants' week schedule.
    await goTo(page, LOCALE, 'settings', 'settings');
    await openSettingsPage(page, LOCALE, 'organisation');
    // The settings' page of its own, named "Organisaatio" (openSettingsPage checks its heading).
    const organisation = page.locator('[data-screen="settings"] section.card').filter({
      has: page.getByLabel(s.t('programme.organisation.name'), { exact: true }),
    });
    await organisation.getByLabel(s.t('programme.organisation.name'), { exact: true }).fill(ORGANISATION.name);
    await organisation.getByLabel(s.t('programme.organisation.phone'), { exact: true }).fill(ORGANISATION.phone);
    await organisation.getByRole('button', { name: s.t('programme.organisation.save'), exact: true }).click();
    await expect(s.status('programme.organisation.saved')).toBeVisible();
    await organisation.screenshot({ path: `${SHOTS}/settings-organisation-fi.png` });

    // The group's page: ten weeks under their headings, the current one open and marked.
    await openCohort(page, LOCALE, COHORT);
    const toggles = page.getByRole('button', { name: /^Viikko \d+ \/ 10 · / });
    await expect(toggles).toHaveCount(10);
    await expect(page.getByRole('button', { expanded: true, name: /^Viikko \d+ \/ 10 · / })).toHaveCount(1);
    const third = page.getByRole('button', { name: new RegExp(`^${weekOf(3)} · `) });
    await expect(third).toHaveAttribute('aria-expanded', 'true');
    await expect(third).toContainText(s.t('programme.sessions.current'));
    await expect(third).toContainText(s.t('programme.sessions.weekCount_other', { count: inWeek(3).length }));
    // The attendance panel names the same week, not the calendar week.
    await expect(page.locator('.attendance-week-label')).toHaveText(new RegExp(`^${weekOf(3)} · `));
    // The ten print buttons are one: the open week's, named with its week.
    await expect(page.getByRole('button', { name: /^Tulosta viikko-ohjelma/ })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Tulosta viikko-ohjelma, viikko 3 / 10', exact: true })).toBeVisible();

    // Six participants from the group's page, in one go; the one without the consent cannot be chosen.
    await s.button('programme.enrol.open').click();
    const enrol = page.getByRole('form', { name: s.t('programme.enrol.title') });
    await expect(enrol.getByRole('heading', { name: s.t('programme.enrol.title') })).toBeFocused();
    await expect(enrol.getByRole('checkbox')).toHaveCount(PEOPLE.length + 1);
    await expect(enrol.getByRole('checkbox', { name: new RegExp(`^${NO_CONSENT}`) })).toBeDisabled();
    await expect(enrol.getByText(s.t('programme.enrol.noConsent'), { exact: false })).toBeVisible();
    const search = enrol.getByRole('searchbox', { name: s.t('programme.enrol.search') });
    await search.fill('chen');
    await expect(enrol.getByRole('checkbox')).toHaveCount(1);
    await enrol.getByRole('checkbox', { name: /^Chen Chow/ }).check();
    await search.fill('');
    for (const name of PEOPLE) await enrol.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
    await expect(enrol.getByText(s.t('programme.enrol.selected_other', { count: 6 }))).toBeVisible();
    expect(await axeViolations(page), 'the enrolment form').toEqual([]);
    await enrol.screenshot({ path: `${SHOTS}/enrol-fi.png` });
    await enrol.getByRole('button', { name: s.t('programme.enrol.submit'), exact: true }).click();
    await expect(s.status('programme.enrol.done_other', { count: 6 })).toBeVisible();
    const members = await call<{ displayName: string; startDate: string }[]>(app, 'cohorts.members', { id: cohort.id });
    expect(members.map((m) => m.displayName).sort()).toEqual(PEOPLE);
    // The group had started: they start today, not on a day whose sessions they missed.
    expect(new Set(members.map((m) => m.startDate))).toEqual(new Set([today]));

    // Folded, the ten weeks' calendar fits in one screen and the whole page in under three (it was 5,200 px, with
    // the attendance panel and its legend taking about 650 of them).
    await page.evaluate('window.scrollTo(0, 0)');
    const height = await page.evaluate('document.scrollingElement.scrollHeight');
    const calendar = await page.getByRole('region', { name: s.t('programme.sessions.title'), exact: true }).boundingBox();
    await page.screenshot({ path: `${SHOTS}/group-page-fi.png` });
    await page.screenshot({ path: `${SHOTS}/group-page-full-fi.png`, fullPage: true });
    expect(calendar!.height, 'ten weeks folded, the current one open').toBeLessThan(SCREEN);
    expect(height, 'the group page with its weeks folded').toBeLessThan(3 * SCREEN);
    expect(await axeViolations(page), 'the group page').toEqual([]);

    // Week 1's topics in one form, copied to all the following weeks.
    const first = await openWeek(page, LOCALE, 1, 10);
    await first.getByRole('button', { name: `Suunnittele aiheet, viikko 1 / 10`, exact: true }).click();
    const plan = page.getByRole('form', { name: s.t('programme.plan.title', { week: 'viikko 1 / 10' }) });
    await expect(plan.getByRole('heading')).toBeFocused();
    const topics = ['finnish', 'it', 'rightsAtWork', 'jobSearch'] as const;
    const selects = plan.getByRole('combobox');
    await expect(selects).toHaveCount(inWeek(1).length);
    const chosen = new Map<number, string>();
    for (let i = 0; i < inWeek(1).length; i++) {
      await selects.nth(i).selectOption({ label: s.t(`programme.topics.${topics[i]!}`) });
      chosen.set(isoWeekday(inWeek(1)[i]!.date), topics[i]!);
    }
    await plan.getByRole('checkbox', { name: s.t('programme.plan.copyAll'), exact: true }).check();
    await expect(plan.getByRole('checkbox', { name: weekOf(10), exact: true })).toBeChecked();
    // Week 5's own topic would be replaced: the form says so and asks first.
    const replace = plan.getByRole('checkbox', { name: s.t('programme.plan.overwrite_one', { count: 1 }), exact: true });
    await expect(replace).not.toBeChecked();
    expect(await axeViolations(page), 'the topic planning form').toEqual([]);
    await plan.screenshot({ path: `${SHOTS}/plan-topics-fi.png` });
    await plan.getByRole('button', { name: s.t('programme.plan.submit'), exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: s.t('programme.plan.kept_one', { count: 1 }) })).toBeVisible();

    const after = await sessionsNow();
    for (const x of after) {
      const week = Math.floor((Date.parse(mondayOf(x.date)) - Date.parse(start)) / (7 * 86_400_000)) + 1;
      const expected =
        x.id === inWeek(4)[0]!.id ? null : x.id === inWeek(5)[0]!.id ? 'companyVisit' : (chosen.get(isoWeekday(x.date)) ?? null);
      expect(x.topic, `week ${week} ${x.date}`).toBe(expected);
    }
    // On the page: week 2 shows its topics once opened.
    const second = await openWeek(page, LOCALE, 2, 10);
    await expect(second.getByText(s.t('programme.topics.finnish'), { exact: true }).first()).toBeVisible();

    // The current week's schedule as a PDF: the programme week, the organisation and its number.
    const current = await openWeek(page, LOCALE, 3, 10);
    await current.getByRole('button', { name: 'Tulosta viikko-ohjelma, viikko 3 / 10', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { level: 2 })).toContainText('viikko 3 / 10');
    const preview = page.frameLocator(`iframe[title="${s.t('week.print.frame')}"]`);
    await expect(preview.getByText(new RegExp(`^${weekOf(3)} · `))).toBeVisible();
    const file = join(out, 'viikko.pdf');
    shell.answerSave(file);
    await dialog.getByRole('button', { name: s.t('print.pdf.save'), exact: true }).click();
    await expect(s.status('print.pdf.saved', { fileName: 'viikko.pdf' })).toBeVisible();
    const text = pdfPages(file).join('\n');
    for (const expected of [COHORT, weekOf(3), ORGANISATION.name, `soita ${ORGANISATION.phone}`, 'Suomen kieli'])
      expect(text, expected).toContain(expected);
    for (const hidden of PEOPLE) expect(text, hidden).not.toContain(hidden.split(' ')[0]);
    drawFirstPage(file, `${SHOTS}/week-schedule-fi.png`);
    await dialog.getByRole('button', { name: s.t('print.close'), exact: true }).click();
    expectCleanRun(app);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
