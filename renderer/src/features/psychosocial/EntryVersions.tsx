import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FullVersion, SummaryVersion } from '@shared/psychosocial';
import { QueryState } from '../../components/QueryState';
import { EntryFacts } from './EntryFacts';
import { formatDay, formatMoment } from '../../i18n/format';
import { PrivateNotes } from './PrivateNotes';
import { entryVersionsQuery } from './queries';

/** The earlier versions of an entry, newest first, as the reader's role may see them (fetched when opened). */
export function EntryVersions({ id, headingId }: { id: string; headingId: string }) {
  const { t } = useTranslation();
  const query = useQuery(entryVersionsQuery(id));
  const someone = t('psychosocial.entry.someone');

  return (
    <QueryState query={query} loading={t('psychosocial.versions.loading')}>
      {(list) => {
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
                    {'privateNotes' in version ? (
                      <PrivateNotes notes={version.privateNotes} sealed={version.privateSealed === true} />
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      }}
    </QueryState>
  );
}
