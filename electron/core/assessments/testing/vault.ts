/** Test support for assessments: a staffed vault with a participant referred before the test clock's day, and answers. */
import type { InputOf } from '@shared/api';
import type { InstrumentDefinition } from '@shared/assessments';
import { staffedVault, type StaffedVault } from '../../../../tests/support/participants';
import type { Db } from '../../db/open';
import { INSTRUMENT_V1 } from '../instrument-v1';

/** The test clock's day (tests/support/core.ts starts it at 2026-11-28, 09:00 UTC). */
export const TODAY = '2026-11-28';
/** The day the test participant was referred: the earliest day an assessment of theirs may carry. */
export const REFERRED = '2026-10-01';

export type Answers = InputOf<'assessments.save'>['answers'];

/** An intake as a caseworker records it with the participant, every text carrying `mark`. */
export function sampleAnswers(mark = 'ASSESSMENT-MARKER'): NonNullable<Answers> {
  return [
    { itemId: 'finnish.speaking', rater: 'caseworker', score: 2, note: `Puhuu lyhyin lausein ${mark}` },
    { itemId: 'digital.email', rater: 'caseworker', score: 1, withInterpreter: true, language: 'arabia' },
    { itemId: 'rights.contract', rater: 'caseworker', score: 0 },
    { itemId: 'selfConfidence.sameRights', rater: 'participant', score: 2, withInterpreter: true, language: 'arabia' },
    { itemId: 'selfConfidence.sameRights', rater: 'caseworker', score: 3 },
    { itemId: 'history.wishes', rater: 'caseworker', text: `Haluaisi töihin keittiöön ${mark}` },
  ];
}

export interface AssessmentVault extends StaffedVault {
  /** Referred on REFERRED, with consent to processing; created by the caseworker, who is unlocked. */
  participantId: string;
  /** A whole save request for the participant, as the form sends it. */
  request(overrides?: Partial<InputOf<'assessments.save'>>): InputOf<'assessments.save'>;
}

export async function assessmentVault(): Promise<AssessmentVault> {
  const v = await staffedVault();
  const { participant } = await v.t.ok('participants.create', {
    firstName: 'Amal',
    referralDate: REFERRED,
    confirmDuplicate: true,
  });
  await v.t.ok('consents.record', { participantId: participant.id, purpose: 'processing', givenOn: REFERRED, method: 'signed' });
  return {
    ...v,
    participantId: participant.id,
    request: (overrides = {}) => ({
      participantId: participant.id,
      stage: 'intake',
      date: '2026-10-05',
      version: 1,
      answers: sampleAnswers(),
      ...overrides,
    }),
  };
}

/**
 * Stores a version 2 as a later release would: `finnish.speaking` worded anew and `digital.videoCalls` taken away.
 * Written straight into the vault, since no channel adds a version.
 */
export function addVersion2(db: Db): InstrumentDefinition {
  const v2: InstrumentDefinition = {
    ...INSTRUMENT_V1,
    version: 2,
    items: INSTRUMENT_V1.items
      .filter((item) => item.id !== 'digital.videoCalls')
      .map((item) =>
        item.id === 'finnish.speaking'
          ? { ...item, wording: { fi: 'Suullinen kielitaito', sv: 'Muntlig språkfärdighet', en: 'Spoken Finnish' } }
          : item,
      ),
  };
  db.prepare('INSERT INTO assessment_instruments (version, definition) VALUES (2, ?)').run(JSON.stringify(v2));
  return v2;
}
