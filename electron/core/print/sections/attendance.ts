import { dayOf } from '@shared/days';
import { ATTENDANCE_MARKS, ATTENDED_MARKS, type AttendanceMark, type ParticipantCohortAttendance } from '@shared/attendance';
import { participantAttendance } from '../../attendance/participant';
import type { Db } from '../../db/open';
import { all, sql } from '../../db/sql';
import { readSettings } from '../../settings/repo';
import type { Html } from '../html';
import { facts, nothing, type PrintSection, type SectionContext } from './section';

interface EnrolmentRow {
  cohortId: string;
  cohortName: string;
  startDate: string;
  endDate: string | null;
  mode: 'group' | 'individual';
  outcome: 'completed' | 'discontinued' | null;
  outcomeReason: string | null;
}

interface MarkedRow {
  sessionId: string;
  date: string;
  startTime: string;
  topic: string | null;
  mark: AttendanceMark;
}

interface VisitRow {
  date: string;
  partnerName: string;
  kind: 'company' | 'school';
}

function enrolmentsOf(db: Db, participantId: string): EnrolmentRow[] {
  return all<EnrolmentRow>(
    db,
    sql`SELECT e.cohort_id AS cohortId, c.name AS cohortName, e.start_date AS startDate, e.end_date AS endDate,
          e.mode AS mode, e.outcome AS outcome, e.outcome_reason AS outcomeReason
        FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE e.participant_id = ${participantId}
        ORDER BY e.start_date, e.id`,
  );
}

/** A mark's word on paper: the interface's own (`attendance.marks`), so that the print and the grid say the same. */
function markWord({ text }: SectionContext, mark: AttendanceMark): string {
  return text.t(`attendance.marks.${mark}`);
}

function enrolmentBlock(context: SectionContext, e: EnrolmentRow, figures: ParticipantCohortAttendance | undefined): Html {
  const { html, text, pseudonymOnly } = context;
  const a = (key: string, values?: Record<string, string | number>) => text.t(`print.attendance.${key}`, values);
  const dates = e.endDate
    ? text.t('print.range.between', { from: text.day(e.startDate), to: text.day(e.endDate) })
    : a('ongoing', { from: text.day(e.startDate) });
  const outcome = e.outcome
    ? `${text.t(`participant.status.${e.outcome}`)}${!pseudonymOnly && e.outcomeReason ? ` (${e.outcomeReason})` : ''}`
    : null;
  const rows: [string, string | null][] = [
    [a('dates'), dates],
    [a('mode'), text.t(`programme.mode.${e.mode}`)],
    [a('outcome'), outcome],
  ];
  if (figures) {
    const { rate, attended, counted } = figures.figures;
    rows.push([a('rate'), rate === null ? a('noRate') : a('rateValue', { rate, attended, counted })]);
    const byMark = ATTENDANCE_MARKS.map((mark) => `${markWord(context, mark)} ${figures.counts[mark]}`).join(' · ');
    rows.push([a('byMark'), byMark.charAt(0).toLocaleUpperCase(text.locale) + byMark.slice(1)]);
  }
  return html`<h3>${e.cohortName}</h3>
    ${facts(context, rows)}`;
}

function sessionTable(context: SectionContext, rows: readonly MarkedRow[]): Html {
  const { html, text } = context;
  const a = (key: string) => text.t(`print.attendance.${key}`);
  return html`<table>
    <thead>
      <tr>
        <th class="col-when">${a('date')}</th>
        <th>${a('topic')}</th>
        <th>${a('mark')}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <td class="col-when">${text.day(r.date)}</td>
            <td>
              ${r.topic && text.has(`programme.topics.${r.topic}`)
                ? text.t(`programme.topics.${r.topic}`)
                : text.t('programme.sessions.noTopic')}
            </td>
            <td>${text.t(`attendance.marks.${r.mark}`)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/**
 * The participant's part in the group programme: each enrolment (cohort, dates, group or individual, outcome),
 * their attendance rate and marks over the sessions held so far, the sessions they were marked for, and the
 * company and school visits they took part in. Shows no one's name: partners are organisations.
 */
export const attendanceSection: PrintSection = {
  id: 'attendance',
  permission: 'participants.read',
  signatures: false,
  dated: false,
  render(context) {
    const { html, text, db, participant, now } = context;
    const today = dayOf(now);
    const enrolments = enrolmentsOf(db, participant.id);
    if (enrolments.length === 0) return nothing(context);
    const figures = participantAttendance(db, participant.id, today, readSettings(db).attendanceThreshold);
    const shown = new Set<string>();
    const blocks = enrolments.map((e) => {
      // A cohort's figures cover all of its group periods: print them once, under its first group enrolment.
      const f = e.mode === 'group' && !shown.has(e.cohortId) ? figures.find((x) => x.cohortId === e.cohortId) : undefined;
      if (f) shown.add(e.cohortId);
      return enrolmentBlock(context, e, f);
    });
    const marked = all<MarkedRow>(
      db,
      sql`SELECT s.id AS sessionId, s.date AS date, s.start_time AS startTime, s.topic AS topic, a.mark AS mark
          FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id
          WHERE a.participant_id = ${participant.id} AND s.state = 'planned' AND s.date <= ${today}
          ORDER BY s.date, s.start_time, s.id`,
    );
    const visits = all<VisitRow & { mark: AttendanceMark }>(
      db,
      sql`SELECT s.date AS date, p.name AS partnerName, v.kind AS kind, a.mark AS mark
          FROM visits v JOIN cohort_sessions s ON s.id = v.session_id JOIN partners p ON p.id = v.partner_id
          JOIN attendance a ON a.session_id = s.id AND a.participant_id = ${participant.id}
          WHERE s.state = 'planned' AND s.date <= ${today}
          ORDER BY s.date, s.start_time, s.id`,
    ).filter((v) => ATTENDED_MARKS.includes(v.mark));
    const a = (key: string) => text.t(`print.attendance.${key}`);
    return html`${blocks}
      <h3>${a('sessions')}</h3>
      ${marked.length === 0 ? html`<p class="muted">${a('noSessions')}</p>` : sessionTable(context, marked)}
      <h3>${a('visits')}</h3>
      ${visits.length === 0
        ? html`<p class="muted">${a('noVisits')}</p>`
        : html`<ul>
            ${visits.map((v) => html`<li>${text.day(v.date)} – ${v.partnerName} (${text.t(`partners.kinds.${v.kind}`)})</li>`)}
          </ul>`}`;
  },
};
