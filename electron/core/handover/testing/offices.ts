/**
 * Test support for case handover: two offices (two real staffed vaults), each with a shell whose file choosers
 * answer what the test sets, a participant's file filled in every part in the first, and a snapshot of a vault's
 * whole database to show that a refused import wrote nothing.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import type { ShellPort } from '../../shell/port';
import { openVaultDb } from '../../../../tests/support/raw-db';
import { addConsentingParticipant, LEILA, staffedVault, type StaffedVault } from '../../../../tests/support/participants';
import { plantProgramme } from '../../../../tests/support/programme';
import { plantReferral } from '../../../../tests/support/referrals';
import { sampleAnswers } from '../../assessments/testing/vault';
import { samplePlanGoals } from '../../plans/testing/plan';

/** Planted in the file's texts, so that the tests can find them again on the other side. */
export const NOTE_MARKER = 'HANDOVERNOTEQX';
export const SUMMARY_MARKER = 'HANDOVERSUMMARYQX';
export const PRIVATE_MARKER = 'HANDOVERPRIVATEQX';
export const DRAFT_MARKER = 'HANDOVERDRAFTQX';
export const REFERRAL_MARKER = 'HANDOVERREFERRALQX';
export const PLAN_MARKER = 'HANDOVERPLANQX';
export const ASSESSMENT_MARKER = 'HANDOVERASSESSMENTQX';
/** The passphrase the exporter chooses for the file. */
export const FILE_PASSPHRASE = 'siirto joulukuussa, kolme kuusta';

/** File choosers that answer what the test sets: a path, or null for Cancel. */
export function answeringShell() {
  const answers: { save: string | null; open: string | null; saveRequests: { purpose: string; defaultName: string }[] } = {
    save: null,
    open: null,
    saveRequests: [],
  };
  const shell: ShellPort = {
    chooseSavePath: (request) => {
      answers.saveRequests.push(request);
      return Promise.resolve(answers.save);
    },
    chooseOpenPath: () => Promise.resolve(answers.open),
    renderPdf: () => Promise.reject(new AppError('internal')),
    printHtml: () => Promise.reject(new AppError('internal')),
  };
  return { shell, answers };
}

export interface Office extends StaffedVault {
  answers: ReturnType<typeof answeringShell>['answers'];
}

/** A staffed vault with an answering shell; the caseworker is unlocked. */
export async function office(): Promise<Office> {
  const { shell, answers } = answeringShell();
  const v = await staffedVault({ shell });
  return { ...v, answers };
}

/** A folder for handover files, outside both data folders. */
export function transferFolder(): string {
  return mkdtempSync(join(tmpdir(), 'polku-handover-'));
}

/**
 * Fills a participant's file in every part: the record, a consent, a safety flag, a note edited once (so with a
 * version), a draft, a psychosocial entry with private notes edited once, an enrolment in a group, and a
 * referral sent and declined. Leaves the
 * caseworker unlocked. Returns the participant id.
 * Also a completed group enrolment with attendance marks (tests/support/programme.ts), and an individual one.
 */
export async function fillCase(v: StaffedVault): Promise<string> {
  await v.as('caseworker');
  const { participant } = await v.t.ok('participants.create', { ...LEILA, confirmDuplicate: true });
  const id = participant.id;
  await v.t.ok('participants.update', { id, responsibleCaseworkerId: v.caseworkerId });
  await v.t.ok('consents.record', { participantId: id, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  await v.t.ok('flags.set', { participantId: id, kind: 'exploiter_contact_risk', note: 'Former employer asks around.' });
  const { note } = await v.t.ok('notes.create', {
    participantId: id,
    date: '2026-11-20',
    type: 'individual_guidance',
    topics: ['job_search'],
    tags: ['cv'],
    text: `Työnhaku: ansioluettelo valmis. ${NOTE_MARKER}`,
  });
  await v.t.ok('notes.update', {
    id: note.id,
    date: '2026-11-20',
    type: 'individual_guidance',
    topics: ['job_search', 'digital_skills'],
    tags: ['cv'],
    text: `Työnhaku: ansioluettelo valmis ja lähetetty. ${NOTE_MARKER}`,
    followUp: { task: 'Call about the interview', due: '2026-12-01' },
  });
  await v.t.ok('notes.create', { participantId: id, date: '2026-11-25', type: 'phone_call', text: 'Soitto: kaikki hyvin.' });
  await v.t.ok('notes.saveDraft', {
    participantId: id,
    fields: {
      date: '2026-11-27',
      type: 'other',
      topics: [],
      tagsText: '',
      text: `Kesken ${DRAFT_MARKER}`,
      hasFollowUp: false,
      followUpTask: '',
      followUpDue: '',
    },
  });
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-01-11' });
  await v.t.ok('cohorts.enrol', { participantId: id, cohortId: cohort.id, startDate: '2027-01-11', mode: 'individual' });
  // An earlier group with its sessions, a partner and a visit: marks for four sessions, none for the one ahead.
  await plantProgramme(v.t, v.caseworkerId, [
    { participantId: id, marks: ['present', 'late', 'absent', 'excused', 'present'], endDate: '2026-11-27' },
  ]);
  // A referral to a partner of this office's register, sent and declined: it travels, the partner is only named.
  const referralId = await plantReferral(v.t, id, REFERRAL_MARKER);
  // The plan travels with the file: the one in force and its earlier version; its first step points to the
  // referral, a foreign key the import renews.
  const { plan } = await v.t.ok('plans.save', { participantId: id, baseVersion: null, goals: samplePlanGoals(PLAN_MARKER) });
  const goals = plan.goals.map((g, gi) => ({
    ...g,
    steps: g.steps.map((s, si) => ({ ...s, status: 'done' as const, referralId: gi === 0 && si === 0 ? referralId : null })),
  }));
  await v.t.ok('plans.save', { participantId: id, baseVersion: plan.version, goals });
  // The intake assessment travels with the file, with the instrument version it was made with.
  await v.t.ok('assessments.save', {
    participantId: id,
    stage: 'intake',
    date: '2026-11-20',
    version: 1,
    answers: sampleAnswers(ASSESSMENT_MARKER),
  });
  // The funder's data travels with the file: the situation as the earlier group ended.
  await v.t.ok('participation.recordExit', {
    participantId: id,
    checkedOn: '2026-11-27',
    jobSearching: true,
    inEducation: false,
    qualification: true,
    employed: false,
  });

  await v.as('psychologist');
  const created = await v.t.ok('psychosocial.create', {
    participantId: id,
    date: '2026-11-21',
    durationMinutes: 45,
    kind: 'individual',
    riskLevel: 'low',
    summary: `Jaksaminen parempaa. ${SUMMARY_MARKER}`,
    privateNotes: `Painajaiset harvemmin. ${PRIVATE_MARKER}`,
  });
  const entryId = created.entry.id;
  await v.t.ok('psychosocial.update', {
    id: entryId,
    date: '2026-11-21',
    durationMinutes: 50,
    kind: 'individual',
    riskLevel: 'low',
    summary: `Jaksaminen selvästi parempaa. ${SUMMARY_MARKER}`,
    privateNotes: `Painajaiset harvemmin, uni parempaa. ${PRIVATE_MARKER}`,
  });
  await v.as('caseworker');
  return id;
}

/** Another participant of the office, made by the caseworker (their first one gets the code P-2026-001). */
export async function anotherParticipant(v: StaffedVault): Promise<string> {
  await v.as('caseworker');
  return addConsentingParticipant(v);
}

/**
 * Every row of every table of the vault's database, search indexes included, as one text: equal snapshots mean
 * nothing was written.
 */
export async function snapshot(v: StaffedVault): Promise<string> {
  const db = await openVaultDb(v.t);
  try {
    const tables = (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    const dump = tables.sort().map((table) => {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().safeIntegers().all() as unknown[][]).map((row) =>
        JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
      );
      return `${table}\n${rows.sort().join('\n')}`;
    });
    return dump.join('\n\n');
  } finally {
    db.close();
  }
}

/** The files in the vault's data folder (a refused import leaves no copy behind). */
export function dataFiles(v: StaffedVault): string[] {
  return readdirSync(v.t.dataDir).sort();
}
