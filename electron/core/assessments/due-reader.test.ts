import { afterEach, describe, expect, it } from 'vitest';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import { readDueBases, readStagesDue } from './due-reader';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

describe('due dates read from the vault', () => {
  it('follow the group’s held weeks, the individual start, and name nobody who was never enrolled', async () => {
    const v = await staffedVault();
    vaults.push(v);
    // Monday to Thursday from Monday 30.11.2026 for eleven weeks; the Christmas week's sessions (21.-23.12.; the
    // 24th is a day off) are cancelled, so the group meets in ten weeks and week 5 is 4.-8.1.2027.
    const { cohort } = await v.t.ok('cohorts.create', { name: 'Talvi 2026', startDate: '2026-11-30', lengthWeeks: 11 });
    const sessions = await v.t.ok('sessions.list', { cohortId: cohort.id });
    for (const s of sessions.filter((x) => x.date >= '2026-12-21' && x.date <= '2026-12-23'))
      await v.t.ok('sessions.cancel', { id: s.id, reason: 'Joulutauko' });

    const inGroup = await addConsentingParticipant(v);
    const individual = await addConsentingParticipant(v);
    const notEnrolled = await addConsentingParticipant(v);
    await v.t.ok('cohorts.enrol', { participantId: inGroup, cohortId: cohort.id, startDate: '2026-11-30' });
    await v.t.ok('cohorts.enrol', {
      participantId: individual,
      cohortId: cohort.id,
      startDate: '2027-03-01',
      mode: 'individual',
    });

    const db = await openVaultDb(v.t);
    try {
      const group = readStagesDue(db, inGroup, { intake: '2026-12-01' }, '2027-01-05');
      expect(group?.map((s) => [s.stage, s.dueDate, s.status])).toEqual([
        ['intake', '2026-12-04', 'done'],
        ['midpoint', '2027-01-08', 'due'],
        ['exit', '2027-02-12', 'upcoming'],
        ['followUp3', '2027-05-12', 'upcoming'],
        ['followUp6', '2027-08-12', 'upcoming'],
      ]);
      // Individual guidance from Monday 1.3.2027: the ends of their weeks 2, 5 and 10.
      const own = readStagesDue(db, individual, {}, '2027-03-20');
      expect(own?.slice(0, 3).map((s) => [s.stage, s.dueDate, s.status])).toEqual([
        ['intake', '2027-03-14', 'overdue'],
        ['midpoint', '2027-04-04', 'upcoming'],
        ['exit', '2027-05-09', 'upcoming'],
      ]);
      expect(readStagesDue(db, notEnrolled, {}, '2027-03-20')).toBeUndefined();

      const bases = readDueBases(db, [inGroup, individual, notEnrolled]);
      expect([...bases.keys()].sort()).toEqual([inGroup, individual].sort());
      expect(bases.get(individual)?.basis).toEqual({ kind: 'individual', start: '2027-03-01', left: null });

      // The enrolment ends as discontinued on 15.1.2027: the exit is no longer asked for.
      const enrolment = (await v.t.ok('cohorts.enrolments', { participantId: inGroup }))[0]!;
      await v.t.ok('cohorts.endEnrolment', {
        id: enrolment.id,
        endDate: '2027-01-15',
        outcome: 'discontinued',
        reason: 'Muutti',
      });
      const after = readStagesDue(db, inGroup, { intake: '2026-12-01' }, '2027-02-20');
      expect(after?.map((s) => s.status)).toEqual(['done', 'overdue', 'notApplicable', 'notApplicable', 'notApplicable']);
    } finally {
      db.close();
    }
  });
});
