import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb, tablesHolding } from '../../../tests/support/raw-db';
import { plantReferral } from '../../../tests/support/referrals';
import { sampleAnswers } from '../assessments/testing/vault';
import { samplePlanGoals } from '../plans/testing/plan';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/** A word planted in every field of the participant to delete, and nowhere else. */
const MARK = 'Zyxdeleteme';
/** A word planted in the file that stays. */
const KEPT = 'Qwkeepme';

async function vaultWithTwoParticipants() {
  const v = await staffedVault();
  vaults.push(v);
  const gone = await v.t.ok('participants.create', {
    ...LEILA,
    firstName: `${MARK}a`,
    lastName: `${MARK}b`,
    safeContactNotes: `Only mornings ${MARK}c`,
  });
  const kept = await v.t.ok('participants.create', { firstName: 'Amal', lastName: 'Kept' });
  return { v, gone: gone.participant, kept: kept.participant };
}

/** Fills every part of the file: consent, flag, a note with an earlier version and a draft, a referral, a plan with an earlier version, an assessment, a psychosocial entry. */
async function fillWholeFile(v: StaffedVault, participantId: string, mark: string) {
  const date = '2026-11-20';
  await v.t.ok('consents.record', { participantId, purpose: 'processing', givenOn: date, method: 'signed' });
  await v.t.ok('consents.record', {
    participantId,
    purpose: 'partner_sharing',
    partnerName: `Partner ${mark}d`,
    givenOn: date,
    method: 'oral_with_interpreter',
  });
  await v.t.ok('flags.set', { participantId, kind: 'other', note: `Never confirm ${mark}e` });
  const { note } = await v.t.ok('notes.create', { participantId, date, type: 'phone_call', text: `Called ${mark}f` });
  await v.t.ok('notes.update', { id: note.id, date, type: 'phone_call', text: `Called again ${mark}g` });
  await v.t.ok('notes.saveDraft', { participantId, fields: { text: `Half typed ${mark}h` } });
  await plantReferral(v.t, participantId, mark, date);
  const { plan } = await v.t.ok('plans.save', { participantId, baseVersion: null, goals: samplePlanGoals(`${mark}k`) });
  const goals = plan.goals.map((g) => ({ ...g, steps: g.steps.map((s) => ({ ...s, status: 'done' as const })) }));
  await v.t.ok('plans.save', { participantId, baseVersion: plan.version, goals });
  // The test clock's day: the kept participant has no referral date, so their file's opening day is their start.
  await v.t.ok('assessments.save', {
    participantId,
    stage: 'intake',
    date: '2026-11-28',
    version: 1,
    answers: sampleAnswers(`${mark}m`),
  });
  await v.as('psychologist');
  await v.t.ok('psychosocial.create', {
    participantId,
    date,
    durationMinutes: 60,
    kind: 'individual',
    riskLevel: 'low',
    summary: `Shareable ${mark}i`,
    privateNotes: `Private ${mark}j`,
  });
}

describe('deleting a participant', () => {
  it('is the coordinator’s alone: others are refused and nothing is removed', async () => {
    const { v, gone } = await vaultWithTwoParticipants();
    for (const role of ['caseworker', 'psychologist', 'teacher'] as const) {
      await v.as(role);
      expect(await v.t.call('participants.deletionPreview', { id: gone.id }), role).toMatchObject({ code: 'forbidden' });
      expect(await v.t.call('participants.delete', { id: gone.id, confirmPseudonym: gone.pseudonym })).toMatchObject({
        code: 'forbidden',
      });
    }
    await v.as('coordinator');
    expect((await v.t.ok('participants.get', { id: gone.id })).participant.id).toBe(gone.id);
  });

  it('first shows what would go, then needs the pseudonym typed back', async () => {
    const { v, gone } = await vaultWithTwoParticipants();
    await v.as('coordinator');
    expect(await v.t.ok('participants.deletionPreview', { id: gone.id })).toEqual({
      pseudonym: gone.pseudonym,
      counts: { participants: 1 },
    });
    const wrong = await v.t.call('participants.delete', { id: gone.id, confirmPseudonym: 'P-2026-999' });
    expect(wrong).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'confirmPseudonym', i18nKey: 'validation.confirmation_mismatch' }] },
    });
    expect((await v.t.ok('participants.get', { id: gone.id })).participant.id).toBe(gone.id);
  });

  it('removes every row of theirs in every table and search index, keeps everyone else, and is audited', async () => {
    const { v, gone, kept } = await vaultWithTwoParticipants();
    await fillWholeFile(v, gone.id, MARK);
    await v.as('caseworker');
    await fillWholeFile(v, kept.id, KEPT);
    await v.as('psychologist');
    expect((await v.t.ok('search.notes', { query: MARK })).hits.length).toBeGreaterThan(0);
    await v.as('coordinator');
    const { counts } = await v.t.ok('participants.deletionPreview', { id: gone.id });
    expect(counts).toMatchObject({
      participants: 1,
      consents: 3,
      safety_flags: 1,
      notes: 1,
      note_versions: 1,
      referrals: 1,
      referral_events: 3,
      plans: 1,
      plan_goals: 2,
      plan_steps: 4,
      plan_versions: 1,
      assessments: 1,
      assessment_answers: 6,
    });
    await v.t.ok('participants.delete', { id: gone.id, confirmPseudonym: ` ${gone.pseudonym.toLowerCase()} ` });
    expect(await v.t.call('participants.get', { id: gone.id })).toMatchObject({ code: 'not_found' });
    expect(await v.t.ok('participants.get', { id: kept.id })).toMatchObject({ participant: { lastName: 'Kept' } });
    const db = await openVaultDb(v.t);
    try {
      expect(tablesHolding(db, MARK)).toEqual({});
      // The scan does find what is there: the kept file's words, in its tables and search indexes.
      expect(Object.keys(tablesHolding(db, KEPT))).toEqual(
        expect.arrayContaining([
          'consents',
          'safety_flags',
          'notes',
          'note_versions',
          // Not psychosocial_private: the private notes are sealed under the psychologists' key (vault/compartment.ts).
          'referrals',
          'referral_events',
          'plan_goals',
          'plan_steps',
          'plan_versions',
          'assessment_answers',
        ]),
      );
      expect(tablesHolding(db, gone.id)).toEqual({ audit_log: expect.any(Number) });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
    const { entries } = await v.t.ok('audit.list', { action: 'participants.delete' });
    expect(entries.map((e) => [e.entity, e.entityId, e.outcome])).toEqual([['participant', gone.id, 'ok']]);
    await v.as('psychologist');
    expect((await v.t.ok('search.notes', { query: MARK })).hits).toEqual([]);
    expect((await v.t.ok('search.notes', { query: KEPT })).hits.length).toBeGreaterThan(0);
    await v.as('coordinator');
    const next = await v.t.ok('participants.create', { firstName: 'New' });
    expect(next.participant.pseudonym).toBe('P-2026-003');
  });
});
