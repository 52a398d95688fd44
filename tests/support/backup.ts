import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileFault } from '../../electron/core/fs/file-ops';
import { contentDigest, contentTables } from '../../electron/core/backup/content';
import type { Db } from '../../electron/core/db/open';
import type { ShellPort } from '../../electron/core/shell/port';
import { COLLEAGUE_PASSPHRASE, PASSPHRASE, switchUser, testCore, type TestCore } from './core';
import { addConsentingParticipant, staffedVault, type StaffedVault } from './participants';
import { sampleAnswers } from '../../electron/core/assessments/testing/vault';
import { samplePlanGoals } from '../../electron/core/plans/testing/plan';
import { plantProgramme } from './programme';
import { openVaultDb } from './raw-db';
import { plantReferral } from './referrals';

/** A backup passphrase with letters that have two Unicode spellings (NFC and NFD type the same text). */
export const BACKUP_PASSPHRASE = 'Syksyn varmuuskopio: hämärä & sade 2026';
export const COORDINATOR = 'Aino Koordinaattori';
/** Planted in a psychologist's private notes: it must come back from a backup like everything else. */
export const PRIVATE_MARKER = 'PRIVATE-BACKUP-MARKER';
/** Planted in a plan's goals and steps, in force and in its earlier version. */
export const PLAN_MARKER = 'PLAN-BACKUP-MARKER';
/** Planted in an assessment's note and written answer. */
export const ASSESSMENT_MARKER = 'ASSESSMENT-BACKUP-MARKER';

/** A shell whose file choosers answer what the test set (null: the user cancelled), and remember what was asked. */
export interface ScriptedShell extends ShellPort {
  savePath: string | null;
  openPath: string | null;
  asked: { purpose: string; defaultName?: string }[];
}

export function scriptedShell(): ScriptedShell {
  const shell: ScriptedShell = {
    savePath: null,
    openPath: null,
    asked: [],
    chooseSavePath: async (request) => (shell.asked.push(request), shell.savePath),
    chooseOpenPath: async (request) => (shell.asked.push(request), shell.openPath),
    renderPdf: () => Promise.reject(new Error('no printing in backup tests')),
    printHtml: () => Promise.reject(new Error('no printing in backup tests')),
  };
  return shell;
}

/**
 * As whoever is unlocked, fills a staffed vault with case data of every kind: participants with consent, a
 * safety flag, guidance notes, a career and study plan with an earlier version, an assessment, a cohort, the programme of another group (sessions, attendance, a partner and its
 * contact, a visit: tests/support/programme.ts) and a psychologist's entry with private notes. Ends with the
 * coordinator unlocked.
 */
export async function fillCaseData(v: StaffedVault, participants = 3): Promise<void> {
  await v.as('caseworker');
  const ids: string[] = [];
  for (let i = 0; i < participants; i++) ids.push(await addConsentingParticipant(v));
  for (const [i, participantId] of ids.entries()) {
    await v.t.ok('notes.create', {
      participantId,
      date: '2026-11-20',
      type: 'phone_call',
      text: `Puhelu ${i}: työhaku jatkuu.`,
      // A follow-up owned by someone other than the author, so that a copy must carry the owner as it is.
      followUp: i === 0 ? { task: 'Soita työvoimatoimistoon', due: '2026-12-01', owner: v.coordinatorId } : null,
    });
    await v.t.ok('flags.set', { participantId, kind: 'address_confidential', note: `Osoite salainen ${i}` });
  }
  // A referral sent and declined: the file's rows that name a partner of the register.
  const referralId = await plantReferral(v.t, ids[0]!, 'Lähete ');
  const { plan } = await v.t.ok('plans.save', { participantId: ids[0]!, baseVersion: null, goals: samplePlanGoals(PLAN_MARKER) });
  // Every step done, and the first one pointing to the referral (a foreign key the handover renews).
  const goals = plan.goals.map((g, gi) => ({
    ...g,
    steps: g.steps.map((s, si) => ({ ...s, status: 'done' as const, referralId: gi === 0 && si === 0 ? referralId : null })),
  }));
  await v.t.ok('plans.save', { participantId: ids[0]!, baseVersion: plan.version, goals });
  // The intake assessment, on the day the file was opened (the test clock's).
  await v.t.ok('assessments.save', {
    participantId: ids[0]!,
    stage: 'intake',
    date: '2026-11-28',
    version: 1,
    answers: sampleAnswers(ASSESSMENT_MARKER),
  });
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-01-11', lengthWeeks: 10 });
  await v.t.ok('cohorts.enrol', { participantId: ids[0]!, cohortId: cohort.id, startDate: '2027-01-11' });
  // The programme around a group: sessions, a partner with a contact, a visit, and everyone's marks (the first
  // participant's enrolment in it already ended: one open enrolment at a time).
  await plantProgramme(
    v.t,
    v.caseworkerId,
    ids.map((participantId, i) => ({
      participantId,
      marks: ['present', i % 2 === 0 ? 'absent' : 'late', 'excused'],
      ...(i === 0 ? { endDate: '2026-11-27' } : {}),
    })),
  );
  // The funder's data of the first participant, in a group since 1.11.: the situation as the group ended for them.
  await v.t.ok('participation.recordExit', {
    participantId: ids[0]!,
    checkedOn: '2026-11-27',
    jobSearching: true,
    inEducation: true,
    qualification: false,
    employed: false,
  });
  await v.as('psychologist');
  await v.t.ok('psychosocial.create', {
    participantId: ids[0]!,
    date: '2026-11-20',
    durationMinutes: 60,
    kind: 'individual',
    riskLevel: 'moderate',
    summary: 'Jaksaminen parempi.',
    privateNotes: `Painajaisia työpaikasta. ${PRIVATE_MARKER}`,
  });
  await v.as('coordinator');
}

export interface BackupFixture {
  /** A core with the scripted shell and the fault list; the coordinator is unlocked. */
  t: TestCore;
  coordinatorId: string;
  /** Locks and unlocks as the coordinator or the caseworker of the staffed vault. */
  as(who: 'coordinator' | 'caseworker'): Promise<void>;
  shell: ScriptedShell;
  /** Injected file-system failures; a test pushes to it and empties it again. */
  faults: FileFault[];
  /** A folder for backup files, outside the data folder. */
  outDir: string;
  cleanup(): void;
}

/** A staffed vault with case data, reopened over a scripted shell, the coordinator unlocked. */
export async function backupFixture(participants = 3): Promise<BackupFixture> {
  const v = await staffedVault();
  await fillCaseData(v, participants);
  v.t.core.close();
  const shell = scriptedShell();
  const faults: FileFault[] = [];
  const t = testCore(v.t.dataDir, v.t.clock, { shell, fileFaults: faults });
  await t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
  const outDir = mkdtempSync(join(tmpdir(), 'polku-backups-'));
  const fixture: BackupFixture = {
    t,
    coordinatorId: v.coordinatorId,
    // Through `fixture.t`, which a test may replace (after a restart).
    as: (who) =>
      who === 'coordinator'
        ? switchUser(fixture.t, COORDINATOR, PASSPHRASE)
        : switchUser(fixture.t, 'Kalle Ohjaaja', COLLEAGUE_PASSPHRASE),
    shell,
    faults,
    outDir,
    cleanup() {
      fixture.t.cleanup();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Tables whose rows change with every unlock or setting, left out where only the case data is compared. */
export const BOOKKEEPING_TABLES = ['audit_log', 'settings', 'sqlite_sequence'];

/** The content digest of a test vault's database (every table, or all but `except`), read beside the core. */
export async function vaultDigest(t: TestCore, except: readonly string[] = [], passphrase = PASSPHRASE): Promise<string> {
  const db = await openVaultDb(t, passphrase);
  try {
    return digestOf(db, except);
  } finally {
    db.close();
  }
}

export function digestOf(db: Db, except: readonly string[] = []): string {
  return contentDigest(
    db,
    contentTables(db).filter((table) => !except.includes(table.name)),
  );
}

/** Every row of the named tables, in key order, as SQLite returns them. */
export function rowsOf(db: Db, tables: readonly string[]): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = {};
  for (const table of contentTables(db).filter((t) => tables.includes(t.name))) {
    rows[table.name] = db.prepare(`SELECT * FROM "${table.name}" ORDER BY ${table.orderBy}`).raw().all();
  }
  return rows;
}
