import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { ErrorMessage, StatusMessage } from './ErrorMessage';
import { useEscape } from './useEscape';

interface ConfirmBoxProps {
  question: string;
  explanation: string;
  confirmLabel: string;
  /** A red confirm button, for a step that takes something away. */
  destructive?: boolean;
  busy: boolean;
  failure: Failure | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second step of an action that cannot simply be undone: the question and what it means, then Yes or Cancel.
 * Focus moves to the question so that it is read out; Escape anywhere inside cancels.
 */
export function ConfirmBox({
  question,
  explanation,
  confirmLabel,
  destructive,
  busy,
  failure,
  onConfirm,
  onCancel,
}: ConfirmBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEscape(box, onCancel);

  useEffect(() => {
    questionRef.current?.focus();
  }, []);

  return (
    <div ref={box} className="confirm-box" role="group" aria-labelledby={`${id}-question`} aria-describedby={`${id}-explanation`}>
      <p id={`${id}-question`} ref={questionRef} className="confirm-question" tabIndex={-1}>
        {question}
      </p>
      <p id={`${id}-explanation`}>{explanation}</p>
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button
          type="button"
          className={destructive ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
          aria-disabled={busy || undefined}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
