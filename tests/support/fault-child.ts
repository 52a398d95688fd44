/**
 * A Polku core in a process of its own that writes through the real dispatch, at random, every kind of record the
 * app has, for the random-kill suite (tests/support/fault-suite.ts) that kills it with SIGKILL at any moment. Before
 * each write it appends a `begin` line to the log (what the write may change), after the dispatch answered ok an
 * `ack` line (what it changed), each flushed to the disk. On stdout: `ready` once unlocked, `begin <channel>` before
 * every dispatch (reads and unlocks too) and `ack <channel> <ms>` after it, for the parent to time its kills.
 * With `force`, one long operation (backup, restore, rotate, passphrase, unlock) comes after a few random writes.
 * It never stops on its own: the parent kills it.
 *
 *   node --import tsx tests/support/fault-child.ts <dataDir> <model.json> <log file> <backup folder> <seed> [force]
 */
import { join } from 'node:path';
import { today } from '@shared/days';
import { createCore } from '../../electron/core/app-core';
import { sampleAnswers } from '../../electron/core/assessments/testing/vault';
import { samplePlanGoals } from '../../electron/core/plans/testing/plan';
import { BACKUP_PASSPHRASE, scriptedShell } from './backup';
import {
  appendDurably,
  applyEffects,
  KIND_NAMES,
  loadModel,
  STAFF,
  type Effect,
  type Kind,
  type LogLine,
  type StaffRole,
} from './fault-model';
import { seededRandom } from './seeded-random';

export const LONG_OPERATIONS = ['backup', 'restore', 'rotate', 'passphrase', 'unlock'] as const;
export type LongOperation = (typeof LONG_OPERATIONS)[number];

const [dataDir, modelFile, logFile, backupDir, seedText, force] = process.argv.slice(2);
if (!dataDir || !modelFile || !logFile || !backupDir || !seedText) {
  process.stderr.write('usage: fault-child.ts <dataDir> <model.json> <log file> <backup folder> <seed> [force]\n');
  process.exit(2);
}
const random = seededRandom(Number(seedText));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const model = loadModel(modelFile);
const shell = scriptedShell();
const core = createCore({ dataDir, kdfCost: 'test', shell });
const REFERRAL_PARTNER = 'Työkeskus Etelä';

type Value = Record<string, unknown> & { [key: string]: unknown };

/**
 * A dispatch that must answer ok (a refusal is a failure of the suite, reported with the seed), or be refused with
 * the code `refusable` (then null: a random session that overlaps another).
 */
async function call(channel: string, input: unknown, refusable?: string): Promise<Value | null> {
  process.stdout.write(`begin ${channel}\n`);
  const started = performance.now();
  const result = await core.dispatch(channel, input, { trustedSender: true });
  if (!result.ok && result.code === refusable) return null;
  if (!result.ok) {
    process.stderr.write(`${channel} refused: ${result.code} ${JSON.stringify(result.details ?? {})}\n`);
    process.exit(3);
  }
  process.stdout.write(`ack ${channel} ${Math.round(performance.now() - started)}\n`);
  return result.value as Value;
}

/** A write: logged before (what it may change) and after (what it changed), each line flushed. */
async function write(
  channel: string,
  input: unknown,
  begin: Omit<Extract<LogLine, { t: 'begin' }>, 't' | 'channel'>,
  effects: (value: Value) => Effect[] | Promise<Effect[]>,
  refusable?: string,
): Promise<Value> {
  appendDurably(logFile!, { t: 'begin', channel, ...begin });
  const value = await call(channel, input, refusable);
  // Refused as it may be: answered, and nothing changed.
  const changed = value === null ? [] : await effects(value);
  appendDurably(logFile!, { t: 'ack', channel, effects: changed });
  applyEffects(model, changed);
  return value ?? {};
}

/** A read or an unlock: answers ok. */
const read = async (channel: string, input: unknown): Promise<Value> => (await call(channel, input))!;

const record = (kind: Kind, key: string, token: string): Effect => ({ kind, key, token });
const id = (value: Value, field: string) => (value[field] as { id: string }).id;
const serial = () => `${seedText}-${++model.serial}`;
const r = model.records;

const participantsWith = (predicate: (pid: string) => boolean) => Object.keys(r.participant).filter(predicate);
const hasConsent = (pid: string, purpose = 'processing', partner = '') => `${pid}:${purpose}:${partner}` in r.consent;
const consenting = () => participantsWith((pid) => hasConsent(pid));
const hasDraft = (pid: string) => Object.values(r.draft).some((t) => t.startsWith(`${pid}:`));
const enrolled = (pid: string) => Object.values(r.enrolment).some((t) => t.startsWith(`${pid}:`));

async function unlockAs(role: StaffRole): Promise<void> {
  core.lock('manual');
  await read('vault.unlock', { name: STAFF[role], passphrase: model.passphrases[role] });
}

/** A colleague's id, from the users written at set-up. */
const userId = (role: StaffRole) => Object.keys(r.user).find((k) => r.user[k] === `${STAFF[role]}:${role}`)!;

async function addParticipant(): Promise<void> {
  const firstName = `Osallistuja ${serial()}`;
  await write('participants.create', { firstName, confirmDuplicate: true }, { kinds: ['participant'] }, (v) => [
    record('participant', id(v, 'participant'), firstName),
  ]);
}

async function addConsent(pid: string, purpose: 'processing' | 'partner_sharing'): Promise<void> {
  const partnerName = purpose === 'partner_sharing' ? REFERRAL_PARTNER : '';
  const input = { participantId: pid, purpose, givenOn: '2026-11-01', method: 'signed', ...(partnerName ? { partnerName } : {}) };
  await write('consents.record', input, { kinds: ['consent'] }, () => [
    record('consent', `${pid}:${purpose}:${partnerName}`, '2026-11-01'),
  ]);
}

/** The random writes, each with what it needs first (a participant with consent...) made on the way. */
const OPERATIONS: Record<string, () => Promise<void>> = {
  participant: addParticipant,
  async consent() {
    const pid = pick(participantsWith((p) => !hasConsent(p)).concat(['']));
    if (pid) await addConsent(pid, 'processing');
    else await addParticipant();
  },
  async flag() {
    const pid = pick(Object.keys(r.participant).concat(['']));
    if (!pid) return addParticipant();
    const note = `Varoitus ${serial()}`;
    await write('flags.set', { participantId: pid, kind: 'other', note }, { kinds: ['flag'] }, (v) => [
      record('flag', id(v, 'flag'), `${pid}:${note}`),
    ]);
  },
  async note() {
    const pid = pick(
      consenting()
        .filter((p) => !hasDraft(p))
        .concat(['']),
    );
    if (!pid) return OPERATIONS.consent!();
    const text = `Puhelu ${serial()}: työnhaku jatkuu, tulkki paikalla.`;
    const input = { participantId: pid, date: '2026-11-20', type: 'phone_call', text, followUp: null };
    await write('notes.create', input, { kinds: ['note'] }, (v) => [record('note', id(v, 'note'), `${pid}:${text}`)]);
  },
  async draft() {
    const pid = pick(consenting().concat(['']));
    if (!pid) return OPERATIONS.consent!();
    const text = `Luonnos ${serial()} kesken`;
    const fields = {
      date: '2026-11-21',
      type: 'individual_guidance',
      topics: [],
      tagsText: '',
      text,
      hasFollowUp: false,
      followUpTask: '',
      followUpDue: '',
      followUpDone: false,
    };
    await write('notes.saveDraft', { participantId: pid, fields }, { kinds: ['draft'] }, (v) => [
      record('draft', id(v, 'draft'), `${pid}:${text}`),
    ]);
  },
  async psychosocial() {
    const pid = pick(consenting().concat(['']));
    if (!pid) return OPERATIONS.consent!();
    // After a rotation the psychologist has no slot (nor, with a one-time passphrase, the private-notes key).
    if (model.passphrases.psychologist === null) return OPERATIONS.note!();
    await unlockAs('psychologist');
    const summary = `Jaksaminen ${serial()}`;
    const input = {
      participantId: pid,
      date: '2026-11-20',
      durationMinutes: 45,
      kind: 'individual',
      riskLevel: 'low',
      summary,
      privateNotes: `Yksityinen ${model.serial}`,
    };
    await write('psychosocial.create', input, { kinds: ['psychosocial'] }, (v) => [
      record('psychosocial', id(v, 'entry'), `${pid}:${summary}`),
    ]);
    await unlockAs('coordinator');
  },
  async referral() {
    const pid = pick(consenting().concat(['']));
    if (!pid) return OPERATIONS.consent!();
    let partnerId = Object.keys(r.partner).find((k) => r.partner[k] === REFERRAL_PARTNER);
    if (!partnerId) {
      const input = { name: REFERRAL_PARTNER, type: 'employmentServices', notes: null };
      const v = await write('partners.save', input, { kinds: ['partner'] }, (v) => [
        record('partner', id(v, 'partner'), REFERRAL_PARTNER),
      ]);
      partnerId = id(v, 'partner');
    }
    if (!hasConsent(pid, 'partner_sharing', REFERRAL_PARTNER)) return addConsent(pid, 'partner_sharing');
    const reason = `Syy ${serial()}`;
    const input = {
      participantId: pid,
      partnerId,
      serviceType: 'employmentServices',
      urgency: 'soon',
      reason,
      message: 'Hei, lähetämme asiakkaan.',
      sharedFields: ['name', 'summary'],
      summary: 'Tiivistelmä',
    };
    await write('referrals.create', input, { kinds: ['referral'] }, (v) => [
      record('referral', id(v, 'referral'), `${pid}:${reason}`),
    ]);
  },
  async plan() {
    const pid = pick(consenting().concat(['']));
    if (!pid) return OPERATIONS.consent!();
    const base = r.plan[pid];
    const input = { participantId: pid, baseVersion: base ? Number(base) : null, goals: samplePlanGoals(`Tavoite ${serial()}`) };
    await write('plans.save', input, { kinds: ['plan'] }, (v) => [
      record('plan', pid, String((v.plan as { version: number }).version)),
    ]);
  },
  async assessment() {
    const pid = pick(
      consenting()
        .filter((p) => !Object.values(r.assessment).includes(`${p}:intake`))
        .concat(['']),
    );
    if (!pid) return OPERATIONS.consent!();
    const input = { participantId: pid, stage: 'intake', date: today(), version: 1, answers: sampleAnswers(`A${serial()}`) };
    await write('assessments.save', input, { kinds: ['assessment'] }, (v) => [
      record('assessment', id(v, 'assessment'), `${pid}:intake`),
    ]);
  },
  async participation() {
    const pid = pick(consenting().filter(enrolled).concat(['']));
    if (!pid) return OPERATIONS.enrolment!();
    const checkedOn = today();
    const input = {
      participantId: pid,
      checkedOn,
      jobSearching: true,
      inEducation: false,
      qualification: false,
      employed: false,
    };
    await write('participation.recordExit', input, { kinds: ['participation'] }, () => [record('participation', pid, checkedOn)]);
  },
  async cohort() {
    const name = `Ryhmä ${serial()}`;
    const input = { name, startDate: '2026-11-02', lengthWeeks: 1 };
    await write('cohorts.create', input, { kinds: ['cohort', 'session'] }, async (v) => {
      const cohortId = id(v, 'cohort');
      // The sessions the cohort's calendar made, read back before the write is acknowledged.
      const sessions = (await read('sessions.list', { cohortId })) as unknown as {
        id: string;
        date: string;
        startTime: string;
      }[];
      return [
        record('cohort', cohortId, name),
        ...sessions.map((s) => record('session', s.id, `${cohortId}:${s.date} ${s.startTime}`)),
      ];
    });
  },
  async session() {
    const cohortId = pick(Object.keys(r.cohort).concat(['']));
    if (!cohortId) return OPERATIONS.cohort!();
    const startTime = `${String(13 + Math.floor(random() * 5)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;
    const date = `2026-11-${String(10 + Math.floor(random() * 15)).padStart(2, '0')}`;
    const input = { cohortId, date, startTime, endTime: '18:30', topic: 'finnish' };
    await write(
      'sessions.add',
      input,
      { kinds: ['session'] },
      (v) => [record('session', id(v, 'session'), `${cohortId}:${date} ${startTime}`)],
      'invalid_input',
    );
  },
  async enrolment() {
    const cohortId = pick(Object.keys(r.cohort).concat(['']));
    const pid = pick(
      consenting()
        .filter((p) => !enrolled(p))
        .concat(['']),
    );
    if (!cohortId) return OPERATIONS.cohort!();
    if (!pid) return addParticipant();
    await write('cohorts.enrol', { participantId: pid, cohortId, startDate: '2026-11-02' }, { kinds: ['enrolment'] }, (v) => [
      record('enrolment', id(v, 'enrolment'), `${pid}:${cohortId}`),
    ]);
  },
  async attendance() {
    const enrolment = pick(Object.values(r.enrolment).concat(['']));
    if (!enrolment) return OPERATIONS.enrolment!();
    const [pid, cohortId] = enrolment.split(':') as [string, string];
    const sessionId = pick(
      Object.keys(r.session)
        .filter((s) => r.session[s]!.startsWith(`${cohortId}:`))
        .concat(['']),
    );
    if (!sessionId) return OPERATIONS.session!();
    const mark = pick(['present', 'late', 'excused', 'absent'] as const);
    await write('attendance.mark', { sessionId, participantId: pid, mark }, { kinds: ['attendance'] }, () => [
      record('attendance', `${sessionId}|${pid}`, mark),
    ]);
  },
  async staff() {
    const displayName = `Opettaja ${serial()}`;
    const input = { displayName, role: 'teacher', currentPassphrase: model.passphrases.coordinator! };
    await write('users.create', input, { kinds: ['user'] }, (v) => [record('user', id(v, 'user'), `${displayName}:teacher`)]);
  },
};

const LONG: Record<LongOperation, () => Promise<void>> = {
  async backup() {
    const file = join(backupDir!, `backup-${serial()}.polkubackup`);
    shell.savePath = file;
    const input = { passphrase: BACKUP_PASSPHRASE, currentPassphrase: model.passphrases.coordinator! };
    await write('backup.create', input, {}, () => [{ backup: file }]);
  },
  async restore() {
    if (model.backups.length === 0) await LONG.backup();
    const { file } = pick(model.backups);
    shell.openPath = file;
    const { token } = await read('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    await write('backup.restore', { token }, { kinds: KIND_NAMES, restore: file }, () => [{ restore: file }]);
    await write('backup.keepRestore', {}, {}, () => []);
  },
  async rotate() {
    const input = { passphrase: model.passphrases.coordinator! };
    // Colleagues' slots are dropped: only their owners could wrap the new key.
    const v = await write('vault.rotateMasterKey', input, { rotation: true }, (v) => [
      { recoveryCode: v.recoveryCode as string },
      { passphrase: 'caseworker', value: null },
      { passphrase: 'psychologist', value: null },
    ]);
    await write('vault.confirmRecoveryCode', { recoveryCode: v.recoveryCode }, {}, () => []);
    // The caseworker is given a one-time passphrase and chooses her own at her first unlock.
    const issueInput = { id: userId('caseworker'), currentPassphrase: model.passphrases.coordinator! };
    await write('users.issuePassphrase', issueInput, {}, (v) => [
      { passphrase: 'caseworker', value: v.oneTimePassphrase as string },
    ]);
    await unlockAs('caseworker');
    const next = `oma tunnuslause ${serial()} talvella`;
    await write('vault.changePassphrase', { next }, { passphrase: 'caseworker', value: next }, () => [
      { passphrase: 'caseworker', value: next },
    ]);
    await unlockAs('coordinator');
  },
  async passphrase() {
    const role = model.passphrases.caseworker === null ? 'coordinator' : pick(['coordinator', 'caseworker'] as const);
    if (role !== 'coordinator') await unlockAs(role);
    const next = `tunnuslause ${serial()} syksyllä ja kahvi`;
    const input = { current: model.passphrases[role], next };
    await write('vault.changePassphrase', input, { passphrase: role, value: next }, () => [{ passphrase: role, value: next }]);
    if (role !== 'coordinator') await unlockAs('coordinator');
  },
  async unlock() {
    await unlockAs(
      pick((['caseworker', 'psychologist', 'coordinator'] as const).filter((role) => model.passphrases[role] !== null)),
    );
    await unlockAs('coordinator');
  },
};

const WEIGHTS: [string, number][] = [
  ['participant', 4],
  ['consent', 3],
  ['flag', 2],
  ['note', 5],
  ['draft', 3],
  ['psychosocial', 1],
  ['referral', 2],
  ['plan', 2],
  ['assessment', 1],
  ['participation', 1],
  ['cohort', 1],
  ['session', 1],
  ['enrolment', 2],
  ['attendance', 4],
  ['staff', 1],
];
const TOTAL = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
function randomOperation(): () => Promise<void> {
  let at = random() * TOTAL;
  for (const [name, weight] of WEIGHTS) {
    at -= weight;
    if (at < 0) return OPERATIONS[name]!;
  }
  return OPERATIONS.participant!;
}

await read('vault.unlock', { name: STAFF.coordinator, passphrase: model.passphrases.coordinator! });
// A restore swapped in but not yet kept when the process was killed: kept first, as its screen asks of the user
// (a rotation, an erasure or another restore is refused while it waits).
if ((await read('backup.status', {})).pendingRestore) await write('backup.keepRestore', {}, {}, () => []);
process.stdout.write('ready\n');
if (force) {
  for (let i = Math.floor(random() * 3); i > 0; i--) await randomOperation()();
  await LONG[force as LongOperation]();
}
for (;;) {
  // Now and then a long operation among the writes, as in a working day.
  if (random() < 0.03) await LONG[pick(LONG_OPERATIONS)]();
  else await randomOperation()();
}
