import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/api';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { invalidateChannels } from '../../api/query';
import { fieldErrorsFromIssues, validateInput, type FieldErrors } from '../../api/validate';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormActions } from '../../components/FormActions';
import { QueryState } from '../../components/QueryState';
import { useModalDialog } from '../../components/useModalDialog';
import { Field } from '../../components/Field';
import { countLines } from '../../i18n/recordCounts';
import { DELETION_CHANGES } from './mutations';
import { deletionPreviewQuery } from './queries';

type Preview = OutputOf<'participants.deletionPreview'>;

interface DeleteParticipantDialogProps {
  participantId: string;
  onDeleted: () => void;
  onClose: () => void;
}

/**
 * Deleting a participant's whole file, in two steps inside a modal dialog: first what would be removed, then the
 * pseudonym code typed back. Escape or Cancel closes it at either step without removing anything.
 */
export function DeleteParticipantDialog({ participantId, onDeleted, onClose }: DeleteParticipantDialogProps) {
  const { t, i18n } = useTranslation();
  const { dialogProps, headingProps } = useModalDialog(onClose);
  const client = useQueryClient();
  const codeInput = useRef<HTMLInputElement>(null);
  const previewQuery = useQuery(deletionPreviewQuery(participantId));
  const preview: Preview | null = previewQuery.data ?? null;
  const [step, setStep] = useState<'preview' | 'confirm'>('preview');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const lines = countLines(t, (key) => i18n.exists(key), preview?.counts ?? {});

  useEffect(() => {
    if (step === 'confirm') codeInput.current?.focus();
  }, [step]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (busy || !preview) return;
    setFailure(null);
    const validated = validateInput('participants.delete', { id: participantId, confirmPseudonym: typed });
    const mismatch = typed.trim().toUpperCase() !== preview.pseudonym.toUpperCase();
    if (!validated.ok || mismatch) {
      setErrors(validated.ok ? { confirmPseudonym: { key: 'validation.confirmation_mismatch' } } : validated.errors);
      return codeInput.current?.focus();
    }
    setBusy(true);
    const result = await invoke('participants.delete', validated.data);
    setBusy(false);
    if (result.ok) {
      void invalidateChannels(client, ...DELETION_CHANGES);
      return onDeleted();
    }
    if (result.code === 'invalid_input') {
      setErrors(fieldErrorsFromIssues(result.details?.issues));
      return codeInput.current?.focus();
    }
    setFailure(result);
  }

  return (
    <dialog {...dialogProps} className="delete-dialog">
      <h2 {...headingProps}>
        {preview ? t('case.delete.title', { pseudonym: preview.pseudonym }) : t('case.delete.titleLoading')}
      </h2>
      <ErrorMessage failure={failure} />
      <QueryState query={previewQuery} loading={t('case.delete.loading')}>
        {(shown) =>
          step === 'preview' ? (
            <>
              <p>{t('case.delete.intro')}</p>
              <ul className="delete-counts">
                {lines.map((line) => (
                  <li key={line.key}>{line.text}</li>
                ))}
              </ul>
              <p>{t('case.delete.auditNote')}</p>
              <p className="notice notice-warning">{t('case.delete.final')}</p>
              <div className="actions">
                <button type="button" className="button button-danger" onClick={() => setStep('confirm')}>
                  {t('case.delete.continue')}
                </button>
                <button type="button" className="button button-secondary" onClick={onClose}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          ) : (
            <form onSubmit={confirm} noValidate aria-busy={busy}>
              <Field
                ref={codeInput}
                label={t('case.delete.typeCode', { pseudonym: shown.pseudonym })}
                hint={t('case.delete.typeCodeHint')}
                className="input-code"
                value={typed}
                onChange={(event) => {
                  setTyped(event.target.value);
                  setErrors({});
                }}
                error={errors.confirmPseudonym}
              />
              <FormActions
                submitLabel={t('case.delete.confirm', { pseudonym: shown.pseudonym })}
                busy={busy}
                working={t('case.delete.working')}
                onCancel={onClose}
                destructive
              />
            </form>
          )
        }
      </QueryState>
    </dialog>
  );
}
