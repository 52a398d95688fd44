/**
 * A participant's whole file with a marker word in every free-text field and name, for tests that look for the
 * marker where it must not be (erasure, reports). For tests only.
 */
import { sampleAnswers } from '../../electron/core/assessments/testing/vault';
import { samplePlanGoals } from '../../electron/core/plans/testing/plan';
import { LEILA, type StaffedVault } from './participants';
import { plantReferral } from './referrals';

/** An inflected word planted in a note: search indexes it by stem keys, one of which is written nowhere in the text. */
export const inflected = (mark: string) => `${mark}apa`;

/**
 * A participant whose whole file carries `mark`: record, consents, flag, a note with a follow-up and an earlier
 * version, a draft, a psychosocial entry, a referral sent and declined (reason, message, summary, decline reason),
 * a plan with an earlier version, an assessment saved twice.
 */
export async function plantedFile(v: StaffedVault, mark: string) {
  await v.as('caseworker');
  const { participant } = await v.t.ok('participants.create', {
    ...LEILA,
    firstName: `${mark}first`,
    lastName: `${mark}last`,
    safeContactNotes: `Mornings ${mark}contact`,
    confirmDuplicate: true,
  });
  const participantId = participant.id;
  const date = '2026-11-20';
  await v.t.ok('participants.update', { id: participantId, preferredName: `${mark}pref` });
  await v.t.ok('consents.record', { participantId, purpose: 'processing', givenOn: date, method: 'signed' });
  await v.t.ok('consents.record', {
    participantId,
    purpose: 'partner_sharing',
    partnerName: `Partner ${mark}partner`,
    givenOn: date,
    method: 'signed',
  });
  await v.t.ok('flags.set', { participantId, kind: 'other', note: `Never ${mark}flag` });
  const { note } = await v.t.ok('notes.create', {
    participantId,
    date,
    type: 'phone_call',
    text: `Called ${mark}note`,
    followUp: { task: `Ring back ${mark}task`, due: '2026-12-01', owner: v.coordinatorId },
  });
  await v.t.ok('notes.update', {
    id: note.id,
    date,
    type: 'phone_call',
    text: `Called again ${mark}version, ${inflected(mark)}`,
    followUp: { task: `Ring back ${mark}task`, due: '2026-12-01', owner: v.caseworkerId },
  });
  await v.t.ok('notes.saveDraft', { participantId, fields: { text: `Half typed ${mark}draft` } });
  await plantReferral(v.t, participantId, mark, date);
  // A plan of two versions: the marker in every goal and step, in force and in the earlier version.
  const { plan } = await v.t.ok('plans.save', { participantId, baseVersion: null, goals: samplePlanGoals(`${mark}plan`) });
  await v.t.ok('plans.save', {
    participantId,
    baseVersion: plan.version,
    goals: plan.goals.map((g, i) => ({ ...g, target: `${g.target} ${mark}goal${i}` })),
  });
  // An assessment saved twice: the marker in a note and a written answer, the first answers replaced.
  const intake = { participantId, stage: 'intake', date, version: 1 } as const;
  const { assessment } = await v.t.ok('assessments.save', { ...intake, answers: sampleAnswers(`${mark}assess`) });
  await v.t.ok('assessments.save', { ...intake, baseUpdatedAt: assessment.updatedAt, answers: sampleAnswers(`${mark}again`) });
  await v.as('psychologist');
  await v.t.ok('psychosocial.create', {
    participantId,
    date,
    durationMinutes: 60,
    kind: 'individual',
    riskLevel: 'low',
    summary: `Shared ${mark}summary`,
    privateNotes: `Private ${mark}private`,
  });
  return participant;
}
