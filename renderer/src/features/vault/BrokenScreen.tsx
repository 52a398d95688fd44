import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';

/** Problems with the vault's files that have their own explanation; anything else gets the general one. */
const KNOWN_PROBLEMS = ['slots_missing', 'slots_corrupt', 'db_missing', 'db_corrupt', 'db_foreign', 'db_newer'] as const;
type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

function isKnown(problem: string | null): problem is KnownProblem {
  return (KNOWN_PROBLEMS as readonly (string | null)[]).includes(problem);
}

/** Explains why the vault cannot be opened and what to do. Offers nothing that could overwrite data. */
export function BrokenScreen({ problem, onRetry }: { problem: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const key = isKnown(problem) ? problem : 'other';
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
    </Screen>
  );
}
