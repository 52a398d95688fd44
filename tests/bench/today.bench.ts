/**
 * How fast the Today page comes from the real encrypted database of a busy office: 10 000 participants, 50 000
 * notes (a fifth with a follow-up, most of those done), 500 safety flags, 300 drafts, 2 000 psychosocial entries,
 * and three groups of 100 with their sessions and marks (and their assessment stages, none recorded, due by the
 * groups' calendars). One today.get call through dispatch, as the renderer calls it, for each role that sees the
 * most. A benchmark to run by hand, not a timed test (target: under 50 ms):
 *
 *   npx vitest bench --run tests/bench/today.bench.ts
 *
 * The rows are written straight into the vault (as tests/support/programme.ts does), which takes under a minute.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { dueAssessmentsOf } from '../../electron/core/assessments/today';
import { heldWithoutMarks } from '../../electron/core/attendance/gaps';
import { driftEntries } from '../../electron/core/attendance/handlers';
import type { Db } from '../../electron/core/db/open';
import { flaggedParticipantsOf } from '../../electron/core/flags/in-force';
import { insertNote, type NoteContent } from '../../electron/core/notes/repo';
import { draftsOf, openFollowUps } from '../../electron/core/notes/today';
import { nextAppointmentsOf } from '../../electron/core/psychosocial/appointments';
import { todayHandlers } from '../../electron/core/today/handlers';
import { insertEntry } from '../../electron/core/psychosocial/repo';
import { staffedVault, type StaffedVault } from '../support/participants';
import { newId, plantProgramme } from '../support/programme';
import { openVaultDb } from '../support/raw-db';

const PARTICIPANTS = 10_000;
const NOTES = 50_000;
const GROUP = 100;

let v: StaffedVault;
let reader: Db;
let ids: string[] = [];

/** A day in 2025–2026 (the clock stands at 2026-11-28), spread by `i`. */
const dayOf = (i: number) => {
  const month = (i % 23) + 1;
  const year = month > 12 ? 2026 : 2025;
  return `${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
};

beforeAll(async () => {
  v = await staffedVault();
  const db = await openVaultDb(v.t);
  ids = Array.from({ length: PARTICIPANTS }, () => newId());
  const at = '2026-11-01T08:00:00.000Z';
  db.transaction(() => {
    const participant = db.prepare(
      `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, first_name, last_name, status,
         responsible_caseworker_id, created_at, updated_at, created_by)
       VALUES (?, ?, 2026, ?, ?, ?, 'active', ?, ?, ?, ?)`,
    );
    ids.forEach((id, i) =>
      participant.run(
        id,
        `P-2026-${String(i + 1).padStart(5, '0')}`,
        i + 1,
        `First${i}`,
        `Last${i}`,
        i % 2 === 0 ? v.caseworkerId : v.coordinatorId,
        at,
        at,
        v.coordinatorId,
      ),
    );
    for (let i = 0; i < NOTES; i++) {
      const due = dayOf(i * 7 + 3);
      const content: NoteContent = {
        date: dayOf(i),
        type: 'individual_guidance',
        topics: ['job_search'],
        tags: [],
        text: `Note ${i}: discussed the week, the course and the next steps at the employment office.`,
        followUp:
          i % 5 === 0
            ? { task: `Task ${i}`, due, done: i % 4 !== 0, owner: i % 2 === 0 ? v.caseworkerId : v.coordinatorId }
            : null,
      };
      insertNote(db, { id: newId(), participantId: ids[i % PARTICIPANTS]!, content, at, by: v.caseworkerId });
    }
    const flag = db.prepare(
      `INSERT INTO safety_flags (id, participant_id, kind, note, set_by, set_at) VALUES (?, ?, 'no_photos', NULL, ?, ?)`,
    );
    for (let i = 0; i < 500; i++) flag.run(newId(), ids[i * 20]!, v.caseworkerId, at);
    const draft = db.prepare(
      `INSERT INTO note_drafts (id, user_id, participant_id, note_id, fields, created_at, updated_at)
       VALUES (?, ?, ?, NULL, '{"text":"kesken"}', ?, ?)`,
    );
    for (let i = 0; i < 300; i++) draft.run(newId(), i % 3 === 0 ? v.caseworkerId : v.coordinatorId, ids[i * 31]!, at, at);
    for (let i = 0; i < 2_000; i++)
      insertEntry(db, {
        id: newId(),
        participantId: ids[i * 5]!,
        content: {
          date: dayOf(i),
          durationMinutes: 45,
          kind: 'individual',
          riskLevel: 'low',
          summary: null,
          nextAppointment: { date: i % 2 === 0 ? '2026-12-03' : dayOf(i), time: null },
        },
        at,
        by: v.psychologistId,
      });
  })();
  db.close();
  for (let g = 0; g < 3; g++)
    await plantProgramme(
      v.t,
      g === 0 ? v.teacherId : v.caseworkerId,
      ids.slice(PARTICIPANTS - (g + 1) * GROUP, PARTICIPANTS - g * GROUP).map((participantId, i) => ({
        participantId,
        marks: i % 3 === 0 ? ['absent', 'absent'] : ['present', 'present', 'late'],
      })),
    );
  reader = await openVaultDb(v.t);
}, 600_000);

afterAll(() => {
  reader.close();
  v.t.cleanup();
});

const options = { time: 3_000, warmupIterations: 5 };
/** A participant of the first group, flagged, with five notes (a follow-up among them). */
const overviewOf = () => ids[PARTICIPANTS - 20]!;
const today = () => v.t.ok('today.get', {}).then(() => undefined);

describe(`today.get over ${PARTICIPANTS} participants and ${NOTES} notes (dispatch, as the renderer calls it)`, () => {
  describe('as the coordinator', () => {
    beforeAll(() => v.as('coordinator'));
    bench('today.get', today, options);
  });
  describe('as a caseworker', () => {
    beforeAll(() => v.as('caseworker'));
    bench('today.get', today, options);
  });
  describe('as a psychologist', () => {
    beforeAll(() => v.as('psychologist'));
    bench('today.get', today, options);
  });
  describe('as a teacher', () => {
    beforeAll(() => v.as('teacher'));
    bench('today.get', today, options);
  });
});

describe('a file’s overview in that office (overview.participant, dispatch, as the renderer calls it)', () => {
  describe('as a caseworker', () => {
    beforeAll(() => v.as('caseworker'));
    bench(
      'overview.participant',
      () => v.t.ok('overview.participant', { participantId: overviewOf() }).then(() => undefined),
      options,
    );
  });
  describe('as a teacher', () => {
    beforeAll(() => v.as('teacher'));
    bench(
      'overview.participant',
      () => v.t.ok('overview.participant', { participantId: overviewOf() }).then(() => undefined),
      options,
    );
  });
});

describe('each list alone, on a connection of its own (the caseworker’s, as on 2026-11-28)', () => {
  const quick = { time: 1_000, warmupIterations: 5 };
  bench(
    'the whole page as the coordinator (the handler, without dispatch)',
    () =>
      void todayHandlers['today.get'].run(
        {},
        {
          db: reader,
          session: {
            userId: v.coordinatorId,
            displayName: 'Aino Koordinaattori',
            role: 'coordinator',
            mustChangePassphrase: false,
            recoveryPending: false,
          },
          now: new Date(Date.UTC(2026, 10, 28, 9)),
        },
      ),
    quick,
  );
  bench(
    'sessions held without marks',
    () => void heldWithoutMarks(reader, { since: '2026-10-31', today: '2026-11-28', clock: '10:00' }),
    quick,
  );
  bench('open follow-ups', () => void openFollowUps(reader, { userId: v.caseworkerId, until: '2026-11-29', limit: 50 }), quick);
  bench('flagged participants', () => void flaggedParticipantsOf(reader, v.caseworkerId), quick);
  bench('drafts', () => void draftsOf(reader, v.caseworkerId), quick);
  bench('next appointments', () => void nextAppointmentsOf(reader, v.psychologistId, '2026-11-28'), quick);
  bench(
    'assessments due and overdue (the 300 enrolled of the three groups)',
    () => void dueAssessmentsOf(reader, { userId: v.caseworkerId, today: '2026-11-28', limit: 50 }),
    quick,
  );
  bench('drift (who to reach out to)', () => void driftEntries(reader, 'caseworker', '2026-11-28'), quick);
});
