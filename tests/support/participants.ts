import type { InputOf } from '@shared/api';
import { addColleague, PASSPHRASE, switchUser, testCore, type TestCore, type TestCoreOptions } from './core';

/** A vault with one member of staff in each role; the caseworker is unlocked. For tests only. */
export interface StaffedVault {
  t: TestCore;
  coordinatorId: string;
  caseworkerId: string;
  psychologistId: string;
  teacherId: string;
  as(who: 'coordinator' | 'caseworker' | 'psychologist' | 'teacher'): Promise<void>;
}

const NAMES = {
  coordinator: 'Aino Koordinaattori',
  caseworker: 'Kalle Ohjaaja',
  psychologist: 'Sara Psykologi',
  teacher: 'Olli Opettaja',
} as const;

export async function staffedVault(options: TestCoreOptions = {}): Promise<StaffedVault> {
  const t = testCore(undefined, undefined, options);
  await t.ok('vault.setup', { displayName: NAMES.coordinator, passphrase: PASSPHRASE, locale: 'fi' });
  const coordinatorId = (await t.ok('vault.status', {})).session!.userId;
  const ids: Record<string, string> = {};
  for (const role of ['teacher', 'psychologist', 'caseworker'] as const) {
    await switchUser(t, NAMES.coordinator, PASSPHRASE);
    ids[role] = await addColleague(t, NAMES[role], role);
  }
  return {
    t,
    coordinatorId,
    caseworkerId: ids.caseworker!,
    psychologistId: ids.psychologist!,
    teacherId: ids.teacher!,
    as: (who) => (who === 'coordinator' ? switchUser(t, NAMES[who], PASSPHRASE) : switchUser(t, NAMES[who])),
  };
}

/** A participant with every field filled in; markers in the text make leaks easy to spot. */
export const LEILA = {
  firstName: 'Leila',
  lastName: 'Haddad-Marker',
  preferredName: 'Lili',
  birthYear: 1991,
  gender: 'female',
  languages: ['ar', 'fi', 'Tigrinya'],
  interpreterNeeded: true,
  interpreterLanguage: 'ar',
  phone: '+358 40 123 4567',
  email: 'leila.h@example.org',
  safeContactMethod: 'text_message',
  safeContactNotes: 'Weekdays 9-12 only.\nNever call in the evening: SAFETY-MARKER.',
  nationalAssistanceStatus: 'in_system',
  referralSourceType: 'ngo',
  referralOrganisation: 'Support Centre Marker',
  referralContactPerson: 'Maria Contact-Marker',
  referralDate: '2026-10-01',
  workAbility: 'partial',
  educationIsced: 'isced_3_4',
  labourMarketStatusAtEntry: 'unemployed',
  thirdCountryNational: 'yes',
  foreignBackground: 'yes',
  disability: 'yes',
  housingExclusion: 'no',
} satisfies InputOf<'participants.create'>;

/**
 * As whoever is unlocked (a caseworker or coordinator), creates a participant and, unless `consent` is false,
 * records their consent to processing, which notes, psychosocial entries and assessments need. `fields` are the
 * participant's own (a name, a referral day, the responsible caseworker); the consent is given on the referral day
 * when there is one. Returns the participant id.
 */
export async function addConsentingParticipant(
  v: StaffedVault,
  consent = true,
  fields: Partial<InputOf<'participants.create'>> = {},
): Promise<string> {
  const { participant } = await v.t.ok('participants.create', { firstName: 'Amal', confirmDuplicate: true, ...fields });
  if (consent)
    await v.t.ok('consents.record', {
      participantId: participant.id,
      purpose: 'processing',
      givenOn: fields.referralDate ?? '2026-11-01',
      method: 'signed',
    });
  return participant.id;
}
