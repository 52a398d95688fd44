/** Test support for the psychosocial log: a staffed vault with a consenting participant, the psychologist unlocked. */
import type { InputOf } from '@shared/api';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../../tests/support/participants';

/** The test clock's day (tests/support/core.ts starts it at 2026-11-28, 09:00 UTC). */
export const TODAY = '2026-11-28';

/** Planted in private notes: no answer to anyone but a psychologist may contain it. */
export const PRIVATE_MARKER = 'PRIVMARKERZX';
/** Planted in the shareable summary: every reader of the log sees it. */
export const SUMMARY_MARKER = 'SHAREDMARKERQW';

/** A whole entry, as a psychologist fills in the form. */
export const ENTRY = {
  date: '2026-11-20',
  durationMinutes: 60,
  kind: 'individual',
  riskLevel: 'moderate',
  summary: `Kävimme läpi arjen jaksamista. Tukea jatketaan viikoittain. ${SUMMARY_MARKER}`,
  privateNotes: `Unet ovat huonoja; painajaisia työpaikasta.\nSeuraavalla kerralla rentoutusharjoitus. ${PRIVATE_MARKER}`,
  nextAppointment: { date: '2026-12-04', time: '10:30' },
} satisfies Omit<InputOf<'psychosocial.create'>, 'participantId'>;

export interface PsychosocialVault extends StaffedVault {
  /** A participant with consent to processing, created by the caseworker. */
  participantId: string;
  /** Creates another participant (as the caseworker, then back to the psychologist); with consent unless false. */
  addParticipant(consent?: boolean): Promise<string>;
}

/** A staffed vault with one participant who has consented to processing; the psychologist is unlocked. */
export async function psychosocialVault(): Promise<PsychosocialVault> {
  const v = await staffedVault();
  const addParticipant = async (consent = true) => {
    await v.as('caseworker');
    const id = await addConsentingParticipant(v, consent);
    await v.as('psychologist');
    return id;
  };
  return { ...v, participantId: await addParticipant(), addParticipant };
}
