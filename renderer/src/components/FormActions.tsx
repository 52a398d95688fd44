import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { ErrorMessage, StatusMessage } from './ErrorMessage';

interface FormActionsProps {
  /** The submit button's label. */
  submitLabel: string;
  /** A send in progress: the submit button says so to assistive technology, and a second press does nothing. */
  busy: boolean;
  /** What the status line says while busy; the general "working on it" when left out. */
  working?: string;
  /** The main side's refusal of the last send, shown above the buttons (a form that explains it otherwise leaves it out). */
  failure?: Failure | null;
  /** A sentence that fits this form better than the general one, by error code (an i18n key). */
  instead?: Partial<Record<Failure['code'], string>>;
  /** Left out, the form has no Cancel button. */
  onCancel?: () => void;
  cancelLabel?: string;
  /** A red submit button, for a step that takes something away. */
  destructive?: boolean;
  /** No submit button while another choice stands in for it (e.g. a warning that offers its own). */
  withoutSubmit?: boolean;
  /** A class added to the row of buttons, e.g. `form-actions` for a long form's save bar that stays in view. */
  className?: string;
}

/**
 * The end of every form: the refusal to show, "working on it" while the send runs, then Submit and Cancel. The
 * submit button stays focusable while busy (aria-disabled, not disabled), so focus is not lost mid-send.
 */
export function FormActions({
  submitLabel,
  busy,
  working,
  failure = null,
  instead,
  onCancel,
  cancelLabel,
  destructive,
  withoutSubmit,
  className,
}: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorMessage failure={failure} instead={instead} />
      <StatusMessage>{busy ? (working ?? t('common.working')) : null}</StatusMessage>
      <div className={className ? `actions ${className}` : 'actions'}>
        {withoutSubmit ? null : (
          <button
            type="submit"
            className={destructive ? 'button button-danger' : 'button button-primary'}
            aria-disabled={busy || undefined}
          >
            {submitLabel}
          </button>
        )}
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {cancelLabel ?? t('common.cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
