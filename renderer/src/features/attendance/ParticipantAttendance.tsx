import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '@shared/errors';
import { ATTENDANCE_MARKS, type ParticipantAttendance as Attendance, type ParticipantCohortAttendance } from '@shared/attendance';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDay } from '../../i18n/format';
import './attendance.css';

interface ParticipantAttendanceProps {
  participantId: string;
  /** Changes when the participant's enrolments change in the file: the figures are read again. */
  version: number;
}

/**
 * In a participant's file: their attendance in each group they were in, by the programme's rules (held sessions
 * while in the group; excused absences outside the share), the flags a caseworker should act on, the count of
 * each mark, and the marks session by session behind a disclosure. Nothing shows for someone never in a group.
 */
export function ParticipantAttendance({ participantId, version }: ParticipantAttendanceProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [attendance, setAttendance] = useState<Attendance | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let live = true;
    void invoke('attendance.participant', { participantId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setAttendance(result.value);
        setFailure(null);
      } else setFailure(result);
    });
    return () => {
      live = false;
    };
  }, [participantId, version]);

  if (failure) return <ErrorMessage failure={failure} />;
  if (!attendance || attendance.cohorts.length === 0) return null;
  return (
    <section className="participant-attendance" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('attendance.participant.title')}</h3>
      <p className="field-hint">{t('attendance.participant.countingNote')}</p>
      {attendance.cohorts.map((cohort) => (
        <CohortAttendance key={cohort.cohortId} cohort={cohort} threshold={attendance.threshold} />
      ))}
    </section>
  );
}

function CohortAttendance({ cohort, threshold }: { cohort: ParticipantCohortAttendance; threshold: number }) {
  const { t } = useTranslation();
  const { figures } = cohort;
  return (
    <div className="participant-attendance-cohort">
      <h4>{cohort.cohortName}</h4>
      <p>
        {figures.rate === null
          ? t('attendance.participant.noRate')
          : t('attendance.participant.rate', { rate: figures.rate, attended: figures.attended, counted: figures.counted })}
        {figures.flags.length > 0 ? (
          <span className="attendance-flags">
            {figures.flags.map((flag) => (
              <span key={flag} className="attendance-flag">
                {flag === 'lowRate'
                  ? t('attendance.flags.lowRate', { threshold })
                  : t('attendance.flags.absenceStreak', { n: figures.absenceStreak })}
              </span>
            ))}
          </span>
        ) : null}
      </p>
      <p className="participant-attendance-counts">
        {ATTENDANCE_MARKS.map((mark) => `${t(`attendance.marks.${mark}`)} ${cohort.counts[mark]}`).join(' · ')}
      </p>
      {cohort.marks.length === 0 ? (
        <p className="detail-empty">{t('attendance.participant.noMarks')}</p>
      ) : (
        <details>
          <summary>{t('attendance.participant.sessions')}</summary>
          <table className="participant-attendance-table">
            <caption className="visually-hidden">{t('attendance.participant.caption', { cohort: cohort.cohortName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.participant.date')}</th>
                <th scope="col">{t('attendance.participant.topic')}</th>
                <th scope="col">{t('attendance.participant.mark')}</th>
              </tr>
            </thead>
            <tbody>
              {cohort.marks.map((row) => (
                <tr key={row.sessionId}>
                  <td>{formatDay(row.date)}</td>
                  <td>{row.topic ? t(`programme.topics.${row.topic}`) : t('programme.sessions.noTopic')}</td>
                  <td>
                    <span className={`attendance-mark attendance-mark-${row.mark}`}>{t(`attendance.marks.${row.mark}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
