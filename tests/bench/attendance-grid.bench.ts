/**
 * How fast the attendance grid comes from the real encrypted database for a full group: 30 participants, a
 * ten-week cohort of 40 sessions, every session marked (1 200 marks), through dispatch as the renderer calls it.
 * A benchmark to run by hand, not a timed test:
 *
 *   npx vitest bench --run tests/bench/attendance-grid.bench.ts
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { ATTENDANCE_MARKS } from '@shared/attendance';
import { staffedVault, type StaffedVault } from '../support/participants';

const PARTICIPANTS = 30;
let v: StaffedVault;
let cohortId = '';
let firstSession = '';
let someone = '';

beforeAll(async () => {
  v = await staffedVault();
  // Ten weeks, Monday to Thursday, without days off: 40 sessions, all held before the test clock's today.
  const created = await v.t.ok('cohorts.create', { name: 'Syksy 2026', startDate: '2026-09-21' });
  if (created.sessions !== 40) throw new Error(`expected 40 sessions, got ${created.sessions}`);
  cohortId = created.cohort.id;
  const sessions = await v.t.ok('sessions.list', { cohortId });
  firstSession = sessions[0]!.id;
  for (let i = 0; i < PARTICIPANTS; i++) {
    const { participant } = await v.t.ok('participants.create', { firstName: `Person${i}`, lastName: `Family${i}` });
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: '2026-09-01',
      method: 'signed',
    });
    await v.t.ok('cohorts.enrol', { participantId: participant.id, cohortId, startDate: '2026-09-21' });
    for (const [k, session] of sessions.entries())
      await v.t.ok('attendance.mark', {
        sessionId: session.id,
        participantId: participant.id,
        mark: ATTENDANCE_MARKS[(i + k) % ATTENDANCE_MARKS.length]!,
      });
    someone = participant.id;
  }
}, 300_000);

afterAll(() => {
  v.t.cleanup();
});

const options = { time: 3_000, warmupIterations: 5 };

describe(`attendance over ${PARTICIPANTS} participants x 40 sessions (dispatch, as the renderer calls it)`, () => {
  bench('attendance.grid, the whole cohort', () => v.t.ok('attendance.grid', { cohortId }).then(() => undefined), options);
  bench(
    'attendance.grid, one week',
    () => v.t.ok('attendance.grid', { cohortId, weekStart: '2026-10-05' }).then(() => undefined),
    options,
  );
  let flip = 0;
  bench(
    'attendance.mark (with the new figures)',
    () =>
      v.t
        .ok('attendance.mark', { sessionId: firstSession, participantId: someone, mark: ++flip % 2 ? 'late' : 'present' })
        .then(() => undefined),
    options,
  );
  bench('attendance.drift', () => v.t.ok('attendance.drift', {}).then(() => undefined), options);
  bench(
    'attendance.participant (one file, 40 marks)',
    () => v.t.ok('attendance.participant', { participantId: someone }).then(() => undefined),
    options,
  );
});
