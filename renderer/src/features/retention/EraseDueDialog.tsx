import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { fieldErrorsFromIssues, type FieldErrors } from '../../api/validate';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useModalDialog } from '../../components/useModalDialog';
import { Field } from '../../components/Field';

interface EraseDueDialogProps {
  participantIds: readonly string[];
  onErased: (count: number) => void;
  onClose: () => void;
}

/**
 * Erasing the chosen due files, in two steps inside a modal dialog: what erasing means, then the number of files
 * typed back. Escape or Cancel closes it at either step without erasing anything.
 */
export function EraseDueDialog({ participantIds, onErased, onClose }: EraseDueDialogProps) {
  const { t } = useTranslation();
  const { dialogProps, headingProps } = useModalDialog(onClose);
  const countInput = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<'explain' | 'confirm'>('explain');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const count = participantIds.length;

  useEffect(() => {
    if (step === 'confirm') countInput.current?.focus();
  }, [step]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (typed.trim() !== String(count)) {
      setErrors({ confirmCount: { key: 'retention.confirm.mismatch' } });
      return countInput.current?.focus();
    }
    setBusy(true);
    const result = await invoke('retention.erase', { participantIds: [...participantIds], confirmCount: count });
    setBusy(false);
    if (result.ok) return onErased(result.value.erased);
    if (result.code === 'invalid_input') {
      setErrors(fieldErrorsFromIssues(result.details?.issues));
      return countInput.current?.focus();
    }
    setFailure(result);
  }

  return (
    <dialog {...dialogProps} className="retention-dialog">
      <h2 {...headingProps}>{t('retention.confirm.title', { count })}</h2>
      <ErrorMessage failure={failure} />
      {step === 'explain' ? (
        <>
          <p>{t('retention.confirm.intro')}</p>
          <p>{t('retention.confirm.auditNote')}</p>
          <p className="notice notice-warning">{t('retention.confirm.final')}</p>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => setStep('confirm')}>
              {t('retention.confirm.continue')}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={confirm} noValidate aria-busy={busy}>
          <Field
            ref={countInput}
            label={t('retention.confirm.typeCount', { count })}
            hint={t('retention.confirm.typeCountHint')}
            inputMode="numeric"
            className="input-short"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              setErrors({});
            }}
            error={errors.confirmCount}
          />
          <StatusMessage>{busy ? t('retention.confirm.working') : null}</StatusMessage>
          <div className="actions">
            <button type="submit" className="button button-danger" aria-disabled={busy || undefined}>
              {t('retention.confirm.confirm', { count })}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
