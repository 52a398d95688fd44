import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One labelled value; an empty one says plainly that it is not recorded. */
export function Detail({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation();
  const empty = value === null || value === undefined || value === '';
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd className={empty ? 'detail-empty' : undefined}>{empty ? t('participant.notRecorded') : value}</dd>
    </div>
  );
}

/** A titled group of labelled values, as the file shows its base data. */
export function DetailGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-group">
      <h3>{title}</h3>
      <dl>{children}</dl>
    </section>
  );
}
