import { afterEach, describe, expect, it } from 'vitest';
import type { ProgrammeReport, ProgrammeSection, ReportCell, ReportTable } from '@shared/reports';
import { newId } from '../../../tests/support/programme';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { foldText } from '../participants/keys';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/** The test clock stands at 2026-11-28 (tests/support/core.ts). */
const PERIOD = { from: '2026-01-01', to: '2026-12-31', locale: 'fi' } as const;
const AT = '2026-01-01T08:00:00.000Z';

type Mark = 'present' | 'late' | 'leftEarly' | 'excused' | 'absent' | null;

/**
 * Three groups, planted straight into the vault (participants through the channel). None of the participants has
 * the funder-statistics consent. By hand:
 *
 * Spring (caseworker's group), sessions 2026-03-02 finnish, 03-03 companyVisit (company visit), 03-04 finnish,
 *   03-05 it (cancelled, a mark on it for a1), 03-09 no topic, 12-15 jobSearch (after today; a school visit on it).
 *   a1 a2 a3 enrolled 03-02, completed 05-29; a4 a5 discontinued 05-15; a6 discontinued 04-30.
 *   Marks on the four held: a1–a3 present ×4 (12/12); a4 absent, absent, excused, late (1/3); a5 present, present,
 *   leftEarly, absent (3/4); a6 none. 16 of 19 attended: 84 %, over five people.
 *   Referrals: a1–a3 employment services, completed, made 04-01; a4–a6 language course, sent, made 04-10.
 *   Assessments: a1–a3 finnish 1 → 3 (up), digital 2 → 2 (same); a4–a6 none. n = 6.
 * Autumn (the coordinator's), sessions 2026-09-07 it, 09-08 schoolVisit (school visit), 09-09 it.
 *   b1–b4 enrolled 09-07 and a6 (after leaving Spring) 09-07, all open. Marks: b1–b4 present ×3 (12/12), a6 absent ×3
 *   (0/3): 12 of 15, 80 %. Referrals: b1–b3 housing, draft, made 10-01; a6 housing, draft, made 10-05 (counted here,
 *   the group she was in that day); b4 one made 2025-12-20 (before the period) and one 2026-08-01 (in no group that
 *   day): neither counted. Assessments: none, but a6 was never assessed either: all cannot compare, n = 5.
 * Old (the coordinator's), one session 2025-05-05, o1 enrolled 2025: no session in the period, so not in the report.
 *
 * All groups: enrolled 11, completed 3, discontinued 3; 28 of 34 attended: 82 %; sessions finnish 2, it 2,
 *   companyVisit 1, schoolVisit 1, no topic 1, 7 in all; visits company 1, school 1; referrals employment services
 *   completed 3, language course sent 3, housing draft 4 (10); change finnish up 3, cannot compare 8, digital same 3,
 *   cannot compare 8, the rest cannot compare 11, n = 11.
 */
async function plant(v: StaffedVault) {
  const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'b3', 'b4', 'o1'] as const;
  const ids = {} as Record<(typeof names)[number] | 'spring' | 'autumn' | 'old', string>;
  for (const name of names) {
    const { participant } = await v.t.ok('participants.create', {
      firstName: `PERSONMARK${name}`,
      referralDate: '2025-01-10',
      confirmDuplicate: true,
    });
    ids[name] = participant.id;
  }
  const db = await openVaultDb(v.t);
  try {
    const staff = { spring: v.caseworkerId, autumn: v.coordinatorId, old: v.coordinatorId };
    db.transaction(() => {
      const spring = cohort(db, 'Kevät 2026', '2026-03-02', staff.spring);
      const autumn = cohort(db, 'Syksy 2026', '2026-09-07', staff.autumn);
      const old = cohort(db, 'Kevät 2025', '2025-05-05', staff.old);
      const s = [
        session(db, spring, '2026-03-02', 'finnish'),
        session(db, spring, '2026-03-03', 'companyVisit'),
        session(db, spring, '2026-03-04', 'finnish'),
        session(db, spring, '2026-03-09', null),
      ];
      const cancelled = session(db, spring, '2026-03-05', 'it', 'cancelled');
      const ahead = session(db, spring, '2026-12-15', 'jobSearch');
      visit(db, s[1]!, 'company', staff.spring);
      visit(db, ahead, 'school', staff.spring);
      const t = [
        session(db, autumn, '2026-09-07', 'it'),
        session(db, autumn, '2026-09-08', 'schoolVisit'),
        session(db, autumn, '2026-09-09', 'it'),
      ];
      visit(db, t[1]!, 'school', staff.autumn);
      const oldSession = session(db, old, '2025-05-05', 'finnish');

      for (const p of ['a1', 'a2', 'a3'] as const) enrol(db, ids[p], spring, '2026-03-02', '2026-05-29', 'completed');
      for (const p of ['a4', 'a5'] as const) enrol(db, ids[p], spring, '2026-03-02', '2026-05-15', 'discontinued');
      enrol(db, ids.a6, spring, '2026-03-02', '2026-04-30', 'discontinued');
      for (const p of ['b1', 'b2', 'b3', 'b4', 'a6'] as const) enrol(db, ids[p], autumn, '2026-09-07', null, null);
      enrol(db, ids.o1, old, '2025-05-01', '2025-06-30', 'completed');

      const marks = (p: string, sessions: string[], given: Mark[]) =>
        given.forEach((m, i) => m && mark(db, sessions[i]!, p, m, staff.spring));
      for (const p of ['a1', 'a2', 'a3'] as const) marks(ids[p], s, ['present', 'present', 'present', 'present']);
      mark(db, cancelled, ids.a1, 'present', staff.spring);
      marks(ids.a4, s, ['absent', 'absent', 'excused', 'late']);
      marks(ids.a5, s, ['present', 'present', 'leftEarly', 'absent']);
      for (const p of ['b1', 'b2', 'b3', 'b4'] as const) marks(ids[p], t, ['present', 'present', 'present']);
      marks(ids.a6, t, ['absent', 'absent', 'absent']);
      mark(db, oldSession, ids.o1, 'present', staff.old);

      for (const p of ['a1', 'a2', 'a3'] as const)
        referral(db, ids[p], 'employmentServices', 'completed', '2026-04-01', staff.spring);
      for (const p of ['a4', 'a5', 'a6'] as const) referral(db, ids[p], 'languageCourse', 'sent', '2026-04-10', staff.spring);
      for (const p of ['b1', 'b2', 'b3'] as const) referral(db, ids[p], 'housing', 'draft', '2026-10-01', staff.autumn);
      referral(db, ids.a6, 'housing', 'draft', '2026-10-05', staff.autumn);
      referral(db, ids.b4, 'housing', 'sent', '2025-12-20', staff.autumn);
      referral(db, ids.b4, 'legalAid', 'sent', '2026-08-01', staff.autumn);

      for (const p of ['a1', 'a2', 'a3'] as const) {
        assessment(db, ids[p], 'intake', { 'finnish.listening': 1, 'digital.email': 2 }, staff.spring);
        assessment(db, ids[p], 'exit', { 'finnish.listening': 3, 'digital.email': 2 }, staff.spring);
      }
      assessment(db, ids.o1, 'intake', { 'finnish.listening': 1 }, staff.old);
      ids.spring = spring;
      ids.autumn = autumn;
      ids.old = old;
    })();
  } finally {
    db.close();
  }
  return ids;
}

function cohort(db: Db, name: string, startDate: string, staffId: string): string {
  const id = newId();
  db.prepare(
    `INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, created_by, created_at) VALUES (?, ?, ?, ?, 10, ?, ?)`,
  ).run(id, name, foldText(name), startDate, staffId, AT);
  db.prepare(`INSERT INTO cohort_staff (cohort_id, user_id) VALUES (?, ?)`).run(id, staffId);
  return id;
}

function session(db: Db, cohortId: string, date: string, topic: string | null, state = 'planned'): string {
  const id = newId();
  db.prepare(
    `INSERT INTO cohort_sessions (id, cohort_id, date, start_time, end_time, topic, state, cancel_reason, created_at, updated_at)
     VALUES (?, ?, ?, '09:00', '12:00', ?, ?, ?, ?, ?)`,
  ).run(id, cohortId, date, topic, state, state === 'cancelled' ? 'SESSIONMARK ill' : null, AT, AT);
  return id;
}

function visit(db: Db, sessionId: string, kind: 'company' | 'school', by: string) {
  const partnerId = newId();
  const name = `PARTNERMARK ${partnerId}`;
  db.prepare(
    `INSERT INTO partners (id, name, name_key, type, created_by, created_at, updated_at) VALUES (?, ?, ?, 'employer', ?, ?, ?)`,
  ).run(partnerId, name, foldText(name), by, AT, AT);
  db.prepare(
    `INSERT INTO visits (id, session_id, partner_id, kind, learned, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'VISITMARK', ?, ?, ?)`,
  ).run(newId(), sessionId, partnerId, kind, by, AT, AT);
}

function enrol(db: Db, participantId: string, cohortId: string, start: string, end: string | null, outcome: string | null) {
  db.prepare(
    `INSERT INTO enrolments (id, participant_id, cohort_id, start_date, end_date, outcome, outcome_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), participantId, cohortId, start, end, outcome, outcome === 'discontinued' ? 'REASONMARK' : null);
}

function mark(db: Db, sessionId: string, participantId: string, value: string, by: string) {
  db.prepare(`INSERT INTO attendance (session_id, participant_id, mark, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)`).run(
    sessionId,
    participantId,
    value,
    by,
    AT,
  );
}

function referral(db: Db, participantId: string, serviceType: string, status: string, made: string, by: string) {
  const id = newId();
  db.prepare(
    `INSERT INTO referrals (id, participant_id, partner_name, service_type, urgency, status, reason, created_at, created_by,
       updated_at, updated_by)
     VALUES (?, ?, 'PARTNERMARK', ?, 'routine', ?, 'REFERRALMARK', ?, ?, ?, ?)`,
  ).run(id, participantId, serviceType, status, `${made}T08:00:00.000Z`, by, `${made}T08:00:00.000Z`, by);
  db.prepare(`INSERT INTO referral_events (referral_id, status, date, at, by_user) VALUES (?, 'draft', ?, ?, ?)`).run(
    id,
    made,
    `${made}T08:00:00.000Z`,
    by,
  );
}

function assessment(db: Db, participantId: string, stage: 'intake' | 'exit', scores: Record<string, number>, by: string) {
  const id = newId();
  const date = stage === 'intake' ? '2026-03-02' : '2026-05-20';
  db.prepare(
    `INSERT INTO assessments (id, participant_id, stage, date, instrument_version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(id, participantId, stage, date, AT, by, AT, by);
  Object.entries(scores).forEach(([itemId, score], position) =>
    db
      .prepare(
        `INSERT INTO assessment_answers (assessment_id, item_id, rater, position, score, note, with_interpreter)
         VALUES (?, ?, 'caseworker', ?, ?, 'ANSWERMARK', 0)`,
      )
      .run(id, itemId, position, score),
  );
}

/** A table of a section as numbers ("<k" as `<`, hidden as `..`), keyed by row id then column index. */
function figures(table: ReportTable): Record<string, (number | string)[]> {
  const show = (c: ReportCell) => (c.kind === 'value' ? c.value : c.kind === 'small' ? `<${c.below}` : '..');
  return Object.fromEntries(table.rows.map((row) => [row.id, row.cells.map(show)]));
}
const tableOf = (section: ProgrammeSection, id: string) => section.tables.find((t) => t.id === id)!;
/** Only the rows with something other than zero, for tables of a dozen rows. */
function nonZero(table: ReportTable) {
  return Object.fromEntries(Object.entries(figures(table)).filter(([, cells]) => cells.some((c) => c !== 0)));
}

const DOMAINS = ['finnish', 'digital', 'rights', 'jobSearch', 'everydayLife', 'selfConfidence'];
/** The change table by hand: [down, same, up, cannot compare, n] per domain. */
function change(n: number, rows: Record<string, [number, number, number]>) {
  return Object.fromEntries(
    DOMAINS.map((d) => {
      const [down, same, up] = rows[d] ?? [0, 0, 0];
      return [d, [down, same, up, n - down - same - up, n]];
    }),
  );
}

describe('the programme report', () => {
  it('counts two groups and the whole as worked out by hand, every figure shown at k = 3', async () => {
    const v = await staffedVault();
    vaults.push(v);
    const ids = await plant(v);
    await v.as('coordinator');
    await v.t.ok('settings.update', { reportThreshold: 3 });
    const report = await v.t.ok('reports.programme', PERIOD);

    expect(report.period).toEqual({ from: PERIOD.from, to: PERIOD.to });
    expect(report.cohort).toBeNull();
    expect(report.threshold).toBe(3);
    expect(report.sections.map((s) => s.cohort)).toEqual([
      { id: ids.spring, name: 'Kevät 2026' },
      { id: ids.autumn, name: 'Syksy 2026' },
      null,
    ]);
    const [spring, autumn, whole] = report.sections as [ProgrammeSection, ProgrammeSection, ProgrammeSection];
    // With several groups, the referrals and the change are the whole's only; a group's own come with the group chosen.
    for (const s of [spring, autumn]) expect(s.tables.map((t) => t.id)).toEqual(['participation', 'sessions', 'visits']);
    expect(whole.tables.map((t) => t.id)).toEqual(['participation', 'sessions', 'visits', 'referrals', 'change']);
    const alone = async (cohortId: string) => {
      const one: ProgrammeReport = await v.t.ok('reports.programme', { ...PERIOD, cohortId });
      expect(one.sections.map((s) => s.cohort?.id)).toEqual([cohortId]);
      return one.sections[0]!;
    };
    const springAlone = await alone(ids.spring);
    const autumnAlone = await alone(ids.autumn);

    expect([spring, autumn, whole].map((s) => figures(tableOf(s, 'participation')))).toEqual([
      { enrolled: [6], completed: [3], discontinued: [3] },
      { enrolled: [5], completed: [0], discontinued: [0] },
      { enrolled: [11], completed: [3], discontinued: [3] },
    ]);
    expect([spring, autumn, whole].map((s) => s.attendanceRate)).toEqual([84, 80, 82]);
    expect([spring, autumn, whole].map((s) => nonZero(tableOf(s, 'sessions')))).toEqual([
      { finnish: [2], companyVisit: [1], none: [1], total: [4] },
      { it: [2], schoolVisit: [1], total: [3] },
      { finnish: [2], it: [2], companyVisit: [1], schoolVisit: [1], none: [1], total: [7] },
    ]);
    expect([spring, autumn, whole].map((s) => figures(tableOf(s, 'visits')))).toEqual([
      { company: [1], school: [0], total: [1] },
      { company: [0], school: [1], total: [1] },
      { company: [1], school: [1], total: [2] },
    ]);
    // Columns: draft, sent, accepted, declined, completed, withdrawn, total.
    expect([springAlone, autumnAlone, whole].map((s) => nonZero(tableOf(s, 'referrals')))).toEqual([
      { employmentServices: [0, 0, 0, 0, 3, 0, 3], languageCourse: [0, 3, 0, 0, 0, 0, 3], total: [0, 3, 0, 0, 3, 0, 6] },
      { housing: [4, 0, 0, 0, 0, 0, 4], total: [4, 0, 0, 0, 0, 0, 4] },
      {
        employmentServices: [0, 0, 0, 0, 3, 0, 3],
        languageCourse: [0, 3, 0, 0, 0, 0, 3],
        housing: [4, 0, 0, 0, 0, 0, 4],
        total: [4, 3, 0, 0, 3, 0, 10],
      },
    ]);
    expect([springAlone, autumnAlone, whole].map((s) => figures(tableOf(s, 'change')))).toEqual([
      change(6, { finnish: [0, 0, 3], digital: [0, 3, 0] }),
      change(5, {}),
      change(11, { finnish: [0, 0, 3], digital: [0, 3, 0] }),
    ]);

    // Labels are keys of the catalogue's one name for each code, never copies of the words.
    const sessions = tableOf(whole, 'sessions');
    expect(sessions.rows[0]!.label).toEqual({ key: 'programme.topics.finnish' });
    expect(tableOf(whole, 'visits').rows[0]!.label).toEqual({ key: 'partners.kinds.company' });
    const referrals = tableOf(whole, 'referrals');
    expect(referrals.columns[0]).toEqual({ key: 'referrals.statuses.draft' });
    expect(referrals.rows[0]!.label).toEqual({ key: 'referrals.serviceTypes.employmentServices' });
    const changeTable = tableOf(whole, 'change');
    expect(changeTable.columns.map((c) => c)).toEqual([
      { key: 'assessments.cohortChange.kinds.down' },
      { key: 'assessments.cohortChange.kinds.same' },
      { key: 'assessments.cohortChange.kinds.up' },
      { key: 'assessments.cohortChange.kinds.missing' },
      { key: 'assessments.cohortChange.total' },
    ]);
    expect(changeTable.rows[0]!.label).toEqual({ key: 'assessments.domains.finnish' });
    expect(tableOf(whole, 'participation').rows[1]).toMatchObject({
      label: { key: 'participant.status.completed' },
      within: true,
    });

    // Nothing of anyone: no name, id or text of the files.
    const text = JSON.stringify(report);
    for (const marker of ['PERSONMARK', 'PARTNERMARK', 'VISITMARK', 'REFERRALMARK', 'ANSWERMARK', 'REASONMARK', 'SESSIONMARK'])
      expect(text).not.toContain(marker);
    for (const [name, id] of Object.entries(ids)) if (name.length === 2) expect(text).not.toContain(id);

    // Looking at a report opens no file: nothing is audited.
    const db = await openVaultDb(v.t);
    try {
      expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'reports.%'`).get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('counts participants without the funder-statistics consent: it is the programme’s own report', async () => {
    const v = await staffedVault();
    vaults.push(v);
    const ids = await plant(v);
    await v.as('coordinator');
    await v.t.ok('settings.update', { reportThreshold: 3 });
    // Nobody has the consent: all eleven are counted.
    const before = await v.t.ok('reports.programme', PERIOD);
    expect(figures(tableOf(before.sections.at(-1)!, 'participation')).enrolled).toEqual([11]);
    // One gives it: the report is the same, since it never depended on it.
    await v.t.ok('consents.record', {
      participantId: ids.b1,
      purpose: 'funder_statistics',
      givenOn: '2026-09-07',
      method: 'signed',
    });
    expect(await v.t.ok('reports.programme', PERIOD)).toEqual(before);
  });

  it('shows a small group’s counts as under k, and the whole cannot give them away', async () => {
    const v = await staffedVault();
    vaults.push(v);
    await plant(v);
    await v.as('coordinator');
    // A third group of two, with a session held in the period.
    const small: string[] = [];
    for (const name of ['c1', 'c2']) {
      const { participant } = await v.t.ok('participants.create', {
        firstName: `PERSONMARK${name}`,
        referralDate: '2025-01-10',
        confirmDuplicate: true,
      });
      small.push(participant.id);
    }
    const db = await openVaultDb(v.t);
    try {
      db.transaction(() => {
        const group = cohort(db, 'Pieni 2026', '2026-06-01', v.coordinatorId);
        const held = session(db, group, '2026-06-01', 'finnish');
        for (const p of small) {
          enrol(db, p, group, '2026-06-01', '2026-06-30', 'completed');
          mark(db, held, p, 'present', v.coordinatorId);
          referral(db, p, 'housing', 'draft', '2026-06-02', v.coordinatorId);
        }
      })();
    } finally {
      db.close();
    }
    const report: ProgrammeReport = await v.t.ok('reports.programme', PERIOD);
    expect(report.threshold).toBe(5);
    expect(report.sections.map((s) => s.cohort?.name ?? null)).toEqual(['Kevät 2026', 'Pieni 2026', 'Syksy 2026', null]);
    const pieni = report.sections[1]!;
    expect(figures(tableOf(pieni, 'participation'))).toEqual({ enrolled: ['<5'], completed: ['<5'], discontinued: [0] });
    expect(pieni.attendanceRate).toBeNull();
    const pieniAlone: ProgrammeReport = await v.t.ok('reports.programme', { ...PERIOD, cohortId: pieni.cohort!.id });
    expect(figures(tableOf(pieniAlone.sections[0]!, 'referrals')).housing).toEqual(['<5', 0, 0, 0, 0, 0, '<5']);

    // No count of people from 1 to 4 is shown; wherever a group's count is suppressed, so is at least one more of
    // the same figure among the groups and the whole, so the whole less the others cannot give it away.
    for (const id of ['participation']) {
      const tables = report.sections.map((s) => tableOf(s, id));
      tables[0]!.rows.forEach((row, r) =>
        row.cells.forEach((_, c) => {
          const cells = tables.map((t) => t.rows[r]!.cells[c]!);
          for (const cell of cells) if (cell.kind === 'value') expect(cell.value === 0 || cell.value >= 5).toBe(true);
          expect(cells.filter((cell) => cell.kind !== 'value').length).not.toBe(1);
        }),
      );
    }
    // The enrolled: 6 + 2 + 5 = 13; with Spring, Autumn and the whole shown, Pieni's would be 13 − 11.
    const enrolled = report.sections.map((s) => tableOf(s, 'participation').rows[0]!.cells[0]!);
    expect(enrolled.filter((c) => c.kind !== 'value').length).toBeGreaterThanOrEqual(2);
    // A rate is shown only over a shown number of participants.
    report.sections.forEach((s, i) => {
      if (enrolled[i]!.kind !== 'value') expect(s.attendanceRate).toBeNull();
    });
    // A group's own report hides what the report of all groups hides of it: else that count, read there, would give
    // the small group's away from the whole.
    const hiddenGroups = report.sections.filter((s, i) => s.cohort && enrolled[i]!.kind === 'hidden');
    expect(hiddenGroups.length).toBeGreaterThan(0);
    for (const group of hiddenGroups) {
      const alone: ProgrammeReport = await v.t.ok('reports.programme', { ...PERIOD, cohortId: group.cohort!.id });
      expect(tableOf(alone.sections[0]!, 'participation').rows[0]!.cells[0]).toEqual({ kind: 'hidden' });
    }
  });

  it('gives a caseworker the groups they are staff of, and refuses another’s', async () => {
    const v = await staffedVault();
    vaults.push(v);
    const ids = await plant(v);
    await v.as('caseworker');
    const own = await v.t.ok('reports.programme', PERIOD);
    // Only Spring: no section of all groups, which would be Spring again.
    expect(own.sections.map((s) => s.cohort)).toEqual([{ id: ids.spring, name: 'Kevät 2026' }]);
    expect(figures(tableOf(own.sections[0]!, 'participation')).enrolled).toEqual([6]);
    const asked = await v.t.ok('reports.programme', { ...PERIOD, cohortId: ids.spring });
    expect(asked.cohort).toEqual({ id: ids.spring, name: 'Kevät 2026' });
    expect(asked.sections).toEqual(own.sections);

    expect(await v.t.call('reports.programme', { ...PERIOD, cohortId: ids.autumn })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await v.t.call('reports.programme', { ...PERIOD, cohortId: ids.old })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await v.t.call('reports.programme', { ...PERIOD, cohortId: newId() })).toMatchObject({ ok: false, code: 'not_found' });

    // The coordinator may ask for any group, one held before the period too.
    await v.as('coordinator');
    const old = await v.t.ok('reports.programme', { ...PERIOD, cohortId: ids.old });
    expect(old.sections.map((s) => s.cohort?.name)).toEqual(['Kevät 2025']);
    expect(figures(tableOf(old.sections[0]!, 'participation')).enrolled).toEqual([0]);

    for (const role of ['psychologist', 'teacher'] as const) {
      await v.as(role);
      expect(await v.t.call('reports.programme', PERIOD)).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});
