import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type ParticipantCohortAttendance, ATTENDANCE_MARKS } from '@shared/attendance';
import { formatDay } from '../../i18n/format';
import { QueryFailure } from '../../components/QueryState';
import { useMarkLetters } from './markLetters';
import { participantAttendanceQuery } from './queries';
import './attendance.css';

interface ParticipantAttendanceProps {
  participantId: string;
}

/**
 * In a participant's file: their attendance in each group they were in, by the programme's rules (held sessions
 * while in the group; excused absences outside the share), the flags a caseworker should act on, the count of
 * each mark, and the marks session by session behind a disclosure. Nothing shows for someone never in a group.
 */
export function ParticipantAttendance({ participantId }: ParticipantAttendanceProps) {
  const { t } = useTranslation();
  const headingId = useId();
  // Read again when the participant's enrolments change in the file (case/mutations.ts).
  const query = useQuery(participantAttendanceQuery(participantId));
  const attendance = query.data ?? null;

  if (query.error) return <QueryFailure query={query} />;
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
  // The same letter and word as in the group's grid.
  const letters = useMarkLetters();
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
                    <span className={`attendance-mark attendance-mark-${row.mark}`}>
                      <span className="attendance-letter" aria-hidden="true">
                        {letters[row.mark]}
                      </span>{' '}
                      {t(`attendance.marks.${row.mark}`)}
                    </span>
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
