import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmBox } from '../../components/ConfirmBox';
import { Screen } from '../../components/Screen';
import { useChannelAction } from '../../components/useChannelAction';

/** Problems with the vault's files that have their own explanation; anything else gets the general one. */
const KNOWN_PROBLEMS = ['slots_missing', 'slots_corrupt', 'db_missing', 'db_corrupt', 'db_foreign', 'db_newer'] as const;
type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

/** Damaged or missing files, which a backup can stand in for. Data from a newer Polku opens once Polku is updated. */
const RESTORABLE: readonly KnownProblem[] = ['slots_missing', 'slots_corrupt', 'db_missing', 'db_corrupt', 'db_foreign'];

function isKnown(problem: string | null): problem is KnownProblem {
  return (KNOWN_PROBLEMS as readonly (string | null)[]).includes(problem);
}

interface BrokenScreenProps {
  problem: string | null;
  onRetry: () => void;
  /** The files were moved aside into `folder`; Polku is now as on a new laptop, ready to restore a backup. */
  onSetAside: (folder: string) => void;
}

/**
 * Explains why the vault cannot be opened and what to do. Where a backup can stand in for damaged or missing
 * files, offers to restore one: the files are first moved into a folder of their own (nothing is deleted).
 */
export function BrokenScreen({ problem, onRetry, onSetAside }: BrokenScreenProps) {
  const { t } = useTranslation();
  const key = isKnown(problem) ? problem : 'other';
  const restorable = key !== 'other' && RESTORABLE.includes(key);
  const [confirming, setConfirming] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const action = useChannelAction();
  const headingId = useId();

  return (
    <Screen name="broken" title={t('broken.title')}>
      <p role="alert" className="notice notice-error">
        {t(`broken.problems.${key}.what`)}
      </p>
      <h2>{t('broken.whatToDo')}</h2>
      <p>{t(`broken.problems.${key}.todo`)}</p>
      <p>{t('broken.nothingChanged')}</p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('broken.retry')}
        </button>
      </div>
      {restorable ? (
        <section className="broken-restore" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('broken.restoreTitle')}</h2>
          <p>{t('broken.restoreIntro')}</p>
          {confirming ? (
            <ConfirmBox
              question={t('broken.restoreConfirm')}
              explanation={t('broken.restoreConfirmDetail')}
              confirmLabel={t('broken.restoreConfirmSubmit')}
              busy={action.busy}
              failure={action.failure}
              onConfirm={() => void action.run('vault.setAsideBroken', {}, (value) => onSetAside(value.folder))}
              onCancel={() => {
                setConfirming(false);
                requestAnimationFrame(() => startButton.current?.focus());
              }}
            />
          ) : (
            <div className="actions">
              <button ref={startButton} type="button" className="button button-primary" onClick={() => setConfirming(true)}>
                {t('broken.restoreStart')}
              </button>
            </div>
          )}
        </section>
      ) : null}
    </Screen>
  );
}
