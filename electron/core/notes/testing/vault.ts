/** Test support for the notes and search tests: a staffed vault with a participant who has consented. */
import type { InputOf } from '@shared/api';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../../tests/support/participants';

/** The test clock's day (tests/support/core.ts starts it at 2026-11-28, 09:00 UTC). */
export const TODAY = '2026-11-28';

/** A whole note, as a caseworker fills in the form. */
export const NOTE = {
  date: '2026-11-20',
  type: 'individual_guidance',
  topics: ['job_search', 'finnish_language'],
  tags: ['CV', 'kesätyö'],
  text: 'Kävimme läpi ansioluettelon.\nTyöpaikkailmoitukset ensi viikolla. NOTE-MARKER',
  followUp: { task: 'Send the CV to the employment office', due: '2026-12-05' },
} satisfies Omit<InputOf<'notes.create'>, 'participantId'>;

export interface NotesVault extends StaffedVault {
  /** A participant with consent to processing, created by the caseworker. */
  participantId: string;
  /** Creates another participant; with consent to processing unless `consent` is false. */
  addParticipant(consent?: boolean): Promise<string>;
}

/** A staffed vault (caseworker unlocked) with one participant who has consented to processing. */
export async function notesVault(): Promise<NotesVault> {
  const v = await staffedVault();
  const addParticipant = async (consent = true) => {
    const id = await addConsentingParticipant(v, consent);
    return id;
  };
  return { ...v, participantId: await addParticipant(), addParticipant };
}
