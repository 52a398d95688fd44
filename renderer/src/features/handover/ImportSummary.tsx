import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Failure } from '@shared/errors';
import { CONFLICT_CHOICES, type ConflictChoice } from '@shared/handover';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { useChannelAction } from '../../components/useChannelAction';
import { useCan } from '../../shell/session';
import { formatDate, formatNumber } from '../../i18n/format';
import { countLines } from '../../i18n/recordCounts';
import type { InspectedFile } from './ImportDialog';

interface ImportSummaryProps {
  inspected: InspectedFile;
  onImported: (participantId: string) => void;
  onClose: () => void;
  /** The checked file was forgotten (Polku locked meanwhile): back to choosing it. */
  onExpired: (failure: Failure) => void;
}

/** What the checked file holds, the choice when its code is taken here, and the import itself. */
export function ImportSummary({ inspected, onImported, onClose, onExpired }: ImportSummaryProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState<ConflictChoice | null>(null);
  const [choiceMissing, setChoiceMissing] = useState(false);
  const { busy, failure, run } = useChannelAction({ invalidates: ['participants', 'cohorts', 'attendance'] });
  const { summary, conflict } = inspected;
  const canReplace = useCan('participants.delete');
  const lines = countLines(t, (key) => i18n.exists(key), summary.counts);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (conflict && !choice) {
      setChoiceMissing(true);
      return firstChoice.current?.focus();
    }
    void run(
      'handover.import',
      { token: inspected.token, ...(conflict && choice ? { onConflict: choice } : {}) },
      (result) => onImported(result.participantId),
      (refusal) => {
        if (refusal.code !== 'handover_expired') return false;
        onExpired(refusal);
        return true;
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy}>
      <h3 ref={heading} tabIndex={-1}>
        {t('handover.import.summaryTitle', { pseudonym: summary.pseudonym })}
      </h3>
      <p>
        {t('handover.import.exported', {
          date: formatDate(new Date(summary.createdAt)),
          role: t(`roles.${summary.exporterRole}`),
        })}
      </p>
      <p id={`${id}-holds`}>{t('handover.import.holds')}</p>
      <ul className="handover-counts" aria-labelledby={`${id}-holds`}>
        {lines.map((line) => (
          <li key={line.key}>{line.text}</li>
        ))}
      </ul>
      {summary.newStaff > 0 ? (
        <p>{t('handover.import.newStaff', { count: summary.newStaff, formatted: formatNumber(summary.newStaff) })}</p>
      ) : null}
      {conflict ? (
        <fieldset className="field handover-conflict" aria-describedby={choiceMissing ? `${id}-missing` : `${id}-explain`}>
          <legend className="field-legend">{t('handover.import.conflict.legend', { pseudonym: conflict.pseudonym })}</legend>
          <p id={`${id}-explain`} className="field-hint">
            {t('handover.import.conflict.explain')}
          </p>
          {CONFLICT_CHOICES.map((value, index) => {
            const disabled = value === 'replace' && !canReplace;
            return (
              <div key={value} className="handover-choice">
                <label>
                  <input
                    ref={index === 0 ? firstChoice : undefined}
                    type="radio"
                    name={`${id}-choice`}
                    value={value}
                    checked={choice === value}
                    disabled={disabled}
                    aria-describedby={`${id}-${value}-hint`}
                    onChange={() => {
                      setChoice(value);
                      setChoiceMissing(false);
                    }}
                  />
                  {t(`handover.import.conflict.${value}`)}
                </label>
                <p id={`${id}-${value}-hint`} className="field-hint">
                  {t(disabled ? 'handover.import.conflict.replaceCoordinatorOnly' : `handover.import.conflict.${value}Hint`, {
                    pseudonym: conflict.pseudonym,
                  })}
                </p>
              </div>
            );
          })}
          {choiceMissing ? (
            <p id={`${id}-missing`} className="field-error">
              {t('handover.import.conflict.required')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <ErrorMessage failure={failure} />
      <StatusMessage>{busy ? t('handover.import.working') : null}</StatusMessage>
      <div className="actions">
        <button
          type="submit"
          className={choice === 'replace' ? 'button button-danger' : 'button button-primary'}
          aria-disabled={busy || undefined}
        >
          {t(choice === 'replace' ? 'handover.import.submitReplace' : 'handover.import.submit', { pseudonym: summary.pseudonym })}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
