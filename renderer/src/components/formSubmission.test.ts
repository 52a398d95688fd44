import { describe, expect, it } from 'vitest';
import { failure } from '@shared/errors';
import type { FieldErrors } from '../api/validate';
import { wrongPassphraseAtField } from './CurrentPassphraseField';
import { checkInput, refusalView } from './formSubmission';

const RECORD_ID = 'ab'.repeat(16);
const future = { key: 'consents.problems.future' };

describe('checking a form before it is sent', () => {
  it('passes on the schema’s output when neither the schema nor the form’s own rules object', () => {
    expect(checkInput('users.create', { displayName: '  Aino  ', role: 'caseworker', currentPassphrase: ' oma lause ' })).toEqual(
      {
        ok: true,
        data: { displayName: 'Aino', role: 'caseworker', currentPassphrase: ' oma lause ' },
      },
    );
  });

  it('keeps a form’s own rule from being sent even when the schema accepts the input', () => {
    const checked = checkInput('consents.withdraw', { id: RECORD_ID, withdrawnOn: '2999-01-01' }, { withdrawnOn: future });
    expect(checked).toEqual({ ok: false, errors: { withdrawnOn: future } });
  });

  it('shows the schema’s message where both speak about the same field, and the own rules’ elsewhere', () => {
    const ownRules: FieldErrors = { withdrawnOn: future, current: { key: 'validation.required' } };
    const checked = checkInput('consents.withdraw', { id: RECORD_ID, withdrawnOn: 'not a day' }, ownRules);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.withdrawnOn).not.toEqual(future);
    expect(checked.errors.withdrawnOn?.key).toMatch(/^validation\./);
    expect(checked.errors.current).toEqual({ key: 'validation.required' });
  });

  it('treats an own rule left undefined as no problem', () => {
    expect(
      checkInput(
        'users.create',
        { displayName: 'Aino', role: 'caseworker', currentPassphrase: 'oma lause' },
        { displayName: undefined },
      ).ok,
    ).toBe(true);
  });
});

describe('what a form shows when the main side refuses', () => {
  const nameTaken = (refusal: ReturnType<typeof failure>): FieldErrors | null =>
    refusal.code === 'name_taken' ? { displayName: { key: refusal.i18nKey } } : null;

  it('puts the main side’s field messages next to their fields, under the general message', () => {
    const refusal = failure('invalid_input', {
      issues: [{ path: 'note', i18nKey: 'validation.too_long', values: { max: 500 } }],
    });
    expect(refusalView(refusal)).toEqual({
      errors: { note: { key: 'validation.too_long', values: { max: 500 } } },
      showFailure: true,
    });
  });

  it('says a refusal the form explains at a field only there', () => {
    expect(refusalView(failure('name_taken'), nameTaken)).toEqual({
      errors: { displayName: { key: 'errors.name_taken' } },
      showFailure: false,
    });
  });

  it('shows any other refusal as the general message alone', () => {
    expect(refusalView(failure('forbidden'), nameTaken)).toEqual({ errors: null, showFailure: true });
    expect(refusalView(failure('name_taken'))).toEqual({ errors: null, showFailure: true });
  });

  it('shows a wrong own passphrase, asked again, at its field only; waiting after too many stays general', () => {
    expect(refusalView(failure('wrong_passphrase', { retryAfterMs: 0 }), wrongPassphraseAtField)).toEqual({
      errors: { currentPassphrase: { key: 'errors.wrong_passphrase' } },
      showFailure: false,
    });
    expect(refusalView(failure('throttled', { retryAfterMs: 5000 }), wrongPassphraseAtField)).toEqual({
      errors: null,
      showFailure: true,
    });
  });
});
