import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { invalidateChannels } from '../../api/query';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { formatDay } from '../../i18n/format';
import { DueTable } from './DueTable';
import { EraseDueDialog } from './EraseDueDialog';
import { ERASE_CHANGES } from './mutations';
import { dueFilesQuery } from './queries';
import './retention.css';

/**
 * The coordinator's list of closed files past their retention period: choose files, then erase them after a
 * two-step confirmation. What was erased is announced in a status line; the list is then read again.
 */
export function RetentionScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery(dueFilesQuery());
  const list = query.data ?? null;
  const [picked, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [nothingChosen, setNothingChosen] = useState(false);
  const [erased, setErased] = useState<number | null>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);

  // Only files still due can be chosen: the list read again may have lost some.
  const chosen: ReadonlySet<string> = new Set(
    (list?.files ?? []).map((file) => file.participantId).filter((id) => picked.has(id)),
  );

  const choose = (ids: readonly string[], on: boolean) => {
    setNothingChosen(false);
    setErased(null);
    setChosen((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };

  const files = list?.files ?? [];
  const format = (day: string) => formatDay(day, 'long');
  return (
    <Screen name="retention" title={t('retention.due.title')}>
      <QueryState query={query} loading={t('retention.due.loading')}>
        {({ years }) =>
          years === 0 ? <p>{t('retention.due.off')}</p> : <p className="lead">{t('retention.due.intro', { count: years })}</p>
        }
      </QueryState>
      <StatusMessage tone="success">{erased !== null ? t('retention.due.done', { count: erased }) : null}</StatusMessage>
      {list && list.years > 0 && files.length === 0 ? <p>{t('retention.due.empty')}</p> : null}
      {files.length > 0 ? (
        <>
          <DueTable files={files} chosen={chosen} format={format} onChoose={choose} />
          <p className="retention-chosen" aria-live="polite">
            {t('retention.due.chosen', { count: chosen.size })}
          </p>
          {nothingChosen ? (
            <p role="alert" className="notice notice-error">
              {t('retention.due.nothingChosen')}
            </p>
          ) : null}
        </>
      ) : null}
      <div className="actions">
        {files.length > 0 ? (
          <button
            ref={eraseButton}
            type="button"
            className="button button-danger"
            onClick={() => (chosen.size === 0 ? setNothingChosen(true) : setConfirming(true))}
          >
            {t('retention.due.erase')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('retention.due.back')}
        </button>
      </div>
      {confirming ? (
        <EraseDueDialog
          participantIds={[...chosen]}
          onErased={(count) => {
            setConfirming(false);
            setChosen(new Set());
            setErased(count);
            void invalidateChannels(client, ...ERASE_CHANGES);
          }}
          onClose={() => {
            setConfirming(false);
            eraseButton.current?.focus();
          }}
        />
      ) : null}
    </Screen>
  );
}
