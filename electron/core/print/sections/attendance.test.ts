import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { LOCALES } from '@shared/locales';
import { staffedVault, type StaffedVault } from '../../../../tests/support/participants';
import { plantProgramme, PROGRAMME_MARK, type PlantedProgramme } from '../../../../tests/support/programme';
import { openVaultDb } from '../../../../tests/support/raw-db';
import { participantAttendance } from '../../attendance/participant';

let v: StaffedVault;
let leila: string;
let amal: string;
let planted: PlantedProgramme;

beforeAll(async () => {
  v = await staffedVault();
  leila = (await v.t.ok('participants.create', { firstName: 'Leila', lastName: 'Namemark' })).participant.id;
  amal = (await v.t.ok('participants.create', { firstName: 'Amal', confirmDuplicate: true })).participant.id;
  // Sessions: 11-02 finnish, 11-03 company visit, 11-04 job search, 11-05 IT, 11-09 cancelled, 12-01 ahead.
  planted = await plantProgramme(v.t, v.caseworkerId, [
    { participantId: leila, marks: ['present', 'late', 'absent', 'excused', 'present', 'present'] },
    { participantId: amal, marks: ['absent', 'absent'], mode: 'individual' },
  ]);
}, 60_000);

afterAll(() => v.t.cleanup());

const preview = async (participantId: string, extra: Partial<InputOf<'print.preview'>> = {}) =>
  (
    await v.t.ok('print.preview', {
      participantId,
      sections: ['attendance'],
      pseudonymOnly: false,
      locale: 'en',
      ...extra,
    })
  ).html;

/** The text of a document, tags gone and white space folded, for reading it as a person would. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the attendance section', () => {
  it('is offered with the other sections to those who read files', async () => {
    const { sections } = await v.t.ok('print.sections', {});
    expect(sections.find((s) => s.id === 'attendance')).toMatchObject({
      labels: { fi: 'Osallistuminen ohjelmaan', sv: 'Deltagande i programmet', en: 'Attendance in the programme' },
      dated: false,
      signatures: false,
    });
    await v.as('teacher');
    expect(
      await v.t.call('print.preview', { participantId: leila, sections: ['attendance'], pseudonymOnly: false, locale: 'en' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('caseworker');
  });

  it('prints the enrolment, the rate and counts over held sessions only, the sessions marked and the visits', async () => {
    const text = words(await preview(leila));
    expect(text).toContain(PROGRAMME_MARK.cohort);
    expect(text).toContain('Dates From 1 November 2026, ongoing');
    expect(text).toContain('Takes part In the group');
    // Held: 11-02 present, 11-03 late, 11-04 absent, 11-05 excused. Cancelled 11-09 and 12-01 ahead do not count.
    expect(text).toContain('Attendance rate 66 % (2 of 3 sessions)');
    // The marks in the grid's own words (attendance.marks), so that paper and screen say the same.
    expect(text).toContain('Present 1 · late 1 · left early 0 · excused absence 1 · absent 1');
    expect(text).toMatch(
      /2 November 2026 Finnish language present 3 November 2026 Company visit late 4 November 2026 Job-search skills absent 5 November 2026 IT skills excused absence/,
    );
    expect(text).not.toContain('November 9, 2026');
    expect(text).not.toContain('December 1, 2026');
    expect(text).toContain(`3 November 2026 – ${PROGRAMME_MARK.partner} (company visit)`);
    for (const programmeText of [
      PROGRAMME_MARK.sessionNotes,
      PROGRAMME_MARK.cancelReason,
      PROGRAMME_MARK.learned,
      PROGRAMME_MARK.contactName,
    ])
      expect(text).not.toContain(programmeText);
  });

  it('gives an individual enrolment no rate, and lists no visit the participant missed', async () => {
    const text = words(await preview(amal));
    expect(text).toContain('Takes part Individual guidance only');
    expect(text).not.toContain('Attendance rate');
    expect(text).toContain('No visits taken part in.');
    const none = (await v.t.ok('participants.create', { firstName: 'Noor', confirmDuplicate: true })).participant.id;
    expect(words(await preview(none))).toContain('Nothing recorded.');
  });

  it('shows the outcome of an ended enrolment, its reason only with names', async () => {
    const other = (await v.t.ok('participants.create', { firstName: 'Sami', confirmDuplicate: true })).participant.id;
    await plantProgramme(v.t, v.caseworkerId, [{ participantId: other, marks: ['present'] }]);
    const db = await openVaultDb(v.t);
    try {
      db.prepare(
        `UPDATE enrolments SET end_date = '2026-11-03', outcome = 'discontinued', outcome_reason = 'Moved to Oulu REASONMARK'
         WHERE participant_id = ?`,
      ).run(other);
    } finally {
      db.close();
    }
    const named = words(await preview(other));
    expect(named).toContain('Outcome Discontinued (Moved to Oulu REASONMARK)');
    expect(named).toContain('1 November 2026 – 3 November 2026');
    const pseudonymous = words(await preview(other, { pseudonymOnly: true }));
    expect(pseudonymous).toContain('Outcome Discontinued');
    expect(pseudonymous).not.toContain('REASONMARK');
  });

  it('prints no name in pseudonym-only mode, in every language', async () => {
    for (const locale of LOCALES) {
      const html = await preview(leila, { pseudonymOnly: true, locale });
      expect(html).not.toContain('Namemark');
      const section = /<section class="print-section" id="section-attendance">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      expect(section).toContain(PROGRAMME_MARK.partner);
      expect(section).not.toContain('Kalle');
      expect(html).toContain(PROGRAMME_MARK.partner);
      expect(html, locale).not.toMatch(/\{\{|undefined|NaN|\[object/);
    }
    expect(words(await preview(leila, { locale: 'fi' }))).toContain('Läsnäoloprosentti 66 % (2/3 kerrasta)');
  });

  it('shares the programme’s figures: a session held later counts once the day comes', async () => {
    const db = await openVaultDb(v.t);
    try {
      const [now] = participantAttendance(db, leila, '2026-11-28', 70);
      expect(now).toMatchObject({
        cohortId: planted.cohortId,
        figures: { counted: 3, attended: 2, rate: 66, flags: ['lowRate'] },
      });
      const [later] = participantAttendance(db, leila, '2026-12-01', 70);
      expect(later!.figures).toMatchObject({ counted: 4, attended: 3, rate: 75, flags: [] });
      expect(later!.counts.present).toBe(2);
    } finally {
      db.close();
    }
  });
});
