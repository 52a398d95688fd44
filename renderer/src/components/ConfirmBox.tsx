import { useEffect, useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import type { FieldMessage } from '../api/validate';
import { CurrentPassphraseField } from './CurrentPassphraseField';
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
  /** The caller's own passphrase, asked again for a step that gives lasting access; Enter in it confirms. */
  passphrase?: { value: string; onChange: (value: string) => void; error?: FieldMessage | undefined };
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
  passphrase,
}: ConfirmBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEscape(box, onCancel);

  useEffect(() => {
    questionRef.current?.focus();
  }, []);

  const Container = passphrase ? 'form' : 'div';
  return (
    <Container
      ref={box as never}
      className="confirm-box"
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-explanation`}
      {...(passphrase
        ? {
            noValidate: true,
            onSubmit: (event: FormEvent) => {
              event.preventDefault();
              onConfirm();
            },
          }
        : {})}
    >
      <p id={`${id}-question`} ref={questionRef} className="confirm-question" tabIndex={-1}>
        {question}
      </p>
      <p id={`${id}-explanation`}>{explanation}</p>
      {passphrase ? <CurrentPassphraseField {...passphrase} /> : null}
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <div className="actions">
        <button
          type={passphrase ? 'submit' : 'button'}
          className={destructive ? 'button button-danger' : 'button button-primary'}
          onClick={passphrase ? undefined : onConfirm}
          aria-disabled={busy || undefined}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Container>
  );
}
