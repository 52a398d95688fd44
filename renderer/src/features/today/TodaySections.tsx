import { useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FollowUpLine, TodayPage, TodaySession } from '@shared/today';
import { invoke } from '../../api/client';
import { invalidateChannels } from '../../api/query';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { usePendingFocus } from '../../components/usePendingFocus';
import { formatDay, formatDayAt, formatNumber, formatWhen } from '../../i18n/format';
import type { Failure } from '@shared/errors';
import { FUNDER_DATA } from '../participation/queries';
import { formatSessionDay, formatTimeRange } from '../programme/format';
import { FOLLOW_UP_CHANGES, todayQuery } from './queries';
import './today.css';

/** The tab of a participant's file a line of Today opens. */
export type TodayFileTab = 'overview' | 'notes' | 'plan' | 'assessments' | 'psychosocial' | 'referrals';

export interface TodaySectionsProps {
  /** Opens a cohort's page at a session's day, where the attendance of its sessions is marked. */
  onOpenCohort: (cohortId: string, day: string) => void;
  /** Opens a participant's file at a tab, and the record the tab opens in its form (a note draft, an assessment's stage). */
  onOpenParticipant: (participantId: string, tab: TodayFileTab, openRecord?: string) => void;
}

/**
 * The user's workday on the start page, from one `today.get` answer: the week's sessions, attendance still to be
 * marked, follow-ups, flagged participants, drafts and the next appointments. A list the role may not read comes as
 * null and a list with nothing in it is left out, as the other notices of the start page are; when nothing at all is
 * waiting, one line says so.
 */
export function TodaySections({ onOpenCohort, onOpenParticipant }: TodaySectionsProps) {
  const query = useQuery(todayQuery());
  // Said here rather than in the follow-ups' section, which is gone once its last line is ticked done.
  const [said, setSaid] = useState<Said>({ notice: null, failure: null });
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  return (
    <div ref={root}>
      <div tabIndex={-1} data-focus-key={SAID_KEY}>
        <StatusMessage tone="success">{said.notice}</StatusMessage>
        <ErrorMessage failure={said.failure} />
      </div>
      <QueryState query={query}>
        {(page) => (
          <TodayLists
            page={page}
            onOpenCohort={onOpenCohort}
            onOpenParticipant={onOpenParticipant}
            onSaid={setSaid}
            focusLater={focusLater}
          />
        )}
      </QueryState>
    </div>
  );
}

/** Where focus goes when no follow-up is left to go on to: the confirmation (or refusal) of the tick. */
const SAID_KEY = 'today-said';
const doneKey = (noteId: string) => `done:${noteId}`;

/** The outcome of the last tick: a confirmation or a refusal. */
interface Said {
  notice: string | null;
  failure: Failure | null;
}

function isEmptyPage(page: TodayPage): boolean {
  return (
    page.sessions.length === 0 &&
    (page.attendanceGaps?.length ?? 0) === 0 &&
    (page.followUps?.lines.length ?? 0) === 0 &&
    (page.flagged?.length ?? 0) === 0 &&
    (page.drafts?.length ?? 0) === 0 &&
    (page.appointments?.length ?? 0) === 0 &&
    (page.overdueReferrals?.lines.length ?? 0) === 0 &&
    (page.planSteps?.lines.length ?? 0) === 0 &&
    (page.assessments?.lines.length ?? 0) === 0 &&
    (page.sixMonthFollowUps?.lines.length ?? 0) === 0
  );
}

function TodayLists({
  page,
  onOpenCohort,
  onOpenParticipant,
  onSaid,
  focusLater,
}: TodaySectionsProps & { page: TodayPage; onSaid: (said: Said) => void; focusLater: (key: string) => void }) {
  const { t } = useTranslation();
  if (isEmptyPage(page)) return <p className="today-nothing">{t('todayPage.nothing')}</p>;
  // Sessions come first for whoever leads or staffs one this week; for the others (a caseworker whose groups
  // are someone else's) their own follow-ups, flags, drafts and appointments come first, sessions after.
  const sessions = (
    <>
      {page.sessions.length > 0 ? (
        <Section title={t('todayPage.sessions.title')} className="today-section">
          <SessionLines sessions={page.sessions} today={page.today} onOpenCohort={onOpenCohort} />
        </Section>
      ) : null}
      {page.attendanceGaps && page.attendanceGaps.length > 0 ? (
        <Section title={t('todayPage.gaps.title')} className="today-section">
          <SessionLines sessions={page.attendanceGaps} today={page.today} onOpenCohort={onOpenCohort} />
        </Section>
      ) : null}
    </>
  );
  const own = (
    <>
      {page.followUps && page.followUps.lines.length > 0 ? (
        <FollowUps
          lines={page.followUps.lines}
          total={page.followUps.total}
          onOpenParticipant={onOpenParticipant}
          onSaid={onSaid}
          focusLater={focusLater}
        />
      ) : null}
      {page.flagged && page.flagged.length > 0 ? (
        <ParticipantLines
          title={t('todayPage.flagged.title')}
          lines={page.flagged.map((line) => ({
            key: line.participantId,
            participant: line,
            label: t('todayPage.flagged.open', { name: line.displayName, code: line.pseudonym }),
            detail: t('todayPage.flagged.count', { count: line.flags }),
          }))}
          tab="overview"
          onOpenParticipant={onOpenParticipant}
        />
      ) : null}
      {page.drafts && page.drafts.length > 0 ? (
        <ParticipantLines
          title={t('todayPage.drafts.title')}
          lines={page.drafts.map((line) => ({
            key: line.draftId,
            record: line.draftId,
            participant: line,
            label: t('todayPage.drafts.open', { name: line.displayName, code: line.pseudonym }),
            detail: t('todayPage.drafts.saved', { when: formatWhen(line.updatedAt) }),
          }))}
          tab="notes"
          onOpenParticipant={onOpenParticipant}
        />
      ) : null}
      {page.appointments && page.appointments.length > 0 ? (
        <ParticipantLines
          title={t('todayPage.appointments.title')}
          lines={page.appointments.map((line) => {
            const when = formatDayAt(line.date, line.time, 'medium');
            return {
              key: line.entryId,
              participant: line,
              label: t('todayPage.appointments.open', { name: line.displayName, code: line.pseudonym, when }),
              detail: when,
            };
          })}
          tab="psychosocial"
          onOpenParticipant={onOpenParticipant}
        />
      ) : null}
      {page.overdueReferrals && page.overdueReferrals.lines.length > 0 ? (
        <ParticipantLines
          title={t('todayPage.referrals.title')}
          lines={page.overdueReferrals.lines.map((line) => ({
            key: line.referralId,
            participant: line,
            label: t('todayPage.referrals.open', { name: line.displayName, code: line.pseudonym, partner: line.partnerName }),
            detail: t('todayPage.referrals.detail', {
              partner: line.partnerName,
              service: t(`referrals.serviceTypes.${line.serviceType}`),
              day: formatDay(line.followUpOn),
            }),
          }))}
          total={page.overdueReferrals.total}
          tab="referrals"
          onOpenParticipant={onOpenParticipant}
        />
      ) : null}
      {page.planSteps && page.planSteps.lines.length > 0 ? (
        // Open steps of the plans of the user's own participants due this week, overdue first; each opens that plan.
        <ParticipantLines
          title={t('todayPage.planSteps.title')}
          lines={page.planSteps.lines.map((line) => ({
            key: line.stepId,
            participant: line,
            label: t('todayPage.planSteps.open', { name: line.displayName, code: line.pseudonym, what: line.what }),
            what: line.what,
            overdue: line.overdue,
            detail: [
              t('todayPage.followUps.due', { day: formatDay(line.due) }),
              t(`plans.stepOwners.${line.owner}`),
              t('todayPage.planSteps.goal', { target: line.goalTarget }),
            ].join(' · '),
          }))}
          total={page.planSteps.total}
          tab="plan"
          onOpenParticipant={onOpenParticipant}
        />
      ) : null}
      {page.assessments && page.assessments.lines.length > 0 ? (
        // Stages due this week or overdue, the user's own participants first; each opens that stage's form.
        <ParticipantLines
          title={t('assessments.today.title')}
          lines={page.assessments.lines.map((line) => {
            const stage = t(`assessments.stages.${line.stage}`);
            return {
              key: `${line.participantId}:${line.stage}`,
              record: line.stage,
              participant: line,
              label: t('assessments.today.open', { name: line.displayName, code: line.pseudonym, stage }),
              what: stage,
              overdue: line.overdue,
              detail: t('todayPage.followUps.due', { day: formatDay(line.due) }),
            };
          })}
          total={page.assessments.total}
          tab="assessments"
          onOpenParticipant={onOpenParticipant}
        />
      ) : null}
      {page.sixMonthFollowUps && page.sixMonthFollowUps.lines.length > 0 ? (
        // Follow-ups six months after exit, the user's own first; each opens the file's funder data.
        <ParticipantLines
          title={t('participation.today.title')}
          lines={page.sixMonthFollowUps.lines.map((line) => ({
            key: line.participantId,
            record: FUNDER_DATA,
            participant: line,
            label: t('participation.today.open', { name: line.displayName, code: line.pseudonym }),
            overdue: line.overdue,
            detail: t('participation.today.due', { day: formatDay(line.due) }),
          }))}
          total={page.sixMonthFollowUps.total}
          tab="overview"
          onOpenParticipant={onOpenParticipant}
        />
      ) : null}
    </>
  );
  const leadsSessions = page.sessions.some((session) => session.mine);
  return (
    <>
      {leadsSessions ? sessions : own}
      {leadsSessions ? own : sessions}
    </>
  );
}

/** One line of a list on Today: a participant's name that opens their file, and what the line is about. */
interface ParticipantLine {
  key: string;
  /** The record the line opens in its tab: a draft in the note form, an assessment's stage. */
  record?: string;
  participant: { participantId: string; displayName: string; pseudonym: string };
  /** The name button's accessible name, which says what it opens. */
  label: string;
  /** What is to be done, after the name (a follow-up's task, a plan step). */
  what?: string;
  /** Past its day: the line is marked with the one overdue word. */
  overdue?: boolean;
  detail: string;
  /** A control at the end of the line (a follow-up's "Done"). */
  action?: ReactNode;
}

/** One line a participant: the name opens their file at `tab`, with what the line is about beside it. */
function ParticipantLines({
  title,
  lines,
  total,
  tab,
  onOpenParticipant,
}: {
  title: string;
  lines: ParticipantLine[];
  /** How many there are in all, when the list is cut (TODAY_LIST_MAX). */
  total?: number;
  tab: TodayFileTab;
  onOpenParticipant: TodaySectionsProps['onOpenParticipant'];
}) {
  const { t } = useTranslation();
  return (
    <Section title={title} className="today-section">
      <ul className="today-list">
        {lines.map(({ key, record, participant, label, what, overdue, detail, action }) => (
          <li key={key} className={overdue ? 'today-overdue' : undefined}>
            <button
              type="button"
              className="button-link"
              aria-label={label}
              onClick={() => onOpenParticipant(participant.participantId, tab, record)}
            >
              {t('todayPage.name', { name: participant.displayName, code: participant.pseudonym })}
            </button>{' '}
            {what !== undefined ? (
              <>
                <span className="today-what">{what}</span>{' '}
              </>
            ) : null}
            {overdue ? <span className="today-tag today-tag-warning">{t('todayPage.followUps.overdue')}</span> : null}
            <span className="today-detail">{detail}</span>
            {action !== undefined ? <> {action}</> : null}
          </li>
        ))}
      </ul>
      {total !== undefined && total > lines.length ? (
        <p className="today-detail">{t('todayPage.more', { shown: formatNumber(lines.length), total: formatNumber(total) })}</p>
      ) : null}
    </Section>
  );
}

/** Sessions, each held or begun by today with the way to its attendance on the cohort's page. */
function SessionLines({
  sessions,
  today,
  onOpenCohort,
}: {
  sessions: TodaySession[];
  today: string;
  onOpenCohort: (cohortId: string, day: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="today-list">
      {sessions.map((session) => {
        const day = formatSessionDay(session.date);
        return (
          <li key={session.sessionId} className={session.date === today ? 'today-now' : undefined}>
            <span className="today-what">{session.cohortName}</span>{' '}
            <span className="today-detail">
              {t('todayPage.sessions.when', { day, time: formatTimeRange(session.startTime, session.endTime) })}
            </span>
            {session.date === today ? <span className="today-tag">{t('todayPage.sessions.today')}</span> : null}
            {session.mine ? <span className="today-tag">{t('todayPage.mine')}</span> : null}
            {session.state === 'cancelled' ? <span className="today-tag">{t('todayPage.sessions.cancelled')}</span> : null}
            {session.facilitatorName ? (
              <span className="today-detail"> {t('todayPage.sessions.facilitator', { name: session.facilitatorName })}</span>
            ) : null}{' '}
            {session.state === 'cancelled' || session.date > today ? null : (
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('todayPage.sessions.markAttendanceOf', { cohort: session.cohortName, day })}
                onClick={() => onOpenCohort(session.cohortId, session.date)}
              >
                {t('todayPage.sessions.markAttendance')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Open follow-ups, overdue first as the main side orders them, each to be opened or ticked done here. */
function FollowUps({
  lines,
  total,
  onOpenParticipant,
  onSaid,
  focusLater,
}: {
  lines: FollowUpLine[];
  total: number;
  onOpenParticipant: TodaySectionsProps['onOpenParticipant'];
  onSaid: (said: Said) => void;
  focusLater: (key: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);

  async function done(line: FollowUpLine) {
    if (busy) return;
    setBusy(line.noteId);
    onSaid({ notice: null, failure: null });
    const result = await invoke('notes.setFollowUpDone', { id: line.noteId, done: true });
    if (!result.ok) {
      setBusy(null);
      return onSaid({ notice: null, failure: result });
    }
    // The ticked line leaves the list: focus goes on to the next one's "Done", else the one before, else the message.
    const at = lines.indexOf(line);
    const neighbour = lines[at + 1] ?? lines[at - 1];
    focusLater(neighbour ? doneKey(neighbour.noteId) : SAID_KEY);
    onSaid({ notice: t('todayPage.followUps.markedDone', { task: line.task }), failure: null });
    await invalidateChannels(client, ...FOLLOW_UP_CHANGES);
    setBusy(null);
  }

  return (
    <ParticipantLines
      title={t('todayPage.followUps.title')}
      lines={lines.map((line) => ({
        key: line.noteId,
        participant: line,
        label: t('todayPage.followUps.open', { name: line.displayName, code: line.pseudonym, task: line.task }),
        what: line.task,
        overdue: line.overdue,
        detail: [
          t('todayPage.followUps.due', { day: formatDay(line.due) }),
          line.ownerName ? t('todayPage.followUps.owner', { name: line.ownerName }) : t('todayPage.followUps.noOwner'),
        ].join(' · '),
        action: (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('todayPage.followUps.doneOf', { task: line.task, name: line.displayName })}
            aria-disabled={busy !== null || undefined}
            data-focus-key={doneKey(line.noteId)}
            onClick={() => void done(line)}
          >
            {t('todayPage.followUps.done')}
          </button>
        ),
      }))}
      total={total}
      tab="notes"
      onOpenParticipant={onOpenParticipant}
    />
  );
}
