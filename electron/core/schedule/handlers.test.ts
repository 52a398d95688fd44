import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { LOCALES } from '@shared/locales';
import { SESSION_TOPICS, type Session } from '@shared/sessions';
import { printText } from '../print/labels';
import { CHROMIUM_PATH } from '../../../scripts/browser-app/harness';
import { createHarnessShell } from '../../../scripts/browser-app/shell-harness';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

const shell = createHarnessShell(CHROMIUM_PATH);
const out = mkdtempSync(join(tmpdir(), 'polku-schedule-out-'));

const MARK = {
  notes: 'NOTESMARK Leila was late again',
  reason: 'REASONMARK teacher is ill',
  guest: 'Guest Speaker Mark',
  partner: 'Partnermark Oy',
  otherCohort: 'Othercohort 2027',
  earlierNotes: 'EARLIERMARK last week',
} as const;

let v: StaffedVault;
let cohortId: string;
let otherCohortId: string;

/** The cohort's session on a day. */
const on = (sessions: Session[], date: string) => {
  const found = sessions.find((s) => s.date === date);
  if (!found) throw new Error(`no session on ${date}`);
  return found;
};

beforeAll(async () => {
  v = await staffedVault({ shell });
  const { participant } = await v.t.ok('participants.create', { ...LEILA });
  await v.t.ok('consents.record', {
    participantId: participant.id,
    purpose: 'processing',
    givenOn: '2026-11-01',
    method: 'signed',
  });
  // Calendar week 12 of 2027 is 22.–28.3., the second of the cohort's ten weeks; it meets Monday to Thursday at 9–12.
  const created = await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-03-15', place: 'Kirjasto, sali 2' });
  cohortId = created.cohort.id;
  await v.t.ok('cohorts.enrol', { participantId: participant.id, cohortId, startDate: '2027-03-15' });
  const sessions = await v.t.ok('sessions.list', { cohortId });
  const { partner } = await v.t.ok('partners.save', { name: MARK.partner, type: 'employer', notes: null });
  await v.t.ok('sessions.update', {
    id: on(sessions, '2027-03-22').id,
    topic: 'finnish',
    notes: MARK.notes,
    guest: MARK.guest,
    facilitatorId: v.caseworkerId,
  });
  await v.t.ok('sessions.update', { id: on(sessions, '2027-03-23').id, topic: 'rightsAtWork', place: 'Ammattiliiton talo' });
  await v.t.ok('sessions.cancel', { id: on(sessions, '2027-03-24').id, reason: MARK.reason });
  await v.t.ok('sessions.update', { id: on(sessions, '2027-03-25').id, topic: 'companyVisit', partnerId: partner.id });
  await v.t.ok('sessions.update', { id: on(sessions, '2027-03-18').id, topic: 'it', notes: MARK.earlierNotes });
  await v.t.ok('sessions.add', { cohortId, date: '2027-03-27', startTime: '10:00', endTime: '11:30', topic: 'guestLecture' });
  const other = await v.t.ok('cohorts.create', {
    name: MARK.otherCohort,
    startDate: '2027-03-22',
    weekdays: [1],
    startTime: '13:00',
    endTime: '15:00',
  });
  otherCohortId = other.cohort.id;
}, 90_000);

afterAll(async () => {
  v.t.cleanup();
  await shell.close();
  rmSync(out, { recursive: true, force: true });
});

const request = (extra: Partial<InputOf<'schedule.preview'>> = {}): InputOf<'schedule.preview'> => ({
  cohortId,
  weekStart: '2027-03-22',
  locale: 'fi',
  ...extra,
});

describe('sessions.week', () => {
  it('answers every cohort’s sessions Monday to Sunday with the cohort’s name, a mid-week day standing for its week', async () => {
    const week = await v.t.ok('sessions.week', { weekStart: '2027-03-24' });
    expect(week.weekStart).toBe('2027-03-22');
    expect(week.sessions.map((s) => [s.date, s.startTime, s.cohortName])).toEqual([
      ['2027-03-22', '09:00', 'Kevät 2027'],
      ['2027-03-22', '13:00', MARK.otherCohort],
      ['2027-03-23', '09:00', 'Kevät 2027'],
      ['2027-03-24', '09:00', 'Kevät 2027'],
      ['2027-03-25', '09:00', 'Kevät 2027'],
      ['2027-03-27', '10:00', 'Kevät 2027'],
    ]);
    expect(week.sessions.find((s) => s.date === '2027-03-24')).toMatchObject({ state: 'cancelled' });
    expect((await v.t.ok('sessions.week', { weekStart: '2027-03-28' })).weekStart).toBe('2027-03-22');
    expect((await v.t.ok('sessions.week', { weekStart: '2027-03-29' })).sessions.every((s) => s.cohortId === cohortId)).toBe(
      true,
    );
  });

  it('is open to teachers too', async () => {
    await v.as('teacher');
    expect((await v.t.ok('sessions.week', { weekStart: '2027-03-22' })).sessions).toHaveLength(6);
    await v.as('caseworker');
  });

  it('refuses a day that is not one', async () => {
    expect(await v.t.call('sessions.week', { weekStart: '2027-02-30' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('schedule.preview', () => {
  it('holds that cohort’s week only: days, times, translated topics, places, guest and partner', async () => {
    const { html } = await v.t.ok('schedule.preview', request());
    expect(html).toContain('<h1>Kevät 2027</h1>');
    // The programme week, as the cohort's page names it, not the calendar week (12).
    expect(html).toContain('Viikko 2 / 10 · 22.–28.3.2027');
    for (const expected of [
      'Maanantai 22.3.',
      'Tiistai 23.3.',
      'Keskiviikko 24.3.',
      'Torstai 25.3.',
      'Perjantai 26.3.',
      'Lauantai 27.3.',
      '9.00–12.00',
      '10.00–11.30',
      'Suomen kieli',
      'Oikeudet työelämässä',
      'Yritysvierailu',
      'Vierailuluento',
      'Kirjasto, sali 2',
      'Ammattiliiton talo',
      MARK.guest,
      MARK.partner,
      'Peruttu',
      'Ei ohjelmaa',
    ])
      expect(html, expected).toContain(expected);
    expect(html).not.toContain('Sunnuntai');
    expect(html).not.toContain('Tietotekniikka'); // the week before
    expect(html).not.toContain('13.00'); // the other cohort
  });

  it('has no participant’s name, no notes, no cancellation reason and no staff name, whatever the data holds', async () => {
    const { html } = await v.t.ok('schedule.preview', request());
    for (const hidden of [
      LEILA.firstName,
      LEILA.lastName,
      LEILA.preferredName,
      MARK.notes,
      'NOTESMARK',
      MARK.reason,
      'REASONMARK',
      MARK.earlierNotes,
      MARK.otherCohort,
      'Kalle',
      'Ohjaaja',
    ])
      expect(html, hidden).not.toContain(hidden);
  });

  it('is written in the language asked for', async () => {
    const sv = (await v.t.ok('schedule.preview', request({ locale: 'sv' }))).html;
    expect(sv).toContain('<html lang="sv">');
    for (const expected of [
      'Vecka 2 / 10 · 22–28 mars 2027',
      'Måndag 22 mars',
      'Finska',
      'Företagsbesök',
      'Inställd',
      '9.00–12.00',
    ])
      expect(sv, expected).toContain(expected);
    const en = (await v.t.ok('schedule.preview', request({ locale: 'en' }))).html;
    for (const expected of [
      'Week 2 of 10 · 22\u2009–\u200928 March 2027',
      'Monday 22 March',
      'Rights at work',
      'Cancelled',
      'Guest or partner',
    ])
      expect(en, expected).toContain(expected);
  });

  it('is one self-contained document with the print stylesheet only', async () => {
    const { html } = await v.t.ok('schedule.preview', request());
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'">/);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('names a week outside the cohort’s period by its calendar week, labelled as such', async () => {
    const { html } = await v.t.ok('schedule.preview', request({ weekStart: '2027-03-08' }));
    expect(html).toContain('Kalenteriviikko 10 · 8.–14.3.2027');
  });

  it('carries the organisation’s name and the number to call when ill, once the coordinator has set them', async () => {
    expect((await v.t.ok('schedule.preview', request())).html).not.toContain('soita');
    // The set-up left the caseworker at the keyboard; the settings are the coordinator's.
    await v.as('coordinator');
    await v.t.ok('settings.update', { organisationName: 'Polkuyhdistys ry', organisationPhone: '040 123 4567' });
    const { html } = await v.t.ok('schedule.preview', request());
    expect(html).toContain('Polkuyhdistys ry · Jos sairastut tai et pääse paikalle, soita 040 123 4567.');
    const en = (await v.t.ok('schedule.preview', request({ locale: 'en' }))).html;
    expect(en).toContain('If you are ill or cannot come, call 040 123 4567.');
    await v.t.ok('settings.update', { organisationName: null, organisationPhone: '040 123 4567' });
    expect((await v.t.ok('schedule.preview', request())).html).toContain('<p class="doc-meta">Jos sairastut');
    await v.t.ok('settings.update', { organisationName: null, organisationPhone: null });
    await v.as('caseworker');
  });

  it('escapes a cohort name that looks like markup', async () => {
    await v.t.ok('cohorts.update', { id: otherCohortId, name: '<b>Ryhmä</b>' });
    const { html } = await v.t.ok('schedule.preview', request({ cohortId: otherCohortId }));
    expect(html).toContain('<h1>&lt;b&gt;Ryhmä&lt;/b&gt;</h1>');
    expect(html).toContain('Ei ohjelmaa');
  });

  it('refuses a week that does not start on a Monday, and a cohort that does not exist', async () => {
    expect(await v.t.call('schedule.preview', request({ weekStart: '2027-03-23' }))).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'weekStart' }] },
    });
    expect(await v.t.call('schedule.preview', request({ cohortId: '0123456789abcdef0123456789abcdef' }))).toMatchObject({
      code: 'not_found',
    });
  });
});

/** The schedule's records in the audit log, as the coordinator reads them. */
async function scheduleRecords() {
  await v.as('coordinator');
  const { entries } = await v.t.ok('audit.list', { entityId: cohortId, limit: 500 });
  await v.as('caseworker');
  return entries.filter((entry) => entry.action.startsWith('schedule.'));
}

describe('schedule.pdf and schedule.print', () => {
  it('save nothing and record nothing when cancelled', async () => {
    shell.answerSave(null);
    expect(await v.t.ok('schedule.pdf', request())).toEqual({ status: 'cancelled' });
    expect(shell.saveRequests.at(-1)).toEqual({ purpose: 'print', defaultName: 'viikko-ohjelma-2027-03-22.pdf' });
    shell.answerPrint(false);
    expect(await v.t.ok('schedule.print', request())).toEqual({ status: 'cancelled' });
    expect(readdirSync(out)).toEqual([]);
    expect(await scheduleRecords()).toEqual([]);
  });

  it('write a one-page PDF of the week and audit it under the cohort with the week and language', async () => {
    const file = join(out, 'week.pdf');
    shell.answerSave(file);
    expect(await v.t.ok('schedule.pdf', request({ locale: 'en' }))).toEqual({ status: 'saved', fileName: 'week.pdf' });
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(1);
    for (const expected of ['Kevät 2027', 'Week 2 of 10', 'Finnish language', 'Company visit', 'Cancelled', MARK.partner])
      expect(pages[0], expected).toContain(expected);
    expect(pages[0]).not.toContain('Leila');
    shell.answerPrint(true);
    expect(await v.t.ok('schedule.print', request({ locale: 'sv' }))).toEqual({ status: 'printed' });
    const printed = shell.printed.at(-1) ?? '';
    expect(printed).toContain('Veckoprogram');
    // On paper in landscape, by a second stylesheet the printed document's own policy allows by its hash.
    expect(printed).toContain('<style>@page { size: A4 landscape; }</style>');
    expect(printed).toMatch(/style-src 'sha256-[^']+' 'sha256-[^']+'">/);
    const records = await scheduleRecords();
    expect(records.map((r) => [r.action, r.entity, r.entityId, r.detail]).sort()).toEqual([
      ['schedule.pdf', 'cohort', cohortId, 'week:2027-03-22 locale:en'],
      ['schedule.print', 'cohort', cohortId, 'week:2027-03-22 locale:sv'],
    ]);
  }, 60_000);
});

describe('the schedule’s wording', () => {
  it('names every topic in every language, each differently, as the interface names it', () => {
    for (const locale of LOCALES) {
      const names = SESSION_TOPICS.map((topic) => printText(locale).t(`programme.topics.${topic}`));
      expect(new Set(names).size, locale).toBe(SESSION_TOPICS.length);
    }
    expect(printText('fi').t('programme.topics.workingLife')).toBe('Työelämä- ja yhteiskuntatietous');
  });
});
