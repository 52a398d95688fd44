import { useTranslation } from 'react-i18next';
import './backup.css';
import type { BackupSummary } from '@shared/backup';
import { formatDateTime, formatNumber } from '../../i18n/format';

/** The tables a person recognises, in the order they are listed; everything else is counted as "other records". */
const NAMED_TABLES = [
  'participants',
  'consents',
  'safety_flags',
  'notes',
  'psychosocial_entries',
  'cohorts',
  'users',
  'audit_log',
] as const;

/** Sums the rows of the tables that have no name of their own (versions, indexes, settings...). */
export function otherRecords(counts: Record<string, number>): number {
  const named = new Set<string>(NAMED_TABLES);
  return Object.entries(counts).reduce((sum, [table, count]) => (named.has(table) ? sum : sum + count), 0);
}

/** What a backup holds, read from its manifest and checked: when it was made and how many records of each kind. */
export function BackupSummaryView({ summary }: { summary: BackupSummary }) {
  const { t } = useTranslation();
  return (
    <div className="backup-summary">
      <h3>{t('backup.restore.summaryTitle')}</h3>
      <p>
        {t('backup.restore.createdAt', { date: formatDateTime(new Date(summary.createdAt)) })} ·{' '}
        {t('backup.restore.version', { version: summary.appVersion })}
      </p>
      <dl className="counts">
        {NAMED_TABLES.map((table) => (
          <div key={table}>
            <dt>{t(`backup.counts.${table}`)}</dt>
            <dd>{formatNumber(summary.counts[table] ?? 0)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('backup.counts.other')}</dt>
          <dd>{formatNumber(otherRecords(summary.counts))}</dd>
        </div>
      </dl>
    </div>
  );
}
