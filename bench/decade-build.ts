/**
 * Builds the decade benchmark's vault (bench/decade.ts): a real encrypted vault set up through dispatch (its staff,
 * their key slots, one with the production KDF), then filled straight through the repositories' own insert
 * functions and SQL in one transaction a batch, each record with the audit row the app writes for it, so the vault
 * holds what Polku itself would hold: the full-text index filled, the audit chain intact (`vault.verify` is checked
 * clean before the build is kept). Then the same file, decrypted, becomes the plain SQLite copy the benchmark
 * compares with. Every name and text is made up by a seeded generator; no real person is described.
 */
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSESSMENT_STAGES, scoreRange } from '@shared/assessments';
import { ATTENDANCE_MARKS } from '@shared/attendance';
import { NOTE_TOPICS, NOTE_TYPES } from '@shared/notes';
import { PARTICIPANT_STATUSES } from '@shared/participants';
import { SERVICE_TYPES, URGENCIES } from '@shared/referrals';
import { INSTRUMENT_V1 } from '../electron/core/assessments/instrument-v1';
import { insertAssessment, type AnswerToStore } from '../electron/core/assessments/repo';
import { appendAudit } from '../electron/core/audit/audit';
import { createCore } from '../electron/core/app-core';
import { insertConsent } from '../electron/core/consents/repo';
import { openCipher } from '../electron/core/db/cipher';
import type { Db } from '../electron/core/db/open';
import { insertNote } from '../electron/core/notes/repo';
import { foldText } from '../electron/core/participants/keys';
import { nextPseudonym } from '../electron/core/participants/pseudonym';
import { insertParticipant, writeParticipantData, type ParticipantData } from '../electron/core/participants/repo';
import { manualClock, PASSPHRASE, COLLEAGUE_PASSPHRASE } from '../tests/support/core';
import { staffedVault } from '../tests/support/participants';
import { newId } from '../tests/support/programme';
import { openVaultDb, vaultMasterKey } from '../tests/support/raw-db';
import { noteText } from './notes-text';
import { seededRandom } from '../tests/support/seeded-random';

/** The decade's counts at scale 1. */
export const DECADE = {
  participants: 10_000,
  notes: 200_000,
  cohorts: 100,
  sessionsPerCohort: 40,
  group: 30,
  assessments: 30_000,
  referrals: 20_000,
} as const;

export const STAFF = {
  coordinator: 'Aino Koordinaattori',
  caseworker: 'Kalle Ohjaaja',
  /** A caseworker whose slot has the production KDF (the others have the test KDF): the unlock with the KDF. */
  kdfUser: 'Minna Ohjaaja',
} as const;
export { PASSPHRASE, COLLEAGUE_PASSPHRASE };

/** What the measurements need to know about the built vault. */
export interface DecadeMeta {
  scale: number;
  seed: number;
  counts: Record<string, number>;
  /** The participant with the most notes: the file whose load is timed. */
  busyParticipantId: string;
  busyParticipantNotes: number;
  /** A finished cohort with every session marked for its whole group: the attendance grid timed. */
  gridCohortId: string;
  gridWeekStart: string;
  buildSeconds: number;
}

const FIRST = ['Amal', 'Bashir', 'Chen', 'Dawit', 'Elif', 'Farah', 'Goran', 'Hana', 'Idris', 'Jamila', 'Karim', 'Lina', 'Mai'];
const FIRST2 = ['Nguyen', 'Olga', 'Pavel', 'Rahel', 'Samir', 'Tigist', 'Umar', 'Vesna', 'Wei', 'Yasmin', 'Zainab', 'Anh'];
const LAST = ['Abebe', 'Bakr', 'Costa', 'Demir', 'Eze', 'Fofana', 'Gashi', 'Haddad', 'Ibrahim', 'Jovanovic', 'Kaya', 'Le'];
const LAST2 = ['Mensah', 'Nowak', 'Okafor', 'Petrova', 'Quispe', 'Rahman', 'Santos', 'Tran', 'Usman', 'Vu', 'Wanjiru', 'Yilmaz'];
const LANGUAGES = ['ar', 'en', 'ru', 'uk', 'vi', 'th', 'so', 'ti', 'fa', 'tl', 'ne', 'bn'];
const REFERRAL_STATUSES = [
  'sent',
  'sent',
  'sent',
  'accepted',
  'accepted',
  'completed',
  'completed',
  'declined',
  'draft',
  'withdrawn',
];
const FIRST_YEAR = 2017;
const TODAY = '2026-11-28';
const DAY = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Progress on one line a step, with the time since the build began. */
function progress(started: number, text: string): void {
  process.stdout.write(`  [${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);
}

/**
 * Builds the vault in `dir/vault` and its plain copy `dir/plain.db`, writes `dir/meta.json` last (a folder without
 * it is an unfinished build and is built again).
 */
export async function buildDecade(dir: string, scale: number, seed: number): Promise<DecadeMeta> {
  const started = performance.now();
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const counts = {
    participants: n(DECADE.participants),
    notes: n(DECADE.notes),
    cohorts: n(DECADE.cohorts),
    sessions: n(DECADE.cohorts) * DECADE.sessionsPerCohort,
    assessments: n(DECADE.assessments),
    referrals: n(DECADE.referrals),
  };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);

  // The staff through dispatch, as the app makes them (test KDF, fast), then one more caseworker with production KDF.
  const v = await staffedVault();
  const clock = manualClock();
  v.t.core.close();
  const production = createCore({ dataDir: v.t.dataDir, now: clock.now, kdfCost: 'production' });
  const call = async (channel: string, input: unknown) => {
    const result = await production.dispatch(channel, input, { trustedSender: true });
    if (!result.ok) throw new Error(`${channel} failed: ${result.code}`);
    return result.value as Record<string, unknown>;
  };
  await call('vault.unlock', { name: STAFF.coordinator, passphrase: PASSPHRASE });
  const { oneTimePassphrase } = (await call('users.create', {
    displayName: STAFF.kdfUser,
    role: 'caseworker',
    currentPassphrase: PASSPHRASE,
  })) as { oneTimePassphrase: string };
  production.lock('manual');
  await call('vault.unlock', { name: STAFF.kdfUser, passphrase: oneTimePassphrase });
  await call('vault.changePassphrase', { next: COLLEAGUE_PASSPHRASE });
  await call('vault.unlock', { name: STAFF.coordinator, passphrase: PASSPHRASE });
  progress(started, 'staff and key slots set up through dispatch');

  const db = await openVaultDb(v.t);
  const writers = [v.caseworkerId, v.caseworkerId, v.coordinatorId];
  const audit = (userId: string, action: string, entity: string, entityId: string, at: string, detail?: string) =>
    appendAudit(db, { userId, action, entity, entityId, outcome: 'ok', ...(detail ? { detail } : {}) }, new Date(at));
  const batches = (total: number, size: number, each: (i: number) => void, label: string) => {
    for (let start = 0; start < total; start += size) {
      db.transaction(() => {
        for (let i = start; i < Math.min(total, start + size); i++) each(i);
      })();
      progress(started, `${label} ${Math.min(total, start + size).toLocaleString('en')} / ${total.toLocaleString('en')}`);
    }
  };

  // Participants: referred over ten years, each with consent to processing on the referral day.
  const spanDays = (dayMs(TODAY) - dayMs(`${FIRST_YEAR}-01-02`)) / DAY;
  const participants: { id: string; since: string }[] = [];
  batches(
    counts.participants,
    2_000,
    (i) => {
      const since = isoDay(dayMs(`${FIRST_YEAR}-01-02`) + Math.floor((i / counts.participants) * spanDays) * DAY);
      const id = newId();
      const firstName = `${pick(random, FIRST)}${random() < 0.3 ? ` ${pick(random, FIRST2)}` : ''}`;
      const lastName = `${pick(random, LAST)}${random() < 0.5 ? `-${pick(random, LAST2)}` : ''}`;
      const language = pick(random, LANGUAGES);
      const old = since < '2025-01-01';
      const data: ParticipantData = {
        firstName,
        lastName,
        preferredName: random() < 0.1 ? pick(random, FIRST2) : null,
        birthYear: 1960 + Math.floor(random() * 45),
        ageBand: null,
        gender: random() < 0.55 ? 'female' : 'male',
        languages: [language, ...(random() < 0.4 ? ['fi'] : [])],
        interpreterNeeded: random() < 0.6,
        interpreterLanguage: language,
        phone: `+358 40 ${String(1_000_000 + i).slice(-7)}`,
        email: random() < 0.5 ? `osallistuja${i}@example.org` : null,
        safeContactMethod: null,
        safeContactNotes: null,
        nationalAssistanceStatus: 'in_system',
        referralSourceType: 'ngo',
        referralOrganisation: 'Tukikeskus',
        referralContactPerson: null,
        referralDate: since,
        workAbility: null,
        educationIsced: null,
        labourMarketStatusAtEntry: 'unemployed',
        thirdCountryNational: 'yes',
        foreignBackground: 'yes',
        disability: null,
        housingExclusion: 'no',
        responsibleCaseworkerId: pick(random, [v.caseworkerId, v.coordinatorId]),
        status: old
          ? pick(random, ['completed', 'closed', 'discontinued', 'completed'] as const)
          : pick(random, PARTICIPANT_STATUSES),
        discontinuedReason: null,
      };
      if (data.status === 'discontinued') data.discontinuedReason = 'moved';
      const at = `${since}T09:00:00.000Z`;
      // Created as referred, then moved along (a check asks a reason of a discontinued file, which the first insert lacks).
      const pseudonym = nextPseudonym(db, new Date(at));
      insertParticipant(db, { id, pseudonym, createdAt: at, createdBy: v.caseworkerId, data: { ...data, status: 'referred' } });
      if (data.status !== 'referred') writeParticipantData(db, id, data, at);
      audit(v.caseworkerId, 'participants.create', 'participant', id, at);
      // Processing consent for all; most also agree to be counted in the funder's statistics, some do not.
      for (const purpose of random() < 0.9 ? (['processing', 'funder_statistics'] as const) : (['processing'] as const)) {
        insertConsent(db, {
          id: newId(),
          participantId: id,
          purpose,
          partnerName: null,
          givenOn: since,
          method: 'signed',
          withholdFrom: null,
          withholdReason: null,
          recordedBy: v.caseworkerId,
          recordedAt: at,
        });
        audit(v.caseworkerId, 'consents.record', 'participant', id, at);
      }
      participants.push({ id, since });
    },
    'participants',
  );

  // Guidance notes: some participants far more than others (a skewed pick), each note after the referral.
  const noteCount = new Map<string, number>();
  batches(
    counts.notes,
    10_000,
    () => {
      const owner = participants[Math.floor(random() ** 1.6 * participants.length)]!;
      const from = dayMs(owner.since);
      const date = isoDay(from + Math.floor(random() * Math.max(1, (dayMs(TODAY) - from) / DAY)) * DAY);
      const at = `${date}T10:30:00.000Z`;
      const by = pick(random, writers);
      const id = newId();
      insertNote(db, {
        id,
        participantId: owner.id,
        content: {
          date,
          type: pick(random, NOTE_TYPES),
          topics: NOTE_TOPICS.filter(() => random() < 0.2),
          tags: [],
          text: noteText(random).text,
          followUp: null,
        },
        at,
        by,
      });
      audit(by, 'notes.create', 'participant', owner.id, at, `note:${id}`);
      noteCount.set(owner.id, (noteCount.get(owner.id) ?? 0) + 1);
    },
    'notes',
  );

  // Cohorts: ten a year, ten weeks of Monday to Thursday (40 sessions), a group of 30 each, every held session marked.
  let gridCohortId = '';
  let gridWeekStart = '';
  const cohortStmt = db.prepare(
    `INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, created_by, created_at, place)
     VALUES (?, ?, ?, ?, 10, ?, ?, 'Sali 2')`,
  );
  const staffStmt = db.prepare(`INSERT INTO cohort_staff (cohort_id, user_id) VALUES (?, ?)`);
  const sessionStmt = db.prepare(
    `INSERT INTO cohort_sessions (id, cohort_id, date, start_time, end_time, place, topic, facilitator_id, partner_id,
       guest, notes, state, cancel_reason, extra, created_at, updated_at)
     VALUES (?, ?, ?, '09:00', '12:00', 'Sali 2', ?, ?, NULL, NULL, NULL, 'planned', NULL, 0, ?, ?)`,
  );
  const enrolStmt = db.prepare(
    `INSERT INTO enrolments (id, participant_id, cohort_id, start_date, end_date, outcome, mode)
     VALUES (?, ?, ?, ?, ?, ?, 'group')`,
  );
  const markStmt = db.prepare(
    `INSERT INTO attendance (session_id, participant_id, mark, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const topics = ['finnish', 'jobSearch', 'it', 'workingLife', 'companyVisit'];
  const firstMonday = dayMs('2017-01-02');
  const lastStart = dayMs('2026-09-21');
  const cohortGap = Math.floor((lastStart - firstMonday) / DAY / 7 / Math.max(1, counts.cohorts - 1));
  batches(
    counts.cohorts,
    10,
    (c) => {
      const start = firstMonday + (counts.cohorts === 1 ? (lastStart - firstMonday) / DAY / 7 : c * cohortGap) * 7 * DAY;
      const startDay = isoDay(start);
      const cohortId = newId();
      const name = `Ryhmä ${new Date(start).getUTCFullYear()}/${c + 1}`;
      const at = `${isoDay(start - 14 * DAY)}T08:00:00.000Z`;
      cohortStmt.run(cohortId, name, foldText(name), startDay, v.coordinatorId, at);
      staffStmt.run(cohortId, v.teacherId);
      audit(v.coordinatorId, 'cohorts.create', 'cohort', cohortId, at);
      const sessionDays: string[] = [];
      for (let week = 0; week < 10; week++) for (let d = 0; d < 4; d++) sessionDays.push(isoDay(start + (week * 7 + d) * DAY));
      const sessionIds = sessionDays.map((day, k) => {
        const id = newId();
        sessionStmt.run(id, cohortId, day, topics[k % topics.length], v.teacherId, at, at);
        return id;
      });
      const end = sessionDays.at(-1)!;
      const finished = end < TODAY;
      // The group: participants already referred by the start, and not yet in another cohort.
      const eligible = participants.filter((p) => p.since <= startDay);
      const members = new Set<string>();
      for (let tries = 0; members.size < Math.min(DECADE.group, eligible.length) && tries < 10_000; tries++)
        members.add(eligible[eligible.length - 1 - Math.floor(random() * Math.min(eligible.length, 600))]!.id);
      for (const participantId of members) {
        enrolStmt.run(newId(), participantId, cohortId, startDay, finished ? end : null, finished ? 'completed' : null);
        audit(v.coordinatorId, 'cohorts.enrol', 'participant', participantId, at);
        sessionDays.forEach((day, k) => {
          if (day >= TODAY) return;
          const roll = random();
          const mark = roll < 0.78 ? 'present' : pick(random, ATTENDANCE_MARKS);
          markStmt.run(sessionIds[k], participantId, mark, v.teacherId, `${day}T12:00:00.000Z`);
        });
      }
      if (finished && members.size === DECADE.group) {
        gridCohortId = cohortId;
        gridWeekStart = isoDay(start + 2 * 7 * DAY);
      }
    },
    'cohorts',
  );

  // The funder data of those whose group ended: the situation at exit for most, the six-month follow-up for many.
  const resultStmt = db.prepare(
    `INSERT INTO participation_results (participant_id, exit_checked_on, exit_job_searching, exit_in_education,
       exit_qualification, exit_employed, follow_up_checked_on, follow_up_outcome, follow_up_employed,
       follow_up_improved, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const leavers = db
    .prepare(
      `SELECT participant_id AS id, max(end_date) AS exit FROM enrolments GROUP BY participant_id
        HAVING count(end_date) = count(*)`,
    )
    .all() as { id: string; exit: string }[];
  db.transaction(() => {
    for (const { id, exit } of leavers) {
      if (random() < 0.2) continue;
      const employed = random() < 0.3 ? 1 : 0;
      const checkedOn = isoDay(dayMs(exit) + 14 * DAY);
      const followUpOn = isoDay(dayMs(exit) + 183 * DAY);
      const followUp = followUpOn < TODAY && random() < 0.7;
      const reached = followUp && random() < 0.8;
      resultStmt.run(
        id,
        checkedOn,
        employed ? 0 : 1,
        random() < 0.2 ? 1 : 0,
        random() < 0.3 ? 1 : 0,
        employed,
        followUp ? followUpOn : null,
        followUp ? (reached ? 'reached' : 'not_reached') : null,
        reached ? (random() < 0.4 ? 1 : 0) : null,
        reached ? (random() < 0.3 ? 1 : 0) : null,
        `${checkedOn}T10:00:00.000Z`,
        v.caseworkerId,
      );
    }
  })();

  // Assessments: the first stages of as many participants as it takes, every item of version 1 answered.
  const stagesEach = Math.max(1, Math.min(ASSESSMENT_STAGES.length, Math.ceil(counts.assessments / participants.length)));
  batches(
    counts.assessments,
    3_000,
    (i) => {
      const owner = participants[Math.floor(i / stagesEach) % participants.length]!;
      const stage = ASSESSMENT_STAGES[i % stagesEach]!;
      const date = isoDay(Math.min(dayMs(TODAY), dayMs(owner.since) + (i % stagesEach) * 90 * DAY));
      const answers: AnswerToStore[] = [];
      INSTRUMENT_V1.items.forEach((item, k) => {
        for (const rater of item.raters) {
          const base = { itemId: item.id, rater, note: null, withInterpreter: false, language: null };
          if (item.scale === 'text') answers.push({ ...base, score: null, text: `Toive ${k}: työ keittiössä` });
          else {
            const { min, max } = scoreRange(item.scale);
            answers.push({ ...base, score: min + Math.floor(random() * (max - min + 1)), text: null });
          }
        }
      });
      const at = `${date}T13:00:00.000Z`;
      const id = newId();
      insertAssessment(db, { id, participantId: owner.id, stage, date, version: 1, answers }, at, v.caseworkerId);
      audit(v.caseworkerId, 'assessments.save', 'participant', owner.id, at, `assessment:${id}`);
    },
    'assessments',
  );

  // Referrals with their moves, to 40 partners (the statements of bench/referrals-page.bench.ts).
  const partnerIds = Array.from({ length: 40 }, () => newId());
  const partnerStmt = db.prepare(
    `INSERT INTO partners (id, name, name_key, type, created_by, created_at, updated_at) VALUES (?, ?, ?, 'other', ?, ?, ?)`,
  );
  db.transaction(() =>
    partnerIds.forEach((id, i) => partnerStmt.run(id, `Kumppani ${i}`, `kumppani ${i}`, v.coordinatorId, TODAY, TODAY)),
  )();
  const referralStmt = db.prepare(
    `INSERT INTO referrals (id, participant_id, partner_id, partner_name, service_type, urgency, status, reason, message,
       shared_fields, follow_up_on, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '["name"]', ?, ?, ?, ?, ?)`,
  );
  const eventStmt = db.prepare(
    `INSERT INTO referral_events (referral_id, status, date, at, by_user, reason, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  batches(
    counts.referrals,
    5_000,
    (i) => {
      const owner = pick(random, participants);
      const id = newId();
      const status = REFERRAL_STATUSES[i % REFERRAL_STATUSES.length]!;
      const p = i % partnerIds.length;
      const from = dayMs(owner.since);
      const day = isoDay(from + Math.floor(random() * Math.max(1, (dayMs(TODAY) - from) / DAY)) * DAY);
      const changed = `${day}T10:00:00.000Z`;
      referralStmt.run(
        id,
        owner.id,
        partnerIds[p],
        `Kumppani ${p}`,
        SERVICE_TYPES[i % SERVICE_TYPES.length],
        URGENCIES[i % URGENCIES.length],
        status,
        'Tarvitsee apua työnhakijaksi ilmoittautumisessa ja lomakkeissa.',
        'Viesti kumppanille.',
        i % 9 === 0 ? null : isoDay(dayMs(day) + 14 * DAY),
        changed,
        v.caseworkerId,
        changed,
        v.caseworkerId,
      );
      eventStmt.run(id, 'draft', day, changed, v.caseworkerId, null, null);
      if (status !== 'draft') {
        const reason = status === 'declined' || status === 'withdrawn' ? 'Ei paikkaa nyt.' : null;
        if (status !== 'sent' && status !== 'withdrawn') eventStmt.run(id, 'sent', day, changed, v.caseworkerId, null, null);
        if (status === 'completed') eventStmt.run(id, 'accepted', day, changed, v.caseworkerId, null, null);
        eventStmt.run(id, status, day, changed, v.caseworkerId, reason, status === 'completed' ? 'appointmentHeld' : null);
      }
      audit(v.caseworkerId, 'referrals.create', 'participant', owner.id, changed, `referral:${id}`);
    },
    'referrals',
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  // The built vault must be what the app holds: verify it through dispatch before keeping it.
  const check = await call('vault.verify', {});
  const intact =
    check.firstBadPage === null && check.integrity === true && check.auditFirstBadRow === null && check.historyProblem === null;
  if (!intact) throw new Error(`the built vault does not verify clean: ${JSON.stringify(check)}`);
  progress(started, `vault.verify clean: ${String(check.pagesChecked)} pages, ${String(check.auditRows)} audit rows`);
  production.close();

  const vaultDir = join(dir, 'vault');
  renameSync(v.t.dataDir, vaultDir);
  // The plain copy: the same file, decrypted in place (same pages, same rows, same full-text index).
  const plainPath = join(dir, 'plain.db');
  copyFileSync(join(vaultDir, 'polku.db'), plainPath);
  const key = await vaultMasterKey({ dataDir: vaultDir });
  const plain = openCipher(plainPath, { kind: 'raw', key }, { driver: {} });
  key.fill(0);
  plain.pragma('journal_mode=DELETE');
  plain.rekey(Buffer.alloc(0));
  plain.close();
  progress(started, 'plain SQLite copy written');

  const [busyParticipantId, busyParticipantNotes] = [...noteCount.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const meta: DecadeMeta = {
    scale,
    seed,
    counts,
    busyParticipantId,
    busyParticipantNotes,
    gridCohortId,
    gridWeekStart,
    buildSeconds: Math.round((performance.now() - started) / 1000),
  };
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/** Opens the plain copy as the vault opens its file, without a key: WAL, `synchronous=FULL`, foreign keys. */
export async function openPlain(path: string): Promise<Db> {
  const { default: Database } = await import('better-sqlite3-multiple-ciphers');
  const db = new Database(path, { fileMustExist: true });
  db.pragma('journal_mode=WAL');
  db.pragma('synchronous=FULL');
  db.pragma('foreign_keys=ON');
  db.pragma('temp_store=MEMORY');
  return db;
}
