import { useTranslation } from 'react-i18next';
import type { NextAppointment, RiskLevel } from '@shared/psychosocial';
import { formatDayAt } from '../../i18n/format';
import { RiskBadge } from './RiskLevel';

interface EntryFactsProps {
  durationMinutes: number;
  riskLevel: RiskLevel;
  nextAppointment: NextAppointment | null;
  summary: string | null;
}

/** What every reader of the log sees of a meeting (or of one version of it): length, risk, next appointment, summary. */
export function EntryFacts({ durationMinutes, riskLevel, nextAppointment, summary }: EntryFactsProps) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="psy-facts">
        <div>
          <dt>{t('psychosocial.entry.duration')}</dt>
          <dd>{t('psychosocial.entry.minutes', { count: durationMinutes })}</dd>
        </div>
        <div>
          <dt>{t('psychosocial.fields.riskLevel')}</dt>
          <dd>
            <RiskBadge level={riskLevel} />
          </dd>
        </div>
        <div>
          <dt>{t('psychosocial.fields.nextAppointment')}</dt>
          <dd>
            {nextAppointment ? formatDayAt(nextAppointment.date, nextAppointment.time) : t('psychosocial.entry.noAppointment')}
          </dd>
        </div>
      </dl>
      <div className="psy-summary">
        <p className="psy-subheading">{t('psychosocial.fields.summary')}</p>
        {summary ? <p className="psy-text">{summary}</p> : <p className="psy-empty">{t('psychosocial.entry.noSummary')}</p>}
      </div>
    </>
  );
}
