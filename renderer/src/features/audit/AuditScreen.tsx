import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryFailure } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { usePendingFocus } from '../../components/usePendingFocus';
import { useSession } from '../../shell/session';
import { AuditFilters } from './AuditFilters';
import { AuditTable, entryFocusKey } from './AuditTable';
import type { AuditQuery } from './query';
import { useAuditLog } from './useAuditLog';
import { useNameBook } from './useNameBook';
import { VerifyAudit } from './VerifyAudit';
import './audit.css';

/**
 * The coordinator's audit view: the check of the log's chain, filters, and the matching entries newest first,
 * with names and participants' codes put on the ids the log holds. Older entries are loaded on request.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const [query, setQuery] = useState<AuditQuery>({});
  const log = useAuditLog(query);
  const book = useNameBook();

  async function loadOlder() {
    const first = await log.loadOlder();
    if (first !== null) focusLater(entryFocusKey(first));
  }

  const count = log.entries?.length ?? 0;
  const summary =
    log.loading === 'first' || !book.names
      ? t('audit.table.loading')
      : log.loading === 'older'
        ? t('audit.table.loadingOlder')
        : log.entries === null
          ? null
          : count === 0
            ? t('audit.table.none')
            : log.hasMore
              ? t('audit.table.more', { count })
              : t('audit.table.all', { count });

  return (
    <Screen name="audit" title={t('audit.title')}>
      <div ref={root} className="audit">
        <p className="lead">{t('audit.intro')}</p>
        <VerifyAudit />
        <AuditFilters staff={book.staff} onApply={setQuery} />
        {book.queries.map((query, i) => (
          <QueryFailure key={i} query={query} />
        ))}
        <QueryFailure query={{ error: log.failure, isFetching: log.isFetching, refetch: log.retry }} />
        <StatusMessage>{summary}</StatusMessage>
        {log.entries && log.entries.length > 0 && book.names ? (
          <AuditTable entries={log.entries} names={book.names} ownUserId={session.userId} />
        ) : null}
        {log.hasMore && log.entries ? (
          <div className="actions audit-more">
            <button
              type="button"
              className="button button-secondary"
              aria-disabled={log.loading !== null || undefined}
              onClick={() => void loadOlder()}
            >
              {t('audit.table.loadOlder')}
            </button>
          </div>
        ) : null}
      </div>
    </Screen>
  );
}
