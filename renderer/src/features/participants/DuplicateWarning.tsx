import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

interface DuplicateWarningProps {
  /** Pseudonym codes of files that may be the same person. */
  matches: readonly string[];
  busy: boolean;
  onOpen: (participantId: string) => void;
  onCreateAnyway: () => void;
}

/**
 * The main side found files that may be the same person (same names and year of birth, or the same phone).
 * Each can be opened to check; or the person confirms that this is someone else and the file is created.
 */
export function DuplicateWarning({ matches, busy, onOpen, onCreateAnyway }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, [matches]);

  async function open(pseudonym: string) {
    setFailure(null);
    setMissing(false);
    const result = await invoke('participants.list', { search: pseudonym, limit: 5 });
    if (!result.ok) return setFailure(result);
    const row = result.value.rows.find((r) => r.pseudonym === pseudonym);
    if (row) return onOpen(row.id);
    setMissing(true);
  }

  return (
    <section className="duplicate-warning notice notice-warning" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('participant.duplicate.title')}
      </h2>
      <p>{t('participant.duplicate.explanation')}</p>
      <ul className="duplicate-matches">
        {matches.map((pseudonym) => (
          <li key={pseudonym}>
            <button type="button" className="button button-secondary" onClick={() => void open(pseudonym)}>
              {t('participant.duplicate.open', { pseudonym })}
            </button>
          </li>
        ))}
      </ul>
      <p className="field-hint">{t('participant.duplicate.leaveNote')}</p>
      {missing ? (
        <p role="alert" className="notice notice-error">
          {t('participant.duplicate.gone')}
        </p>
      ) : null}
      <ErrorMessage failure={failure} />
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onCreateAnyway} aria-disabled={busy || undefined}>
          {t('participant.duplicate.createAnyway')}
        </button>
      </div>
    </section>
  );
}
