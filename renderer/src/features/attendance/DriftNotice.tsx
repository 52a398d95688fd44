import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryFailure } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { settingsQuery } from '../settings/queries';
import { formatNumber } from '../../i18n/format';
import { driftQuery } from './queries';
import './attendance.css';

export interface DriftNoticeProps {
  onOpenCohort?: (cohortId: string) => void;
  /** Given to those who may read participants' files: each name opens the file, to find how to reach them. */
  onOpenParticipant?: (participantId: string) => void;
}

/** On the start page: participants whose attendance has fallen off in an open group, to reach out to early. */
export function DriftNotice({ onOpenCohort, onOpenParticipant }: DriftNoticeProps) {
  const { t } = useTranslation();
  const drift = useQuery(driftQuery());
  // Without the settings the flag is named without its figure, and the failure is said above the table.
  const settings = useQuery(settingsQuery());
  const threshold = settings.data?.attendanceThreshold ?? null;
  const entries = drift.data ?? [];

  if (drift.error) return <QueryFailure query={drift} />;
  if (entries.length === 0) return null;
  return (
    <Section title={t('attendance.drift.title', { count: entries.length, formatted: formatNumber(entries.length) })}>
      <p>{t('attendance.drift.intro')}</p>
      <QueryFailure query={settings} />
      <table className="drift-table">
        <thead>
          <tr>
            <th scope="col">{t('attendance.drift.participant')}</th>
            <th scope="col">{t('attendance.drift.cohort')}</th>
            <th scope="col">{t('attendance.drift.rate')}</th>
            <th scope="col">{t('attendance.drift.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.cohortId}:${entry.participantId}`}>
              <th scope="row">
                {onOpenParticipant ? (
                  <button
                    type="button"
                    className="button-link"
                    aria-label={t('attendance.drift.openFile', { name: entry.displayName, code: entry.pseudonym })}
                    onClick={() => onOpenParticipant(entry.participantId)}
                  >
                    {entry.displayName}
                  </button>
                ) : (
                  entry.displayName
                )}{' '}
                <span className="attendance-code">{entry.pseudonym}</span>
              </th>
              <td>
                {onOpenCohort ? (
                  <button
                    type="button"
                    className="button-link"
                    aria-label={t('attendance.drift.open', { cohort: entry.cohortName })}
                    onClick={() => onOpenCohort(entry.cohortId)}
                  >
                    {entry.cohortName}
                  </button>
                ) : (
                  entry.cohortName
                )}
              </td>
              <td>{entry.figures.rate === null ? t('attendance.noRate') : t('attendance.rate', { rate: entry.figures.rate })}</td>
              <td>
                <span className="attendance-flags">
                  {entry.figures.flags.map((flag) => (
                    <span key={flag} className="attendance-flag">
                      {flag === 'lowRate'
                        ? threshold === null
                          ? t('attendance.flags.lowRateShort')
                          : t('attendance.flags.lowRate', { threshold })
                        : t('attendance.flags.absenceStreak', { n: entry.figures.absenceStreak })}
                    </span>
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
