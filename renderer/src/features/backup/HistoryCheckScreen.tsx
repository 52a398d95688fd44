import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryProblem, SessionInfo } from '@shared/vault';
import { ConfirmBox } from '../../components/ConfirmBox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { Section } from '../../components/Section';
import { useChannelAction } from '../../components/useChannelAction';
import { useCan } from '../../shell/session';
import { RestoreFlow } from './RestoreFlow';

interface HistoryCheckScreenProps {
  problem: HistoryProblem;
  /** The session once the problem is resolved (a restore, or the coordinator continued). */
  onResolved: (session: SessionInfo) => void;
}

/**
 * The unlock found the case files older than the history anchor kept outside them (docs/security.md, "History
 * anchor"). The main side refuses everything else meanwhile; this screen explains and offers what it allows:
 * the coordinator restores a backup or continues (recorded in the audit log); anyone else is told to ask them.
 */
export function HistoryCheckScreen({ problem, onResolved }: HistoryCheckScreenProps) {
  const { t } = useTranslation();
  const mayDecide = useCan('vault.admin');
  const [confirming, setConfirming] = useState(false);
  const accept = useChannelAction();
  const afterRestore = useChannelAction();

  function sessionAfterRestore() {
    void afterRestore.run('vault.status', {}, (status) => {
      if (status.session && !status.session.historyProblem) onResolved(status.session);
    });
  }

  return (
    <Screen name="history-check" title={t('history.title')}>
      <p className="lead">{t(`history.problem.${problem}`)}</p>
      <p>{t('history.why')}</p>
      {mayDecide ? (
        <>
          <p>{t('history.choices')}</p>
          <Section title={t('history.restore.title')}>
            <p>{t('history.restore.intro')}</p>
            <RestoreFlow onStatus={sessionAfterRestore} />
            <ErrorMessage failure={afterRestore.failure} />
          </Section>
          <Section title={t('history.continue.title')}>
            <p>{t('history.continue.intro')}</p>
            {confirming ? (
              <ConfirmBox
                question={t('history.continue.question')}
                explanation={t('history.continue.explanation')}
                confirmLabel={t('history.continue.confirm')}
                busy={accept.busy}
                failure={accept.failure}
                onConfirm={() => void accept.run('vault.acceptHistory', {}, onResolved)}
                onCancel={() => setConfirming(false)}
              />
            ) : (
              <div className="actions">
                <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                  {t('history.continue.submit')}
                </button>
              </div>
            )}
          </Section>
        </>
      ) : (
        <p className="notice notice-warning">{t('history.others')}</p>
      )}
    </Screen>
  );
}
