import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryFailure } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { formatNumber } from '../../i18n/format';
import { dueFilesQuery } from './queries';

/** On the coordinator's start page: how many closed files are due for deletion, and the way to them. */
export function DueNotice({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(dueFilesQuery());
  const count = query.data?.files.length ?? 0;

  if (query.error) return <QueryFailure query={query} />;
  if (count === 0) return null;
  return (
    <Section title={t('retention.home.title')}>
      <p>{t('retention.home.due', { count, formatted: formatNumber(count) })}</p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onOpen}>
          {t('retention.home.open')}
        </button>
      </div>
    </Section>
  );
}
