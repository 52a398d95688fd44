import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReason } from '@shared/api';
import type { SessionInfo } from '@shared/vault';
import type { Failure } from '@shared/errors';
import { invoke, isVaultProblem } from '../../api/client';
import { validateInput } from '../../api/validate';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { PassphraseField } from '../../components/PassphraseField';
import { Screen } from '../../components/Screen';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { ThrottleNotice } from './ThrottleNotice';
import { useCountdown } from './useCountdown';

interface UnlockScreenProps {
  lockReason: LockReason | null;
  /** The name of whoever unlocked last, offered only when the coordinator has allowed it in Settings. */
  lastUserName: string | null;
  retryAfterMs: number;
  onUnlocked: (session: SessionInfo) => void;
  onForgot: () => void;
  onBroken: (problem: string) => void;
}

/**
 * The locked screen: one's name and passphrase open Polku; the recovery code is one step away. The name may be
 * left empty; a wrong name and a wrong passphrase get the same answer, so the screen never tells who has an account.
 * Where the coordinator allows it, the last user's name is filled in and the passphrase field has the focus.
 */
export function UnlockScreen({ lockReason, lastUserName, retryAfterMs, onUnlocked, onForgot, onBroken }: UnlockScreenProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(lastUserName ?? '');
  const [passphrase, setPassphrase] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const countdown = useCountdown(retryAfterMs);
  useFocusFirstInvalid(form, attempt);
  const waiting = countdown.remainingMs > 0;
  // After the screen has put the focus on its heading: with the name given, the passphrase is what is left to type.
  const offered = lastUserName !== null;
  useEffect(() => {
    if (offered) passphraseInput.current?.focus();
  }, [offered]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waiting) return;
    setFailure(null);
    const validated = validateInput('vault.unlock', { ...(name.trim() ? { name: name.trim() } : {}), passphrase });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('vault.unlock', validated.data);
    setBusy(false);
    if (result.ok) return onUnlocked(result.value);
    if (isVaultProblem(result)) return onBroken(result.code);
    setPassphrase('');
    const waitMs = result.details?.retryAfterMs ?? 0;
    // A wait is explained by the countdown; a wrong passphrase or code is said in words as well.
    setFailure(result.code === 'throttled' && waitMs > 0 ? null : result);
    countdown.start(waitMs);
  }

  return (
    <Screen name="unlock" title={t('unlock.title')}>
      {lockReason ? (
        <p role="status" className="notice notice-info">
          {t(`unlock.reasons.${lockReason}`)}
        </p>
      ) : null}
      <p className="lead">{t('unlock.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('unlock.name')}
          hint={lastUserName !== null && name === lastUserName ? t('lastUserName.unlockHint') : t('unlock.nameHint')}
          name="username"
          value={name}
          onChange={(event) => edit('name', setName)(event.target.value)}
          autoComplete="username"
          autoCapitalize="words"
          error={errors.name}
        />
        <PassphraseField
          ref={passphraseInput}
          label={t('unlock.passphrase')}
          value={passphrase}
          onChange={edit('passphrase', setPassphrase)}
          purpose="current-password"
          error={errors.passphrase}
        />
        {/* It does not say which of the two was wrong: the screen must not tell who has an account. */}
        <ErrorMessage failure={failure} instead={{ wrong_passphrase: 'unlock.wrongNameOrPassphrase' }} />
        <ThrottleNotice countdown={countdown} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || waiting || undefined}>
            {t('unlock.submit')}
          </button>
        </div>
      </form>
      <p className="secondary-action">
        <button type="button" className="button-link" onClick={onForgot}>
          {t('unlock.forgot')}
        </button>
      </p>
    </Screen>
  );
}
