import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { Failure } from '@shared/errors';
import { invoke, isVaultProblem } from '../../api/client';
import { validateInput } from '../../api/validate';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { RecoveryCodeField } from './RecoveryCodeField';
import { ThrottleNotice } from './ThrottleNotice';
import { useCountdown } from './useCountdown';

interface RecoveryUnlockScreenProps {
  onUnlocked: (session: SessionInfo) => void;
  onBack: () => void;
  onBroken: (problem: string) => void;
}

/** Opens Polku with the recovery code when the passphrase is forgotten; a new passphrase follows. */
export function RecoveryUnlockScreen({ onUnlocked, onBack, onBroken }: RecoveryUnlockScreenProps) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const countdown = useCountdown(0);
  useFocusFirstInvalid(form, attempt);
  const waiting = countdown.remainingMs > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waiting) return;
    setFailure(null);
    const validated = validateInput('vault.unlockWithRecoveryCode', { recoveryCode: code });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy(true);
    const result = await invoke('vault.unlockWithRecoveryCode', validated.data);
    setBusy(false);
    if (result.ok) return onUnlocked(result.value);
    if (isVaultProblem(result)) return onBroken(result.code);
    const waitMs = result.details?.retryAfterMs ?? 0;
    // A wait is explained by the countdown; a wrong passphrase or code is said in words as well.
    setFailure(result.code === 'throttled' && waitMs > 0 ? null : result);
    countdown.start(waitMs);
  }

  return (
    <Screen name="recovery-unlock" title={t('recoveryUnlock.title')}>
      <p className="lead">{t('recoveryUnlock.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <RecoveryCodeField
          label={t('recoveryUnlock.field')}
          value={code}
          onChange={edit('recoveryCode', setCode)}
          error={errors.recoveryCode}
        />
        <ErrorMessage failure={failure} />
        <ThrottleNotice countdown={countdown} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy || waiting || undefined}>
            {t('recoveryUnlock.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onBack}>
            {t('recoveryUnlock.back')}
          </button>
        </div>
      </form>
    </Screen>
  );
}
