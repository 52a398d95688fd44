import { describe, expect, it } from 'vitest';
import type { Participant } from '@shared/participants';
import { fieldErrorsFromIssues, validateInput } from '../../api/validate';
import {
  changedOnly,
  emptyForm,
  explainErrors,
  fieldValues,
  formOf,
  formProblems,
  isNoChange,
  type ParticipantForm,
} from './participantForm';

const NOW = new Date(2026, 10, 28);
const ID = '0123456789abcdef0123456789abcdef';

const LEILA: Participant = {
  id: ID,
  pseudonym: 'P-2026-001',
  firstName: 'Leila',
  lastName: 'Haddad',
  preferredName: 'Lili',
  birthYear: 1991,
  ageBand: null,
  gender: 'female',
  languages: ['ar', 'fi'],
  interpreterNeeded: true,
  interpreterLanguage: 'ar',
  phone: '+358 40 123 4567',
  email: 'leila.h@example.org',
  safeContactMethod: 'text_message',
  safeContactNotes: 'Weekdays 9-12 only.',
  nationalAssistanceStatus: 'in_system',
  referralSourceType: 'ngo',
  referralOrganisation: 'Support Centre',
  referralContactPerson: 'Maria',
  referralDate: '2026-10-01',
  workAbility: 'partial',
  educationIsced: 'isced_3_4',
  labourMarketStatusAtEntry: 'unemployed',
  thirdCountryNational: 'yes',
  foreignBackground: null,
  disability: 'unknown',
  housingExclusion: 'no',
  responsibleCaseworkerId: null,
  responsibleCaseworkerName: null,
  status: 'referred',
  discontinuedReason: null,
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
  createdBy: ID,
};

function form(changes: Partial<ParticipantForm>): ParticipantForm {
  return { ...emptyForm(), ...changes };
}

function update(changes: Partial<ParticipantForm>) {
  const validated = validateInput('participants.update', { id: ID, ...fieldValues({ ...formOf(LEILA), ...changes }) });
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  return changedOnly(LEILA, validated.data);
}

describe('the participant form as channel input', () => {
  it('creates a file from an empty form: the pseudonym alone is enough', () => {
    const validated = validateInput('participants.create', fieldValues(emptyForm()));
    expect(validated.ok).toBe(true);
  });

  it('sends the year of birth or the age group, whichever is chosen, never both', () => {
    const typed = { birthYear: '1991', ageBand: '25-34' };
    expect(fieldValues(form({ ...typed, ageKnown: 'year' }))).toMatchObject({ birthYear: 1991, ageBand: null });
    expect(fieldValues(form({ ...typed, ageKnown: 'band' }))).toMatchObject({ birthYear: null, ageBand: '25-34' });
    expect(fieldValues(form({ ...typed, ageKnown: 'unknown' }))).toMatchObject({ birthYear: null, ageBand: null });
  });

  it('sends an interpreter language only while an interpreter is needed', () => {
    expect(fieldValues(form({ interpreterNeeded: false, interpreterLanguage: 'ar' }))).toMatchObject({
      interpreterLanguage: null,
    });
    expect(fieldValues(form({ interpreterNeeded: true, interpreterLanguage: 'ar' }))).toMatchObject({
      interpreterLanguage: 'ar',
    });
  });

  it('keeps a language typed but not yet added, so it is not lost on saving', () => {
    expect(fieldValues(form({ languages: ['fi'], languageDraft: 'Tigrinya ' })).languages).toEqual(['fi', 'Tigrinya ']);
    expect(fieldValues(form({ languages: ['fi'], languageDraft: '  ' })).languages).toEqual(['fi']);
  });

  it('turns an unchosen list into null and passes a year with letters on for the schema to refuse', () => {
    expect(fieldValues(form({}))).toMatchObject({ gender: null, referralDate: null, responsibleCaseworkerId: null });
    const validated = validateInput('participants.create', fieldValues(form({ ageKnown: 'year', birthYear: '19x1' })));
    expect(validated.ok ? null : validated.errors.birthYear).toEqual({ key: 'validation.whole_number' });
  });
});

describe('editing a participant', () => {
  it('fills the form with the record, which sends nothing back when left as it was', () => {
    expect(formOf(LEILA)).toMatchObject({ ageKnown: 'year', birthYear: '1991', gender: 'female', languages: ['ar', 'fi'] });
    expect(isNoChange(update({}))).toBe(true);
  });

  it('sends only the fields that changed, trimmed, with a cleared field as null', () => {
    expect(update({ preferredName: '  Lulu ', phone: '', firstName: 'Leila ' })).toEqual({
      id: ID,
      preferredName: 'Lulu',
      phone: null,
    });
  });

  it('sends the year and the band together when switching from one to the other', () => {
    expect(update({ ageKnown: 'band', ageBand: '35-44' })).toEqual({ id: ID, birthYear: null, ageBand: '35-44' });
  });

  it('sends the languages when the list changes, in its new order', () => {
    expect(update({ languages: ['fi', 'ar'] })).toEqual({ id: ID, languages: ['fi', 'ar'] });
  });
});

describe('messages next to the fields', () => {
  it('say that a participant must be an adult when the year of birth is too recent, on this side and from the main side', () => {
    const tooRecent = { key: 'participant.errors.birthYearTooRecent', values: { max: 2011 } };
    expect(formProblems(form({ ageKnown: 'year', birthYear: '2012' }), NOW)).toEqual({ birthYear: tooRecent });
    expect(formProblems(form({ ageKnown: 'year', birthYear: '2011' }), NOW)).toEqual({});
    expect(formProblems(form({ ageKnown: 'band', birthYear: '2012' }), NOW)).toEqual({});
    const fromMain = fieldErrorsFromIssues([{ path: 'birthYear', i18nKey: 'validation.too_big' }]);
    expect(explainErrors(fromMain, NOW)).toEqual({ birthYear: tooRecent });
  });

  it('show how a phone number and an email address are written', () => {
    const validated = validateInput('participants.create', fieldValues(form({ phone: 'call me', email: 'leila@' })));
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(explainErrors(validated.errors, NOW)).toEqual({
      phone: { key: 'validation.phone' },
      email: { key: 'validation.email' },
    });
  });

  it('put a problem with one language on the language list', () => {
    const validated = validateInput('participants.create', fieldValues(form({ languages: ['fi', 'x'.repeat(41)] })));
    expect(validated.ok ? null : explainErrors(validated.errors, NOW)).toEqual({
      languages: { key: 'validation.too_long', values: { max: 40 } },
    });
  });

  it('ask for the reason when discontinuing without one', () => {
    const validated = validateInput('participants.setStatus', { id: ID, status: 'discontinued', reason: '  ' });
    expect(validated.ok ? null : explainErrors(validated.errors, NOW)).toEqual({
      reason: { key: 'validation.reason_required' },
    });
  });

  it('say a caseworker can no longer be chosen when the main side refuses them', () => {
    const fromMain = fieldErrorsFromIssues([{ path: 'responsibleCaseworkerId', i18nKey: 'validation.invalid_value' }]);
    expect(explainErrors(fromMain, NOW)).toEqual({
      responsibleCaseworkerId: { key: 'participant.errors.caseworkerUnavailable' },
    });
  });
});
