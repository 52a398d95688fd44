/**
 * The funder report over a real encrypted vault: a fixture of 32 participations written straight into the
 * vault's tables, counted by hand in the comments below, and the report read through dispatch as the coordinator
 * sees it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundles, lookup } from '@shared/i18n/bundles';
import { REPORT_COLUMNS, type FunderReport, type ReportCell } from '@shared/reports';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { readParticipations, type ReportPeriod } from './facts';
import { funderTables } from './funder-tables';
import { INDICATOR_SETS } from './indicator-set';

const YEAR: ReportPeriod = { from: '2026-01-01', to: '2026-12-31', cohortId: null };
const TODAY = '2026-11-28';

interface Person {
  gender?: 'female' | 'male' | 'other' | 'not_disclosed' | null;
  birthYear?: number | null;
  ageBand?: string | null;
  labour?: string | null;
  education?: string | null;
  thirdCountry?: 'yes' | 'no' | 'unknown' | null;
  consent?: boolean;
  /** [start, end, outcome] in the first group, or in the second with `cohort: 2`. */
  enrolments: [string, string | null, ('completed' | 'discontinued')?, (1 | 2)?][];
  exit?: { jobSearching: 0 | 1; inEducation: 0 | 1; qualification: 0 | 1; employed: 0 | 1 };
  followUp?: { employed: 0 | 1; improved: 0 | 1 } | 'not_reached';
}

let v: StaffedVault;
let db: Db;
let cohorts: string[];
let serial = 0;

function insert(person: Person): string {
  const id = randomBytes(16).toString('hex');
  serial += 1;
  db.prepare(
    `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, first_name, status, created_at, updated_at,
       created_by, gender, birth_year, age_band, labour_market_status_at_entry, education_isced, third_country_national)
     VALUES (?, ?, 2026, ?, 'Testi', 'active', '2026-01-01', '2026-01-01', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    `P-2026-${String(serial).padStart(3, '0')}`,
    serial,
    v.coordinatorId,
    person.gender === undefined ? 'male' : person.gender,
    person.birthYear ?? null,
    person.ageBand ?? null,
    person.labour ?? null,
    person.education ?? null,
    person.thirdCountry ?? null,
  );
  for (const [start, end, outcome, cohort] of person.enrolments) {
    db.prepare(
      `INSERT INTO enrolments (id, participant_id, cohort_id, start_date, end_date, outcome) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(randomBytes(16).toString('hex'), id, cohorts[(cohort ?? 1) - 1], start, end, end ? (outcome ?? 'completed') : null);
  }
  if (person.consent !== false) {
    db.prepare(
      `INSERT INTO consents (id, participant_id, purpose, given_on, method, recorded_by, recorded_at)
       VALUES (?, ?, 'funder_statistics', '2026-01-01', 'signed', ?, '2026-01-01T09:00:00.000Z')`,
    ).run(randomBytes(16).toString('hex'), id, v.coordinatorId);
  }
  if (person.exit || person.followUp) {
    const e = person.exit;
    const f = person.followUp;
    const reached = f && f !== 'not_reached' ? f : null;
    db.prepare(
      `INSERT INTO participation_results (participant_id, exit_checked_on, exit_job_searching, exit_in_education,
         exit_qualification, exit_employed, follow_up_checked_on, follow_up_outcome, follow_up_employed,
         follow_up_improved, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-11-01T09:00:00.000Z', ?)`,
    ).run(
      id,
      e ? '2026-10-01' : null,
      e?.jobSearching ?? null,
      e?.inEducation ?? null,
      e?.qualification ?? null,
      e?.employed ?? null,
      f ? '2026-11-01' : null,
      f ? (f === 'not_reached' ? 'not_reached' : 'reached') : null,
      reached?.employed ?? null,
      reached?.improved ?? null,
      v.coordinatorId,
    );
  }
  return id;
}

beforeAll(async () => {
  v = await staffedVault();
  db = await openVaultDb(v.t);
  cohorts = ['Kevät 2026', 'Syksy 2026'].map((name, i) => {
    const id = randomBytes(16).toString('hex');
    db.prepare(
      `INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, created_by, created_at) VALUES (?, ?, ?, ?, 10, ?, ?)`,
    ).run(id, name, name.toLowerCase(), i === 0 ? '2026-02-02' : '2026-09-01', v.coordinatorId, '2026-01-01T09:00:00.000Z');
    return id;
  });
  db.transaction(() => {
    // A: re-entry, counted once: entered 2.2. (first entry), left 10.7. completed (last exit). Woman, long-term
    // unemployed, born 1980 (45 or 46: 30–54), ISCED 2. Exit situation: employed.
    insert({
      gender: 'female',
      birthYear: 1980,
      labour: 'long_term_unemployed',
      education: 'isced_2',
      enrolments: [
        ['2026-02-02', '2026-03-31', 'discontinued'],
        ['2026-05-04', '2026-07-10', 'completed', 2],
      ],
      exit: { jobSearching: 0, inEducation: 0, qualification: 0, employed: 1 },
    });
    // B: entered last year, left 15.3. discontinued: a leaver, not an entrant; six months later (15.9.) falls in the
    // year, the follow-up not recorded: not known. Woman, age band 25–34 (not known for the age rows).
    insert({
      gender: 'female',
      ageBand: '25-34',
      labour: 'inactive',
      enrolments: [['2025-10-01', '2026-03-15', 'discontinued']],
    });
    // C: no funder-statistics consent: not counted at all, only in "not counted".
    insert({ gender: 'male', labour: 'unemployed', consent: false, enrolments: [['2026-02-02', null]] });
    // D: born 1996, entered 2.3.2026: 29 or 30, so the age is not known. Third-country national. Still in a group.
    insert({ birthYear: 1996, labour: 'unemployed', thirdCountry: 'yes', enrolments: [['2026-03-02', null]] });
    // E: left 1.12.2025; six months later (1.6.2026) in the year: reached, employed, situation not improved.
    // Not in the programme during the year. Gender not told.
    insert({
      gender: 'not_disclosed',
      labour: 'employed',
      enrolments: [['2025-09-01', '2025-12-01', 'completed']],
      followUp: { employed: 1, improved: 0 },
    });
    // F: left 1.5.2025: six months later is 1.11.2025, outside the year: not in the report at all.
    insert({ gender: 'male', enrolments: [['2025-02-03', '2025-05-01', 'completed']] });
    // G: age band 55–64 (55+), woman, entered in the autumn group, still in it.
    insert({ gender: 'female', ageBand: '55-64', labour: 'self_employed', enrolments: [['2026-09-01', null, undefined, 2]] });
    // H..: 25 men, born 2000 (25 or 26: 18–29), unemployed, ISCED 3–4, entered 2.2., still in the group.
    for (let i = 0; i < 25; i++) {
      insert({ birthYear: 2000, labour: 'unemployed', education: 'isced_3_4', enrolments: [['2026-02-02', null]] });
    }
  })();
});

afterAll(() => {
  db.close();
  v.t.cleanup();
});

const counts = (period = YEAR) => {
  const read = readParticipations(db, period, TODAY);
  const tables = funderTables(INDICATOR_SETS.get('esf-plus-2021-2027')!, 'fi', read.counted);
  const value = new Map(tables.counts.map((c) => [c.key, c.value]));
  // female, male, other or not told, total
  const row = (key: string) => REPORT_COLUMNS.map((column) => value.get(`${key}/${column}`));
  return { read, row };
};

describe('the funder report counts by the funder rules', () => {
  it('counts a participation once, from its first entry to its last exit', () => {
    const { row } = counts();
    // Entrants: A, D, G and the 25 (C has no consent): 28; women A, G; men D (gender left as man) and the 25.
    expect(row('population/entrants')).toEqual([2, 26, 0, 28]);
    // Leavers: A (completed), B (discontinued).
    expect(row('population/leavers')).toEqual([2, 0, 0, 2]);
    expect(row('ended/completed')).toEqual([1, 0, 0, 1]);
    expect(row('ended/discontinued')).toEqual([1, 0, 0, 1]);
    // Six months after leaving in the year: B (15.9.) and E (1.6.).
    expect(row('population/sixMonthsAfter')).toEqual([1, 0, 1, 2]);
    // In the programme during the year: A, B, D, G and the 25; not E (left in 2025), not F.
    expect(row('period/in')).toEqual([3, 26, 0, 29]);
  });

  it('counts entry data at entry, with a student inactive and an age class only when certain', () => {
    const { row } = counts();
    expect(row('entry-labour-market/EECO02')).toEqual([1, 26, 0, 27]); // A (long-term), D, the 25
    expect(row('entry-labour-market/EECO03')).toEqual([1, 0, 0, 1]); // A
    expect(row('entry-labour-market/EECO05')).toEqual([1, 0, 0, 1]); // G, self-employed
    expect(row('entry-age/EECO07')).toEqual([0, 25, 0, 25]); // the 25, born 2000
    expect(row('entry-age/entry-age-30-54')).toEqual([1, 0, 0, 1]); // A
    expect(row('entry-age/EECO08')).toEqual([1, 0, 0, 1]); // G, band 55–64
    expect(row('entry-age/entry-age-unknown')).toEqual([0, 1, 0, 1]); // D, 29 or 30
    expect(row('entry-education/EECO10')).toEqual([0, 25, 0, 25]);
    expect(row('entry-education/entry-education-unknown')).toEqual([1, 1, 0, 2]); // G, D
    expect(row('entry-background/EECO13')).toEqual([0, 1, 0, 1]); // D
  });

  it('counts a situation not recorded as not known', () => {
    const { row } = counts();
    expect(row('exit-results/EECR04')).toEqual([1, 0, 0, 1]); // A
    expect(row('exit-results/exit-unknown')).toEqual([1, 0, 0, 1]); // B, nothing recorded
    expect(row('follow-up-results/EELR04')).toEqual([0, 0, 1, 1]); // E
    expect(row('follow-up-results/EELR05')).toEqual([0, 0, 0, 0]);
    expect(row('follow-up-results/follow-up-unknown')).toEqual([1, 0, 0, 1]); // B, no follow-up
  });

  it('leaves out whoever has no funder-statistics consent, counting them only as not counted', () => {
    expect(counts().read.notCounted).toBe(1);
  });

  it('counts one group whole: a participation ever in it, with its first entry and last exit', () => {
    const { row } = counts({ ...YEAR, cohortId: cohorts[1]! });
    // The autumn group: A (its second enrolment) and G.
    expect(row('population/entrants')).toEqual([2, 0, 0, 2]);
    expect(row('population/leavers')).toEqual([1, 0, 0, 1]);
  });
});

describe('the report the coordinator reads', () => {
  let report: FunderReport;
  beforeAll(async () => {
    await v.as('coordinator');
    report = await v.t.ok('reports.funder', { from: YEAR.from, to: YEAR.to, locale: 'fi' });
  });

  const cellsOf = (table: string, row: string): ReportCell[] =>
    report.tables.find((t) => t.id === table)!.rows.find((r) => r.id === row)!.cells;

  it('shows no count from 1 to 4, and the large counts as they are', () => {
    const visible = report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.kind === 'value');
    expect(visible.every((c) => c.kind === 'value' && (c.value === 0 || c.value >= 5))).toBe(true);
    expect(cellsOf('entry-labour-market', 'entry-labour-market/EECO03')[0]).toEqual({ kind: 'small', below: 5 });
    // Every figure shown is the true count: the hand count above, where it is not suppressed.
    const { row } = counts();
    for (const table of report.tables) {
      for (const r of table.rows) {
        r.cells.forEach((cell, column) => {
          if (cell.kind === 'value') expect(cell.value).toBe(row(r.id)[column]);
        });
      }
    }
    // The one man whose age is not known is small, so one more count in his column is hidden (the 25 or their total).
    const men = [cellsOf('entry-age', 'entry-age/EECO07')[1], report.tables[0]!.rows[1]!.cells[1]];
    expect(cellsOf('entry-age', 'entry-age/entry-age-unknown')[1]).toEqual({ kind: 'small', below: 5 });
    expect(men.some((cell) => cell!.kind === 'hidden')).toBe(true);
    expect(report.notCounted).toEqual({ kind: 'small', below: 5 });
    expect(report.threshold).toBe(5);
  });

  it('names the set in the report language, with its version', () => {
    expect(report.set.name).toBe('ESR+ 2021–2027: yhteiset indikaattorit');
    expect(report.set.version).toContain('2021/1057');
  });

  it('is the coordinator’s alone', async () => {
    await v.as('caseworker');
    const result = await v.t.call('reports.funder', { from: YEAR.from, to: YEAR.to, locale: 'fi' });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('coordinator');
  });

  it('refuses a period that ends before it starts, with the sentence the form shows', async () => {
    const result = await v.t.call('reports.funder', { from: '2026-12-31', to: '2026-01-01', locale: 'fi' });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    const issues = result.ok ? [] : (result.details?.issues ?? []);
    expect(issues.map((issue) => [issue.path, lookup(bundles.fi, issue.i18nKey)])).toEqual([
      ['to', 'Kauden viimeinen päivä ei voi olla ennen ensimmäistä.'],
    ]);
  });
});
