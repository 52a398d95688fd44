import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { SafetyFlag } from '@shared/flags';
import type { Failure } from '@shared/errors';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { usePendingFocus } from '../../components/usePendingFocus';
import { formatMoment } from '../../i18n/format';
import { AddFlagForm } from './AddFlagForm';
import { ClearFlagConfirm } from './ClearFlagConfirm';
import './flags.css';

interface FlagsTabProps {
  session: SessionInfo;
  participantId: string;
  /** A flag was set or cleared: the banner above the file fetches the flags again. */
  onChanged: () => void;
}

/** The participant's safety flags: those in force with their notes, adding one, clearing one, and the history. */
export function FlagsTab({ session, participantId, onChanged }: FlagsTabProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const [flags, setFlags] = useState<SafetyFlag[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<Failure | null>(null);
  const [adding, setAdding] = useState(false);
  const [clearing, setClearing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const canWrite = roleHolds(session.role, 'participants.write');
  const someone = t('flags.someone');

  useEffect(() => {
    let current = true;
    void invoke('flags.list', { participantId, includeCleared: true }).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoadFailure(result);
      setLoadFailure(null);
      setFlags(result.value);
    });
    return () => {
      current = false;
    };
  }, [participantId, version]);

  function added(flag: SafetyFlag) {
    setAdding(false);
    setNotice(t('flags.add.done', { kind: t(`flags.kinds.${flag.kind}`) }));
    focusLater('add');
    setVersion((n) => n + 1);
    onChanged();
  }

  function cleared(flag: SafetyFlag) {
    setClearing(null);
    setNotice(t('flags.clear.done', { kind: t(`flags.kinds.${flag.kind}`) }));
    focusLater('active');
    setVersion((n) => n + 1);
    onChanged();
  }

  const active = flags?.filter((f) => f.clearedAt === null) ?? [];
  const history = flags?.filter((f) => f.clearedAt !== null) ?? [];

  return (
    <div ref={root} className="flags-tab">
      <h2>{t('flags.title')}</h2>
      <p>{t('flags.intro')}</p>
      <StatusMessage tone="success">{notice}</StatusMessage>
      <ErrorMessage failure={loadFailure} />
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
      {flags === null ? (
        loadFailure ? null : (
          <p role="status" className="loading">
            {t('flags.loading')}
          </p>
        )
      ) : (
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
    </div>
  );
}
