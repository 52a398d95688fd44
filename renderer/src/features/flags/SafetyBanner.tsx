import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { flagsQuery } from './queries';
import './flags.css';

/**
 * The participant's safety flags in force, at the top of every view of their file, in words and strong
 * colour. Nothing is shown when there are none, or to a reader whose role may not see them (the main side
 * answers `forbidden`). When the flags cannot be loaded for another reason, that is said: silence would read
 * as "no flags".
 */
export function SafetyBanner({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  // Keyed by the participant: flags of another one are never shown, not even before the new ones arrive.
  const { data: flags, error } = useQuery(flagsQuery(participantId));

  if (error) {
    const quiet = error.failure.code === 'forbidden' || error.failure.code === 'locked' || error.failure.code === 'not_found';
    return quiet ? null : (
      <p role="alert" className="notice notice-error">
        {t('flags.banner.failed')}
      </p>
    );
  }
  if (!flags || flags.length === 0) return null;
  return (
    <div role="region" aria-label={t('flags.banner.label')} className="safety-banner">
      <h2 className="safety-banner-heading">{t('flags.banner.heading')}</h2>
      <ul className="safety-banner-list">
        {flags.map((flag) => (
          <li key={flag.id}>
            <strong>{t(`flags.kinds.${flag.kind}`)}</strong>
            {flag.note ? (
              <>
                {': '}
                <span className="safety-banner-note">{flag.note}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
