import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyFlag } from '@shared/flags';
import { invoke } from '../../api/client';
import './flags.css';

type Loaded = { participantId: string } & ({ flags: SafetyFlag[] } | { failed: true });

/**
 * The participant's safety flags in force, at the top of every view of their file, in words and strong
 * colour. Nothing is shown when there are none, or to a reader whose role may not see them (the main side
 * answers `forbidden`). When the flags cannot be loaded for another reason, that is said: silence would read
 * as "no flags".
 */
export function SafetyBanner({ participantId, refreshKey }: { participantId: string; refreshKey: number }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    void invoke('flags.list', { participantId }).then((result) => {
      if (!current) return;
      if (result.ok) return setLoaded({ participantId, flags: result.value });
      const quiet = result.code === 'forbidden' || result.code === 'locked' || result.code === 'not_found';
      setLoaded(quiet ? { participantId, flags: [] } : { participantId, failed: true });
    });
    return () => {
      current = false;
    };
  }, [participantId, refreshKey]);

  // Flags of another participant are never shown, not even for the moment before the new ones arrive.
  if (!loaded || loaded.participantId !== participantId) return null;
  if ('failed' in loaded)
    return (
      <p role="alert" className="notice notice-error">
        {t('flags.banner.failed')}
      </p>
    );
  if (loaded.flags.length === 0) return null;
  return (
    <div role="region" aria-label={t('flags.banner.label')} className="safety-banner">
      <h2 className="safety-banner-heading">{t('flags.banner.heading')}</h2>
      <ul className="safety-banner-list">
        {loaded.flags.map((flag) => (
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
