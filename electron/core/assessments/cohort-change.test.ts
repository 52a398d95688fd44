import { afterEach, describe, expect, it } from 'vitest';
import { openVaultDb } from '../../../tests/support/raw-db';
import { addVersion2, assessmentVault, REFERRED, type Answers, type AssessmentVault } from './testing/vault';

const vaults: AssessmentVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const INTAKE_DAY = '2026-10-05';
const EXIT_DAY = '2026-11-20';

/**
 * One cohort of five and an outsider, recorded through the real channels. Positions are steps from the scale's
 * first (CEFR A1.1 = 1; "not yet" = 0, "alone" = 2; check "no" = 0, "yes" = 2; ladder 1 = 0). By hand:
 *
 *        finnish (listening, speaking / reading)   digital (email)     rights (contract)   selfConfidence (sameRights)
 *   P1   L1 S1 → L3 S2: med 1 → 2.5   up           0 → 2   up          0 → 2   up          self 2→4 up (caseworker 4→2)
 *   P2   L2 S2 → L2 S2                same         1 → 0   down        intake only: missing self 3→3 same (cw →5)
 *   P3   intake only, left early      missing      missing             missing             missing
 *   P4   enrolled, never assessed     missing      missing             missing             missing
 *   P6   R0 → R0 (W3 at exit only)    same         not asked: missing  missing             caseworker only: missing
 *        (exit under version 2: the items pair by id)
 *   P5   intake and exit, but in no enrolment of this cohort: not counted
 *
 *   domain          up  same  down  missing  n
 *   finnish          1     2     0        2  5
 *   digital          1     0     1        3  5
 *   rights           1     0     0        4  5
 *   jobSearch        0     0     0        5  5
 *   everydayLife     0     0     0        5  5
 *   selfConfidence   1     1     0        3  5
 */
const EXPECTED = [
  { domain: 'finnish', up: 1, same: 2, down: 0, missing: 2, n: 5 },
  { domain: 'digital', up: 1, same: 0, down: 1, missing: 3, n: 5 },
  { domain: 'rights', up: 1, same: 0, down: 0, missing: 4, n: 5 },
  { domain: 'jobSearch', up: 0, same: 0, down: 0, missing: 5, n: 5 },
  { domain: 'everydayLife', up: 0, same: 0, down: 0, missing: 5, n: 5 },
  { domain: 'selfConfidence', up: 1, same: 1, down: 0, missing: 3, n: 5 },
];

const cw = (itemId: string, score: number) => ({ itemId, rater: 'caseworker' as const, score });
const self = (itemId: string, score: number) => ({ itemId, rater: 'participant' as const, score });

async function participant(v: AssessmentVault, firstName: string): Promise<string> {
  const { participant: p } = await v.t.ok('participants.create', { firstName, referralDate: REFERRED, confirmDuplicate: true });
  await v.t.ok('consents.record', { participantId: p.id, purpose: 'processing', givenOn: REFERRED, method: 'signed' });
  return p.id;
}

async function assess(v: AssessmentVault, participantId: string, stage: 'intake' | 'exit', answers: Answers, version = 1) {
  await v.t.ok('assessments.save', {
    participantId,
    stage,
    date: stage === 'intake' ? INTAKE_DAY : EXIT_DAY,
    version,
    answers: answers ?? [],
  });
}

/** The cohort above; returns its id and the participants' ids. */
async function plantCohort(v: AssessmentVault) {
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Syksyn ryhmä', startDate: INTAKE_DAY, lengthWeeks: 10 });
  const p1 = v.participantId;
  const [p2, p3, p4, p5, p6] = [
    await participant(v, 'Bashir'),
    await participant(v, 'Chen'),
    await participant(v, 'Dalia'),
    await participant(v, 'Esa'),
    await participant(v, 'Farah'),
  ];
  const enrolments: Record<string, string> = {};
  for (const id of [p1, p2, p3, p4, p6]) {
    const { enrolment } = await v.t.ok('cohorts.enrol', { participantId: id, cohortId: cohort.id, startDate: INTAKE_DAY });
    enrolments[id] = enrolment.id;
  }
  await v.t.ok('cohorts.endEnrolment', {
    id: enrolments[p3]!,
    endDate: '2026-10-20',
    outcome: 'discontinued',
    reason: 'Muutti toiselle paikkakunnalle',
  });

  const sameRights = 'selfConfidence.sameRights';
  await assess(v, p1, 'intake', [
    cw('finnish.listening', 1),
    cw('finnish.speaking', 1),
    cw('digital.email', 1),
    cw('rights.contract', 0),
    self(sameRights, 2),
    cw(sameRights, 4),
  ]);
  await assess(v, p1, 'exit', [
    cw('finnish.listening', 3),
    cw('finnish.speaking', 2),
    cw('digital.email', 3),
    cw('rights.contract', 2),
    self(sameRights, 4),
    cw(sameRights, 2),
  ]);
  await assess(v, p2, 'intake', [
    cw('finnish.listening', 2),
    cw('finnish.speaking', 2),
    cw('digital.email', 2),
    cw('rights.contract', 1),
    self(sameRights, 3),
  ]);
  await assess(v, p2, 'exit', [
    cw('finnish.listening', 2),
    cw('finnish.speaking', 2),
    cw('digital.email', 1),
    self(sameRights, 3),
    cw(sameRights, 5),
  ]);
  await assess(v, p3, 'intake', [cw('finnish.listening', 0), cw('digital.email', 1)]);
  await assess(v, p5, 'intake', [cw('finnish.listening', 0), cw('digital.email', 1)]);
  await assess(v, p5, 'exit', [cw('finnish.listening', 5), cw('digital.email', 4)]);
  await assess(v, p6, 'intake', [cw('finnish.reading', 0), cw(sameRights, 2)]);
  addVersion2(await openVaultDb(v.t));
  await assess(v, p6, 'exit', [cw('finnish.reading', 0), cw('finnish.writing', 3), cw(sameRights, 4)], 2);
  return { cohortId: cohort.id, ids: [p1, p2, p3, p4, p5, p6] };
}

describe('a cohort’s change from intake to exit', () => {
  it('counts every domain as in the table worked out by hand, the participant’s own view for a self-rating', async () => {
    const v = await assessmentVault();
    vaults.push(v);
    const { cohortId } = await plantCohort(v);
    expect((await v.t.ok('assessments.cohortChange', { cohortId })).domains).toEqual(EXPECTED);
  });

  it('says nothing of who: no name, pseudonym or id in the answer, and a psychologist reads the same counts', async () => {
    const v = await assessmentVault();
    vaults.push(v);
    const { cohortId, ids } = await plantCohort(v);
    await v.as('psychologist');
    const answer = await v.t.ok('assessments.cohortChange', { cohortId });
    expect(answer.domains).toEqual(EXPECTED);
    const text = JSON.stringify(answer);
    for (const word of [...ids, 'Amal', 'Bashir', 'P-2026', 'Syksyn']) expect(text).not.toContain(word);
  });

  it('is refused to a teacher, and answers not found for a cohort not stored', async () => {
    const v = await assessmentVault();
    vaults.push(v);
    const { cohortId } = await plantCohort(v);
    expect(await v.t.call('assessments.cohortChange', { cohortId: '0123456789abcdef0123456789abcdef' })).toMatchObject({
      code: 'not_found',
    });
    await v.as('teacher');
    expect(await v.t.call('assessments.cohortChange', { cohortId })).toMatchObject({ code: 'forbidden' });
  });

  it('lists every scored domain with nobody to compare in a cohort without assessments', async () => {
    const v = await assessmentVault();
    vaults.push(v);
    const { cohort } = await v.t.ok('cohorts.create', { name: 'Tyhjä ryhmä', startDate: INTAKE_DAY });
    const { domains } = await v.t.ok('assessments.cohortChange', { cohortId: cohort.id });
    expect(domains.map((d) => d.domain)).toEqual(EXPECTED.map((d) => d.domain));
    expect(domains.every((d) => d.n === 0 && d.missing === 0)).toBe(true);
  });
});
