import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '@shared/audit';
import { actionLabel } from './actions';
import { formatMoment } from '../../i18n/format';
import { concernsOf, detailText, whoText, type NameBook } from './describe';

interface AuditTableProps {
  entries: readonly AuditEntryView[];
  names: NameBook;
  ownUserId: string;
}

/** The data-focus-key of an entry's row header, where focus goes after older entries are loaded. */
export const entryFocusKey = (id: number) => `entry:${id}`;

/**
 * Log entries, newest first: number, time, who, what, which record, outcome, details. The entry number is the
 * row header, since it is what the check of the log names when something is wrong.
 */
export function AuditTable({ entries, names, ownUserId }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <table className="audit-table">
      <caption>{t('audit.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.table.number')}</th>
          <th scope="col">{t('audit.table.time')}</th>
          <th scope="col">{t('audit.table.who')}</th>
          <th scope="col">{t('audit.table.what')}</th>
          <th scope="col">{t('audit.table.concerns')}</th>
          <th scope="col">{t('audit.table.outcome')}</th>
          <th scope="col">{t('audit.table.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const label = actionLabel(t, entry.action, entry.outcome);
          const concerns = concernsOf(t, entry, names);
          const detail = detailText(t, entry, names);
          return (
            <tr key={entry.id} className={entry.outcome === 'ok' ? undefined : 'audit-row-attention'}>
              <th scope="row" className="audit-number" tabIndex={-1} data-focus-key={entryFocusKey(entry.id)}>
                {entry.id}
              </th>
              <td className="audit-time">
                <time dateTime={entry.at}>{formatMoment(entry.at, 'short', 'medium', i18n.language)}</time>
              </td>
              <td>
                {whoText(t, entry)}
                {entry.userId === ownUserId ? <span className="audit-you"> ({t('staff.table.you')})</span> : null}
              </td>
              <td>{label ?? <code className="audit-code">{entry.action}</code>}</td>
              <td>
                {concerns.kind === 'none' ? null : (
                  <span className={`audit-concerns audit-concerns-${concerns.kind}`}>{concerns.text}</span>
                )}
              </td>
              <td>
                <span className={`audit-outcome audit-outcome-${entry.outcome}`}>{t(`audit.outcomes.${entry.outcome}`)}</span>
              </td>
              <td className="audit-detail">{detail}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
