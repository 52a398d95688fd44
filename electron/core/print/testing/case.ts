/**
 * A staffed vault with one participant's file filled in for the print tests: details, consents, a safety flag,
 * guidance notes inside and outside a date range and a psychosocial meeting with private notes, each carrying a
 * marker word so that what a printout holds can be checked word by word. For tests only.
 */
import type { ShellPort } from '../../shell/port';
import { staffedVault, type StaffedVault } from '../../../../tests/support/participants';

export const MARK = {
  firstName: 'Leila',
  lastName: 'Haddad',
  phone: '+358 40 123 4567',
  email: 'leila.h@example.org',
  safeContact: 'SAFENOTEMARK',
  referralOrganisation: 'Tukikeskus Referralmark',
  referralPerson: 'Maria Contactperson',
  partner: 'PARTNERMARK Oy',
  flagNote: 'FLAGNOTEMARK never confirm she is here',
  noteInRange: 'INRANGEMARK',
  noteOutOfRange: 'OUTRANGEMARK',
  summary: 'SUMMARYMARK coping better',
  privateNote: 'PRIVATEMARK nightmares',
} as const;

/** Enough of a note to take the printout over more than one page. */
const LONG_TEXT = Array.from(
  { length: 40 },
  (_, i) => `${i + 1}. We went through the job-search plan step by step and agreed what to do before the next meeting.`,
).join('\n');

/** The days the tests print notes for; the manual clock stands at 2026-11-28. */
export const RANGE = { notesFrom: '2026-11-01', notesTo: '2026-11-30' } as const;

export interface PrintCase extends StaffedVault {
  participantId: string;
  pseudonym: string;
}

/** The vault and the file, with the caseworker unlocked. */
export async function printCase(shell: ShellPort): Promise<PrintCase> {
  const v = await staffedVault({ shell });
  const { participant } = await v.t.ok('participants.create', {
    firstName: MARK.firstName,
    lastName: MARK.lastName,
    birthYear: 1991,
    phone: MARK.phone,
    email: MARK.email,
    safeContactMethod: 'text_message',
    safeContactNotes: `Weekdays only ${MARK.safeContact}`,
    referralSourceType: 'ngo',
    referralOrganisation: MARK.referralOrganisation,
    referralContactPerson: MARK.referralPerson,
    referralDate: '2026-10-01',
  });
  const participantId = participant.id;
  await v.t.ok('consents.record', { participantId, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  await v.t.ok('consents.record', {
    participantId,
    purpose: 'partner_sharing',
    partnerName: MARK.partner,
    givenOn: '2026-11-02',
    method: 'oral_with_interpreter',
  });
  await v.t.ok('flags.set', { participantId, kind: 'exploiter_contact_risk', note: MARK.flagNote });
  await v.t.ok('notes.create', {
    participantId,
    date: '2026-11-20',
    type: 'individual_guidance',
    text: `${MARK.firstName} told about her week.\n${LONG_TEXT}\n${MARK.noteInRange}`,
  });
  await v.t.ok('notes.create', { participantId, date: '2026-09-01', type: 'phone_call', text: MARK.noteOutOfRange });
  await v.as('psychologist');
  await v.t.ok('psychosocial.create', {
    participantId,
    date: '2026-11-21',
    durationMinutes: 45,
    kind: 'individual',
    riskLevel: 'low',
    summary: MARK.summary,
    privateNotes: MARK.privateNote,
  });
  await v.as('caseworker');
  return { ...v, participantId, pseudonym: participant.pseudonym };
}
