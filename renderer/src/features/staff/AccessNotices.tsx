import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessNotice } from '@shared/users';
import { ErrorMessage } from '../../components/ErrorMessage';
import { QueryFailure } from '../../components/QueryState';
import { useChannelAction } from '../../components/useChannelAction';
import { formatMoment } from '../../i18n/format';
import { useCan } from '../../shell/session';
import { accessNoticesQuery } from './queries';

/**
 * For psychologists, above whatever page the unlock opens: who was made a psychologist or given a new one-time
 * passphrase since they last acknowledged (users/access-notices.ts on the main side decides what is pending).
 * Shown until this psychologist acknowledges; the others are still told until they do.
 */
export function AccessNotices() {
  const holdsNotes = useCan('psychosocial.private');
  return holdsNotes ? <PendingAccessNotices /> : null;
}

function PendingAccessNotices() {
  const { t } = useTranslation();
  const query = useQuery(accessNoticesQuery());
  const { busy, failure, run } = useChannelAction({ invalidates: ['users.accessNotices'] });
  const [acknowledged, setAcknowledged] = useState(false);
  const notices = query.data ?? [];
  const newest = notices.at(-1);
  // The button goes with the notices: the keyboard focus moves to the sentence that says they were acknowledged.
  const done = useRef<HTMLParagraphElement>(null);
  const showDone = acknowledged && !newest;
  useEffect(() => {
    if (showDone) done.current?.focus();
  }, [showDone]);

  if (query.error) return <QueryFailure query={query} />;
  if (!newest) {
    return showDone ? (
      <p role="status" className="notice notice-success" tabIndex={-1} ref={done}>
        {t('staff.accessNotices.acknowledged')}
      </p>
    ) : null;
  }
  return (
    <section className="notice notice-warning access-notices" aria-labelledby="access-notices-title">
      <h2 id="access-notices-title">{t('staff.accessNotices.title')}</h2>
      <ul>
        {notices.map((notice) => (
          <li key={notice.id}>{noticeText(t, notice)}</li>
        ))}
      </ul>
      <p>{t('staff.accessNotices.why')}</p>
      <ErrorMessage failure={failure} />
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() => void run('users.acknowledgeAccessNotices', { upTo: newest.id }, () => setAcknowledged(true))}
        >
          {t('staff.accessNotices.acknowledge')}
        </button>
      </div>
    </section>
  );
}

function noticeText(t: TFunction, notice: AccessNotice): string {
  return t(`staff.accessNotices.${notice.kind}`, {
    actor: notice.actorName ?? t('staff.accessNotices.unknownActor'),
    subject: notice.subjectName,
    when: formatMoment(notice.at),
  });
}
