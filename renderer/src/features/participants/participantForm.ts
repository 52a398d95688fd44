/**
 * The participant form's state and its conversion to channel input: the form holds what is typed (strings),
 * the channels take codes, numbers and nulls. Shared by the create screen and the edit form.
 */
import type { InputOf } from '@shared/api';
import { birthYearMax, type Participant } from '@shared/participants';
import type { FieldErrors, FieldMessage } from '../../api/validate';

/** How the participant's age is recorded: a year of birth, an age band for those who do not give it, or not yet. */
export type AgeKnown = 'year' | 'band' | 'unknown';

export interface ParticipantForm {
  firstName: string;
  lastName: string;
  preferredName: string;
  ageKnown: AgeKnown;
  birthYear: string;
  ageBand: string;
  gender: string;
  languages: string[];
  /** A language typed but not yet added to the list; it is sent with the list. */
  languageDraft: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  phone: string;
  email: string;
  safeContactMethod: string;
  safeContactNotes: string;
  nationalAssistanceStatus: string;
  referralSourceType: string;
  referralOrganisation: string;
  referralContactPerson: string;
  referralDate: string;
  workAbility: string;
  educationIsced: string;
  labourMarketStatusAtEntry: string;
  thirdCountryNational: string;
  foreignBackground: string;
  disability: string;
  housingExclusion: string;
  responsibleCaseworkerId: string;
}

/** An empty form; a new participant's responsible caseworker starts as the person creating the file, if given. */
export function emptyForm(responsibleCaseworkerId = ''): ParticipantForm {
  return {
    firstName: '',
    lastName: '',
    preferredName: '',
    ageKnown: 'unknown',
    birthYear: '',
    ageBand: '',
    gender: '',
    languages: [],
    languageDraft: '',
    interpreterNeeded: false,
    interpreterLanguage: '',
    phone: '',
    email: '',
    safeContactMethod: '',
    safeContactNotes: '',
    nationalAssistanceStatus: '',
    referralSourceType: '',
    referralOrganisation: '',
    referralContactPerson: '',
    referralDate: '',
    workAbility: '',
    educationIsced: '',
    labourMarketStatusAtEntry: '',
    thirdCountryNational: '',
    foreignBackground: '',
    disability: '',
    housingExclusion: '',
    responsibleCaseworkerId,
  };
}

/** The form filled with a participant's record, for editing. */
export function formOf(participant: Participant): ParticipantForm {
  return {
    firstName: participant.firstName ?? '',
    lastName: participant.lastName ?? '',
    preferredName: participant.preferredName ?? '',
    ageKnown: participant.birthYear !== null ? 'year' : participant.ageBand !== null ? 'band' : 'unknown',
    birthYear: participant.birthYear?.toString() ?? '',
    ageBand: participant.ageBand ?? '',
    gender: participant.gender ?? '',
    languages: [...participant.languages],
    languageDraft: '',
    interpreterNeeded: participant.interpreterNeeded,
    interpreterLanguage: participant.interpreterLanguage ?? '',
    phone: participant.phone ?? '',
    email: participant.email ?? '',
    safeContactMethod: participant.safeContactMethod ?? '',
    safeContactNotes: participant.safeContactNotes ?? '',
    nationalAssistanceStatus: participant.nationalAssistanceStatus ?? '',
    referralSourceType: participant.referralSourceType ?? '',
    referralOrganisation: participant.referralOrganisation ?? '',
    referralContactPerson: participant.referralContactPerson ?? '',
    referralDate: participant.referralDate ?? '',
    workAbility: participant.workAbility ?? '',
    educationIsced: participant.educationIsced ?? '',
    labourMarketStatusAtEntry: participant.labourMarketStatusAtEntry ?? '',
    thirdCountryNational: participant.thirdCountryNational ?? '',
    foreignBackground: participant.foreignBackground ?? '',
    disability: participant.disability ?? '',
    housingExclusion: participant.housingExclusion ?? '',
    responsibleCaseworkerId: participant.responsibleCaseworkerId ?? '',
  };
}

const orNull = (value: string): string | null => (value === '' ? null : value);

/** A typed year as a number; anything but digits is passed on as typed, so the schema names the problem. */
function yearValue(typed: string): number | string | null {
  const year = typed.trim();
  if (year === '') return null;
  return /^\d+$/.test(year) ? Number(year) : year;
}

/**
 * The form as the fields of the channels' input, every field given (blank ones as null). Unchecked input:
 * the channel's schema checks it (validateInput). A year or a band is sent, never both, and an interpreter
 * language only when an interpreter is needed.
 */
export function fieldValues(form: ParticipantForm): Record<string, unknown> {
  return {
    firstName: form.firstName,
    lastName: form.lastName,
    preferredName: form.preferredName,
    birthYear: form.ageKnown === 'year' ? yearValue(form.birthYear) : null,
    ageBand: form.ageKnown === 'band' ? orNull(form.ageBand) : null,
    gender: orNull(form.gender),
    languages: form.languageDraft.trim() === '' ? form.languages : [...form.languages, form.languageDraft],
    interpreterNeeded: form.interpreterNeeded,
    interpreterLanguage: form.interpreterNeeded ? form.interpreterLanguage : null,
    phone: form.phone,
    email: form.email,
    safeContactMethod: orNull(form.safeContactMethod),
    safeContactNotes: form.safeContactNotes,
    nationalAssistanceStatus: orNull(form.nationalAssistanceStatus),
    referralSourceType: orNull(form.referralSourceType),
    referralOrganisation: form.referralOrganisation,
    referralContactPerson: form.referralContactPerson,
    referralDate: orNull(form.referralDate),
    workAbility: orNull(form.workAbility),
    educationIsced: orNull(form.educationIsced),
    labourMarketStatusAtEntry: orNull(form.labourMarketStatusAtEntry),
    thirdCountryNational: orNull(form.thirdCountryNational),
    foreignBackground: orNull(form.foreignBackground),
    disability: orNull(form.disability),
    housingExclusion: orNull(form.housingExclusion),
    responsibleCaseworkerId: orNull(form.responsibleCaseworkerId),
  };
}

type UpdateInput = InputOf<'participants.update'>;

/** Of a validated update, only the fields whose values differ from the record as it was opened (and the id). */
export function changedOnly(original: Participant, validated: UpdateInput): UpdateInput {
  const changed: Record<string, unknown> = { id: validated.id };
  for (const [key, value] of Object.entries(validated)) {
    if (key === 'id' || value === undefined) continue;
    const before: unknown = original[key as keyof Participant];
    if (JSON.stringify(before) !== JSON.stringify(value)) changed[key] = value;
  }
  // Built from a validated update's own keys and values, so it is one too.
  return changed as UpdateInput;
}

/** Whether an update changes nothing but names the participant. */
export function isNoChange(update: UpdateInput): boolean {
  return Object.keys(update).every((key) => key === 'id');
}

/**
 * Problems the form can check before sending that the channel's schema leaves to the main side (a year of
 * birth too recent for an adult), so the person hears of them next to the field at once.
 */
export function formProblems(form: ParticipantForm, now: Date): FieldErrors {
  const year = yearValue(form.birthYear);
  if (form.ageKnown === 'year' && typeof year === 'number' && year > birthYearMax(now) && year <= 9999)
    return { birthYear: { key: 'participant.errors.birthYearTooRecent', values: { max: birthYearMax(now) } } };
  return {};
}

/** A message that says more on this form than the general one for the same code. */
function specific(field: string, message: FieldMessage, now: Date): FieldMessage {
  if (field === 'birthYear' && message.key === 'validation.too_big')
    return { key: 'participant.errors.birthYearTooRecent', values: { max: birthYearMax(now) } };
  if (field === 'responsibleCaseworkerId' && message.key === 'validation.invalid_value')
    return { key: 'participant.errors.caseworkerUnavailable' };
  return message;
}

/**
 * Field messages (from the client's validation or the main side's issues) as this form shows them: a language
 * in the list counts as the list's problem, and some codes get a sentence of their own.
 */
export function explainErrors(errors: FieldErrors, now: Date): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (!message) continue;
    const field = path.startsWith('languages.') ? 'languages' : path;
    out[field] ??= specific(field, message, now);
  }
  return out;
}
