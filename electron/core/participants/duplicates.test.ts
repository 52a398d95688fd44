import { afterEach, describe, expect, it } from 'vitest';
import { foldText, phoneTail } from './keys';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
async function withLeila(): Promise<StaffedVault> {
  const v = await staffedVault();
  vaults.push(v);
  await v.t.ok('participants.create', LEILA);
  return v;
}
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

describe('comparison keys', () => {
  it('ignore case, accents and spacing in names', () => {
    expect(foldText('  TYÖ   Ääkkönen ')).toBe('tyo aakkonen');
    expect(foldText('Zoë Åström')).toBe(foldText('zoe astrom'));
  });

  it('compare phone numbers by their last nine digits, whatever the separators or country code, and skip stubs', () => {
    expect(phoneTail('+358 40 123 4567')).toBe(phoneTail('040-123 4567'));
    expect(phoneTail('12-34')).toBe(null);
    expect(phoneTail(null)).toBe(null);
  });
});

describe('the duplicate warning on create', () => {
  it('names the pseudonyms of a participant with the same names and year of birth, and writes nothing', async () => {
    const { t } = await withLeila();
    const result = await t.call('participants.create', { firstName: ' leila ', lastName: 'HADDAD-marker', birthYear: 1991 });
    expect(result).toEqual({
      ok: false,
      code: 'possible_duplicate',
      i18nKey: 'errors.possible_duplicate',
      details: { matches: ['P-2026-001'] },
    });
    expect((await t.ok('participants.list', {})).total).toBe(1);
    // The refused create consumed no pseudonym number.
    expect((await t.ok('participants.create', { firstName: 'Amal' })).participant.pseudonym).toBe('P-2026-002');
  });

  it('does not fire for the same names with another or an unknown year of birth', async () => {
    const { t } = await withLeila();
    await t.ok('participants.create', { firstName: 'Leila', lastName: LEILA.lastName, birthYear: 1992 });
    await t.ok('participants.create', { firstName: 'Leila', lastName: LEILA.lastName });
    await t.ok('participants.create', { firstName: 'Leila', birthYear: 1991 });
  });

  it('fires for the same phone number written another way', async () => {
    const { t } = await withLeila();
    expect(await t.call('participants.create', { firstName: 'Someone', phone: '040 1234 567' })).toMatchObject({
      code: 'possible_duplicate',
      details: { matches: ['P-2026-001'] },
    });
  });

  it('lets the user create the participant anyway once they confirm, and records that they did', async () => {
    const v = await withLeila();
    const { participant } = await v.t.ok('participants.create', {
      firstName: 'Leila',
      lastName: LEILA.lastName,
      birthYear: 1991,
      phone: LEILA.phone,
      confirmDuplicate: true,
    });
    expect(participant.pseudonym).toBe('P-2026-002');
    expect(await v.t.call('participants.create', { phone: LEILA.phone })).toMatchObject({
      details: { matches: ['P-2026-001', 'P-2026-002'] },
    });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { action: 'participants.create' });
    expect(entries.map((e) => e.detail)).toEqual(['duplicate_confirmed', null]);
  });
});
