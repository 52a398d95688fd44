import { describe, expect, it } from 'vitest';
import { AUTO_LOCK_MINUTES } from '@shared/settings';
import { PASSPHRASE_MIN_LENGTH } from '@shared/vault';
import { fieldErrorsFromIssues, isEmpty, validateInput } from './validate';

describe('form validation with the channels’ own schemas', () => {
  it('accepts a complete first-run form and passes on the trimmed name', () => {
    const result = validateInput('vault.setup', { displayName: '  Maria  ', passphrase: 'kimalainen lyhty purje', locale: 'fi' });
    expect(result).toEqual({ ok: true, data: { displayName: 'Maria', passphrase: 'kimalainen lyhty purje', locale: 'fi' } });
  });

  it('asks for a missing name and tells the minimum passphrase length, one message per field', () => {
    const result = validateInput('vault.setup', { displayName: '   ', passphrase: 'short', locale: 'fi' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.displayName).toEqual({ key: 'validation.required' });
    expect(result.errors.passphrase).toEqual({ key: 'validation.too_short', values: { min: PASSPHRASE_MIN_LENGTH } });
  });

  it('refuses line breaks in a name with a message of their own', () => {
    const result = validateInput('vault.setup', {
      displayName: 'Maria\nVirtanen',
      passphrase: 'kimalainen lyhty purje',
      locale: 'fi',
    });
    expect(result.ok ? null : result.errors.displayName).toEqual({ key: 'validation.control_characters' });
  });

  it('explains the shape of the recovery code when too little of it was typed', () => {
    const result = validateInput('vault.unlockWithRecoveryCode', { recoveryCode: 'ABCDE-FGHIJ' });
    expect(result.ok ? null : result.errors.recoveryCode).toEqual({ key: 'validation.recovery_code_length' });
  });

  it('keeps the auto-lock time within its bounds and whole, and asks for it when the field is empty', () => {
    const over = validateInput('settings.update', { autoLockMinutes: AUTO_LOCK_MINUTES.max + 1 });
    expect(over.ok ? null : over.errors.autoLockMinutes).toEqual({
      key: 'validation.too_big_number',
      values: { max: AUTO_LOCK_MINUTES.max },
    });
    const under = validateInput('settings.update', { autoLockMinutes: 0 });
    expect(under.ok ? null : under.errors.autoLockMinutes).toEqual({
      key: 'validation.too_small_number',
      values: { min: AUTO_LOCK_MINUTES.min },
    });
    const fraction = validateInput('settings.update', { autoLockMinutes: 2.5 });
    expect(fraction.ok ? null : fraction.errors.autoLockMinutes).toEqual({ key: 'validation.whole_number' });
    const blank = validateInput('settings.update', { autoLockMinutes: Number.NaN });
    expect(blank.ok ? null : blank.errors.autoLockMinutes).toEqual({ key: 'validation.required' });
  });

  it('asks for the passphrase on the unlock screen when the field is empty', () => {
    const result = validateInput('vault.unlock', { passphrase: '' });
    expect(result.ok ? null : result.errors.passphrase).toEqual({ key: 'validation.required' });
  });

  it('shows the main side’s field problems next to the fields they name', () => {
    const errors = fieldErrorsFromIssues([
      { path: 'next', i18nKey: 'validation.too_small' },
      { path: 'next', i18nKey: 'validation.too_big' },
    ]);
    expect(errors).toEqual({ next: { key: 'validation.too_small' } });
    expect(isEmpty(fieldErrorsFromIssues(undefined))).toBe(true);
  });
});
