import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '@shared/api';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

let v: StaffedVault;
let leilaId: string;
beforeAll(async () => {
  v = await staffedVault();
  leilaId = (await v.t.ok('participants.create', LEILA)).participant.id;
});
afterAll(() => v.t.cleanup());

const MARKER = 'INPUT-MARKER';
const tooLong = (n: number) => `${MARKER}${'x'.repeat(n)}`;

/** [field, bad value, the path the refusal must name]. */
const BAD_FIELDS: [string, unknown, string][] = [
  ['firstName', tooLong(80), 'firstName'],
  ['firstName', `${MARKER}\nsecond line`, 'firstName'],
  ['firstName', 42, 'firstName'],
  ['lastName', `${MARKER}\u0007`, 'lastName'],
  ['preferredName', tooLong(80), 'preferredName'],
  ['birthYear', 1899, 'birthYear'],
  ['birthYear', 1990.5, 'birthYear'],
  ['birthYear', '1990', 'birthYear'],
  ['birthYear', 2012, 'birthYear'],
  ['ageBand', '17-24', 'ageBand'],
  ['gender', 'unknown', 'gender'],
  ['languages', Array.from({ length: 11 }, (_, i) => `l${i}`), 'languages'],
  ['languages', ['fi', ''], 'languages.1'],
  ['languages', [tooLong(40)], 'languages.0'],
  ['languages', 'fi', 'languages'],
  ['interpreterNeeded', 'yes', 'interpreterNeeded'],
  ['phone', `call ${MARKER}`, 'phone'],
  ['phone', '12', 'phone'],
  ['email', MARKER, 'email'],
  ['email', `${MARKER}@example org`, 'email'],
  ['safeContactMethod', 'pigeon', 'safeContactMethod'],
  ['safeContactNotes', tooLong(2000), 'safeContactNotes'],
  ['safeContactNotes', `${MARKER}\ttab`, 'safeContactNotes'],
  ['nationalAssistanceStatus', 'maybe', 'nationalAssistanceStatus'],
  ['referralSourceType', 'police', 'referralSourceType'],
  ['referralOrganisation', tooLong(120), 'referralOrganisation'],
  ['referralContactPerson', `${MARKER}\u0000`, 'referralContactPerson'],
  ['referralDate', '2026-02-30', 'referralDate'],
  ['referralDate', '01.10.2026', 'referralDate'],
  ['workAbility', 'none', 'workAbility'],
  ['educationIsced', 'isced_9', 'educationIsced'],
  ['labourMarketStatusAtEntry', 'retired', 'labourMarketStatusAtEntry'],
  ['responsibleCaseworkerId', MARKER, 'responsibleCaseworkerId'],
  ['responsibleCaseworkerId', '0123456789abcdef0123456789abcdef', 'responsibleCaseworkerId'],
  ['nickname', MARKER, ''],
];

async function refusedPaths(channel: Channel, input: unknown): Promise<string[]> {
  const result = await v.t.core.dispatch(channel, input, { trustedSender: true });
  expect(result.ok, JSON.stringify(input)).toBe(false);
  if (result.ok) return [];
  expect(result.code).toBe('invalid_input');
  expect(JSON.stringify(result)).not.toContain(MARKER);
  return result.details?.issues?.map((issue) => issue.path) ?? [];
}

async function nothingWritten(): Promise<void> {
  expect((await v.t.ok('participants.list', {})).total).toBe(1);
  expect(await v.t.ok('participants.get', { id: leilaId })).toMatchObject({ participant: { ...LEILA, status: 'referred' } });
}

describe('bad input on a participant', () => {
  for (const [field, value, path] of BAD_FIELDS) {
    it(`is refused on create and on update, naming "${path}": ${field} = ${JSON.stringify(value).slice(0, 40)}`, async () => {
      expect(await refusedPaths('participants.create', { [field]: value })).toContain(path);
      expect(await refusedPaths('participants.update', { id: leilaId, [field]: value })).toContain(path);
      await nothingWritten();
    });
  }

  it('refuses a year of birth together with an age band, also when the other one is already stored', async () => {
    expect(await refusedPaths('participants.create', { birthYear: 1990, ageBand: '25-34' })).toEqual(['ageBand']);
    expect(await refusedPaths('participants.update', { id: leilaId, ageBand: '25-34' })).toEqual(['ageBand']);
    const switched = await v.t.ok('participants.update', { id: leilaId, birthYear: null, ageBand: '35-44' });
    expect(switched.changed).toEqual(['birthYear', 'ageBand']);
    await v.t.ok('participants.update', { id: leilaId, birthYear: LEILA.birthYear, ageBand: null });
  });

  it('refuses an interpreter language when no interpreter is needed', async () => {
    expect(await refusedPaths('participants.create', { interpreterLanguage: 'ar' })).toEqual(['interpreterLanguage']);
    expect(await refusedPaths('participants.update', { id: leilaId, interpreterNeeded: false })).toEqual(['interpreterLanguage']);
    await nothingWritten();
  });

  it('accepts the youngest adult year of birth and line breaks in the safe-contact notes', async () => {
    const { participant } = await v.t.ok('participants.create', {
      birthYear: 2011,
      safeContactNotes: ' Mornings only.\nAsk for "Lili". ',
    });
    expect(participant).toMatchObject({ birthYear: 2011, safeContactNotes: 'Mornings only.\nAsk for "Lili".' });
    await v.t.ok('participants.setStatus', { id: participant.id, status: 'closed' });
  });

  it('refuses a new file that starts anywhere but referred or active, and a bad id', async () => {
    expect(await refusedPaths('participants.create', { status: 'completed' })).toEqual(['status']);
    expect(await refusedPaths('participants.get', { id: 'P-2026-001' })).toEqual(['id']);
    expect(await refusedPaths('participants.update', { firstName: 'X' })).toEqual(['id']);
    expect(await refusedPaths('participants.list', { limit: 501 })).toEqual(['limit']);
    expect(await refusedPaths('participants.list', { sort: 'phone' })).toEqual(['sort']);
    expect(await refusedPaths('participants.list', { status: ['open'] })).toEqual(['status.0']);
  });
});

describe('the sentences a refusal names', () => {
  const refusal = async (input: Record<string, unknown>) => {
    const result = await v.t.call('participants.create', input as never);
    if (result.ok) throw new Error('the input was accepted');
    return result.details?.issues;
  };

  it('say what is wrong with each field, with its limits and never the value', async () => {
    expect(await refusal({ firstName: 'x'.repeat(81) })).toEqual([
      { path: 'firstName', i18nKey: 'validation.too_long', values: { max: 80 } },
    ]);
    expect(await refusal({ phone: 'call me' })).toEqual([{ path: 'phone', i18nKey: 'validation.phone' }]);
    expect(await refusal({ email: 'nobody' })).toEqual([{ path: 'email', i18nKey: 'validation.email' }]);
    expect(await refusal({ referralDate: '1.10.2026' })).toEqual([{ path: 'referralDate', i18nKey: 'validation.date' }]);
    expect(await refusal({ birthYear: '1990' })).toEqual([{ path: 'birthYear', i18nKey: 'validation.whole_number' }]);
    expect(await refusal({ firstName: 'Two\nlines' })).toEqual([{ path: 'firstName', i18nKey: 'validation.control_characters' }]);
    expect(await refusal({ birthYear: 1990, ageBand: '25-34' })).toEqual([
      { path: 'ageBand', i18nKey: 'validation.birth_year_or_age_band' },
    ]);
    expect(await refusal({ interpreterLanguage: 'ar' })).toEqual([
      { path: 'interpreterLanguage', i18nKey: 'validation.interpreter_not_needed' },
    ]);
  });
});
