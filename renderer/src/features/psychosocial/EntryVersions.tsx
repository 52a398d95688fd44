import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import type { FullVersion, SummaryVersion, VersionListView } from '@shared/psychosocial';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { EntryFacts } from './EntryFacts';
import { formatDay, formatMoment } from '../../i18n/format';
import { PrivateNotes } from './PrivateNotes';

/** The earlier versions of an entry, newest first, as the reader's role may see them (fetched when opened). */
export function EntryVersions({ id, headingId }: { id: string; headingId: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<VersionListView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let current = true;
    void invoke('psychosocial.versions', { id }).then((result) => {
      if (!current) return;
      if (result.ok) setList(result.value);
      else setFailure(result);
    });
    return () => {
      current = false;
    };
  }, [id]);

  if (failure) return <ErrorMessage failure={failure} />;
  if (!list)
    return (
      <p role="status" className="loading">
        {t('psychosocial.versions.loading')}
      </p>
    );
  const someone = t('psychosocial.entry.someone');
  // The first version listed is the entry as it is now, shown above.
  const earlier: (FullVersion | SummaryVersion)[] = list.versions.slice(1);
  return (
    <section className="psy-versions" aria-labelledby={headingId}>
      <ol className="psy-version-list">
        {earlier.map((version) => {
          const title = t('psychosocial.versions.title', {
            number: version.version,
            date: formatDay(version.date, 'long'),
            kind: t(`psychosocial.kinds.${version.kind}`),
          });
          return (
            <li key={version.version} className="psy-version">
              <p className="psy-subheading">{title}</p>
              <p className="psy-meta">
                {t('psychosocial.versions.savedBy', {
                  when: formatMoment(version.savedAt),
                  name: version.savedByName ?? someone,
                })}
              </p>
              <EntryFacts {...version} />
              {'privateNotes' in version ? <PrivateNotes notes={version.privateNotes} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
