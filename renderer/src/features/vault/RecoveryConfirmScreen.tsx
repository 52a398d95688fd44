import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { validateInput } from '../../api/validate';
import { ConfirmBox } from '../../components/ConfirmBox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { useConfirmWithPassphrase } from '../../components/useConfirmWithPassphrase';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useFocusFirstInvalid } from '../../components/useFocusFirstInvalid';
import { RecoveryCodeField } from './RecoveryCodeField';
import { useCan } from '../../shell/session';

interface RecoveryConfirmScreenProps {
  /** The code just shown, or null when an earlier, unconfirmed code is being asked for. */
  code: string | null;
  onConfirmed: (session: SessionInfo) => void;
  /** Shows a code again: the same one, or a newly made one. */
  onShowAgain: (code: string) => void;
}

/** The user types the recovery code back, proving it was written down correctly. */
export function RecoveryConfirmScreen({ code, onConfirmed, onShowAgain }: RecoveryConfirmScreenProps) {
  const isAdmin = useCan('vault.admin');
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [typed, setTyped] = useState('');
  const { errors, setErrors, edit } = useFieldErrors();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState<'confirm' | null>(null);
  useFocusFirstInvalid(form, attempt);
  const pending = code === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const validated = validateInput('vault.confirmRecoveryCode', { recoveryCode: typed });
    setErrors(validated.ok ? {} : validated.errors);
    if (!validated.ok) return setAttempt((n) => n + 1);
    setBusy('confirm');
    const result = await invoke('vault.confirmRecoveryCode', validated.data);
    setBusy(null);
    if (result.ok) return onConfirmed(result.value);
    setFailure(result);
  }

  const renewal = useConfirmWithPassphrase();
  const [askingNew, setAskingNew] = useState(false);
  const makeNewCode = () => renewal.confirm('vault.newRecoveryCode', {}, (value) => onShowAgain(value.recoveryCode));

  return (
    <Screen name="recovery-confirm" title={t('recoveryConfirm.title')}>
      <p className="lead">{t(pending ? 'recoveryConfirm.pendingIntro' : 'recoveryConfirm.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy !== null}>
        <RecoveryCodeField
          label={t('recoveryConfirm.field')}
          value={typed}
          onChange={edit('recoveryCode', setTyped)}
          error={errors.recoveryCode}
        />
        <ErrorMessage failure={failure} />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={busy !== null || undefined}>
            {t('recoveryConfirm.submit')}
          </button>
          {code !== null ? (
            <button type="button" className="button button-secondary" onClick={() => onShowAgain(code)}>
              {t('recoveryConfirm.showAgain')}
            </button>
          ) : isAdmin ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setAskingNew(true)}
              aria-expanded={askingNew}
            >
              {t('recoveryConfirm.makeNew')}
            </button>
          ) : null}
        </div>
      </form>
      {askingNew ? (
        <ConfirmBox
          question={t('settings.recovery.question')}
          explanation={t('settings.recovery.warning')}
          confirmLabel={t('settings.recovery.confirm')}
          passphrase={renewal.passphrase}
          busy={renewal.busy}
          failure={renewal.failure}
          onConfirm={() => void makeNewCode()}
          onCancel={() => setAskingNew(false)}
        />
      ) : null}
    </Screen>
  );
}
