import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import type { SafetyFlag } from '@shared/flags';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { usePendingFocus } from '../../components/usePendingFocus';
import { formatMoment } from '../../i18n/format';
import { useCan } from '../../shell/session';
import { AddFlagForm } from './AddFlagForm';
import { ClearFlagConfirm } from './ClearFlagConfirm';
import { flagsQuery } from './queries';
import './flags.css';

interface FlagsTabProps {
  participantId: string;
}

/**
 * The participant's safety flags: those in force with their notes, adding one, clearing one, and the history. A
 * change refreshes this list and the banner above the file (mutations.ts).
 */
export function FlagsTab({ participantId }: FlagsTabProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const query = useQuery(flagsQuery(participantId, true));
  const flags = query.data ?? null;
  const [adding, setAdding] = useState(false);
  const [clearing, setClearing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = useCan('participants.write');
  const someone = t('flags.someone');

  function added(flag: SafetyFlag) {
    setAdding(false);
    setNotice(t('flags.add.done', { kind: t(`flags.kinds.${flag.kind}`) }));
    focusLater('add');
  }

  function cleared(flag: SafetyFlag) {
    setClearing(null);
    setNotice(t('flags.clear.done', { kind: t(`flags.kinds.${flag.kind}`) }));
    focusLater('active');
  }

  const active = flags?.filter((f) => f.clearedAt === null) ?? [];
  const history = flags?.filter((f) => f.clearedAt !== null) ?? [];

  return (
    <div ref={root} className="flags-tab">
      <h2>{t('flags.title')}</h2>
      <p>{t('flags.intro')}</p>
      <StatusMessage tone="success">{notice}</StatusMessage>
      {canWrite ? (
        adding ? (
          <AddFlagForm
            participantId={participantId}
            onAdded={added}
            onCancel={() => {
              setAdding(false);
              focusLater('add');
            }}
          />
        ) : (
          <div className="actions flag-add">
            <button
              type="button"
              className="button button-primary"
              data-focus-key="add"
              onClick={() => {
                setNotice(null);
                setAdding(true);
              }}
            >
              {t('flags.add.open')}
            </button>
          </div>
        )
      ) : null}
      <QueryState query={query} loading={t('flags.loading')}>
        {() => (
          <>
            <h3 data-focus-key="active" tabIndex={-1}>
              {t('flags.active.title')}
            </h3>
            {active.length === 0 ? (
              <p>{t('flags.active.none')}</p>
            ) : (
              <ul className="flag-list">
                {active.map((flag) => {
                  const kind = t(`flags.kinds.${flag.kind}`);
                  return (
                    <li key={flag.id} className="flag-item">
                      <p className="flag-kind">{kind}</p>
                      {flag.note ? <p className="flag-note">{flag.note}</p> : null}
                      <p className="flag-meta">
                        {t('flags.active.set', { name: flag.setByName ?? someone, date: formatMoment(flag.setAt) })}
                      </p>
                      {canWrite ? (
                        clearing === flag.id ? (
                          <ClearFlagConfirm
                            flag={flag}
                            onCleared={cleared}
                            onCancel={() => {
                              setClearing(null);
                              focusLater(`clear:${flag.id}`);
                            }}
                          />
                        ) : (
                          <button
                            type="button"
                            className="button button-small button-danger-quiet"
                            data-focus-key={`clear:${flag.id}`}
                            aria-label={t('flags.clear.actionFor', { kind })}
                            onClick={() => {
                              setNotice(null);
                              setClearing(flag.id);
                            }}
                          >
                            {t('flags.clear.action')}
                          </button>
                        )
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {history.length > 0 ? (
              <details className="flag-history">
                <summary>{t('flags.history.summary', { count: history.length })}</summary>
                <ul className="flag-list">
                  {history.map((flag) => (
                    <li key={flag.id} className="flag-item flag-item-cleared">
                      <p className="flag-kind">{t(`flags.kinds.${flag.kind}`)}</p>
                      {flag.note ? <p className="flag-note">{flag.note}</p> : null}
                      <p className="flag-meta">
                        {t('flags.history.cleared', {
                          setBy: flag.setByName ?? someone,
                          setAt: formatMoment(flag.setAt),
                          clearedBy: flag.clearedByName ?? someone,
                          clearedAt: formatMoment(flag.clearedAt ?? ''),
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}
