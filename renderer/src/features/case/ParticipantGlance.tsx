import { useId, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ParticipantOverview } from '@shared/overview';
import { QueryState } from '../../components/QueryState';
import { formatDay, formatWhen } from '../../i18n/format';
import { formatSessionDay, formatTimeRange } from '../programme/format';
import type { CaseTab } from './caseTabs';
import { overviewQuery } from './queries';

interface ParticipantGlanceProps {
  participantId: string;
  /** Whether the Overview tab is shown: the overview is read again each time it is (other tabs change it). */
  active: boolean;
  /** The tabs the reader may open; a part whose tab is not among them is not offered as a way there. */
  tabs: readonly CaseTab[];
  /** Opens a tab; with a draft's id, the notes tab with that draft in the note form. */
  onOpenTab: (tab: CaseTab, openRecord?: string) => void;
  /** Moves to the group section of the Overview, with the enrolments and attendance in detail (none in the limited view). */
  onShowGroup: (() => void) | null;
}

/**
 * The top of the Overview tab: what a caseworker looks for first in a file, from one `overview.participant` answer.
 * A part the role may not read comes as null and is left out; each part has a button to where it is kept.
 */
export function ParticipantGlance({ participantId, active, tabs, onOpenTab, onShowGroup }: ParticipantGlanceProps) {
  const { t } = useTranslation();
  const query = useQuery({ ...overviewQuery(participantId), enabled: active });
  const headingId = useId();
  return (
    <section className="glance" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('case.glance.label')}
      </h2>
      <QueryState query={query} loading={t('case.glance.loading')}>
        {(overview) => (
          <div className="glance-grid">
            <FlagsPart overview={overview} open={tabs.includes('flags') ? () => onOpenTab('flags') : null} />
            <ConsentsPart overview={overview} open={tabs.includes('consents') ? () => onOpenTab('consents') : null} />
            <GroupPart overview={overview} onShowGroup={onShowGroup} />
            <FollowUpsPart overview={overview} open={tabs.includes('notes') ? () => onOpenTab('notes') : null} />
            <LatestNotePart overview={overview} open={tabs.includes('notes') ? () => onOpenTab('notes') : null} />
            <DraftsPart overview={overview} openDraft={tabs.includes('notes') ? (id) => onOpenTab('notes', id) : null} />
          </div>
        )}
      </QueryState>
    </section>
  );
}

/** One card of the overview: a heading, what it says, and the button to where it is kept. */
function Part({
  title,
  tone,
  action,
  children,
}: {
  title: string;
  tone?: 'alert' | 'attention';
  action: { label: string; onClick: () => void } | null;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`glance-part${tone ? ` glance-${tone}` : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <div className="glance-body">{children}</div>
      {action ? (
        <button type="button" className="button button-link glance-open" onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
    </section>
  );
}

type PartProps = { overview: ParticipantOverview; open: (() => void) | null };

function FlagsPart({ overview, open }: PartProps) {
  const { t } = useTranslation();
  if (overview.flags === null) return null;
  return (
    <Part
      title={t('flags.active.title')}
      tone={overview.flags.length > 0 ? 'alert' : undefined}
      action={open && { label: t('case.glance.flags.open'), onClick: open }}
    >
      {overview.flags.length === 0 ? (
        <p className="detail-empty">{t('flags.active.none')}</p>
      ) : (
        <ul>
          {overview.flags.map((flag) => (
            <li key={flag.id}>{t(`flags.kinds.${flag.kind}`)}</li>
          ))}
        </ul>
      )}
    </Part>
  );
}

function ConsentsPart({ overview, open }: PartProps) {
  const { t } = useTranslation();
  if (overview.consents === null) return null;
  const processing = overview.consents.find((c) => c.purpose === 'processing');
  const blocked = processing !== undefined && processing.standing !== 'consent' && processing.standing !== 'override';
  return (
    <Part
      title={t('consents.title')}
      tone={blocked ? 'attention' : undefined}
      action={open && { label: t('case.glance.consents.open'), onClick: open }}
    >
      <ul className="glance-consents">
        {overview.consents.map(({ purpose, standing }) => (
          <li key={purpose}>
            <span>{t(`consents.purposes.${purpose}`)}</span>{' '}
            <span className={`consent-standing consent-standing-${standing}`}>{t(`consents.standing.${standing}`)}</span>
          </li>
        ))}
      </ul>
    </Part>
  );
}

function GroupPart({ overview, onShowGroup }: { overview: ParticipantOverview; onShowGroup: (() => void) | null }) {
  const { t } = useTranslation();
  const open = overview.enrolments.find((e) => e.endDate === null) ?? null;
  const earlier = overview.enrolments.filter((e) => e.endDate !== null).length;
  const next = overview.nextSession;
  const figures = open?.figures ?? null;
  const low = figures !== null && figures.flags.length > 0;
  return (
    <Part
      title={t('case.glance.group.title')}
      tone={low ? 'attention' : undefined}
      action={onShowGroup && { label: t('case.glance.group.show'), onClick: onShowGroup }}
    >
      {open ? (
        <>
          <p className="glance-strong">
            {t('case.glance.group.since', { name: open.cohortName, date: formatDay(open.startDate) })}
          </p>
          {open.mode === 'individual' ? (
            <p>{t('case.glance.group.individual')}</p>
          ) : (
            <p>
              {figures === null || figures.rate === null
                ? t('attendance.participant.noRate')
                : t('attendance.participant.rate', { rate: figures.rate, attended: figures.attended, counted: figures.counted })}
              {figures?.flags.map((flag) => (
                <span key={flag} className="attendance-flag">
                  {flag === 'lowRate'
                    ? t('case.glance.group.belowThreshold', { threshold: overview.attendanceThreshold })
                    : t('attendance.flags.absenceStreak', { n: figures.absenceStreak })}
                </span>
              ))}
            </p>
          )}
          {open.mode === 'group' ? (
            <p>
              {next
                ? t('case.glance.group.next', {
                    when: `${formatSessionDay(next.date)} ${formatTimeRange(next.startTime, next.endTime)}`,
                  })
                : t('case.glance.group.noNext')}
            </p>
          ) : null}
        </>
      ) : (
        <p className="detail-empty">{t('registry.cohorts.section.none')}</p>
      )}
      {earlier > 0 ? <p className="field-hint">{t('case.glance.group.earlier', { count: earlier })}</p> : null}
    </Part>
  );
}

function FollowUpsPart({ overview, open }: PartProps) {
  const { t } = useTranslation();
  const followUps = overview.followUps;
  if (followUps === null) return null;
  const overdue = followUps.lines.some((line) => line.overdue);
  return (
    <Part
      title={t('case.glance.followUps.title')}
      tone={overdue ? 'attention' : undefined}
      action={open && followUps.total > 0 ? { label: t('case.glance.followUps.open'), onClick: open } : null}
    >
      {followUps.total === 0 ? (
        <p className="detail-empty">{t('case.glance.followUps.none')}</p>
      ) : (
        <ul className="glance-follow-ups">
          {followUps.lines.map((line) => (
            <li key={line.noteId}>
              <span className="glance-strong">{line.task}</span>
              <span className="glance-meta">
                {line.overdue ? <span className="glance-overdue">{t('todayPage.followUps.overdue')}</span> : null}
                <span>{t('todayPage.followUps.due', { day: formatDay(line.due) })}</span>
                <span>
                  {line.ownerName ? t('todayPage.followUps.owner', { name: line.ownerName }) : t('todayPage.followUps.noOwner')}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {followUps.total > followUps.lines.length ? (
        <p className="field-hint">{t('case.glance.followUps.more', { count: followUps.total - followUps.lines.length })}</p>
      ) : null}
    </Part>
  );
}

function LatestNotePart({ overview, open }: PartProps) {
  const { t } = useTranslation();
  // The notes' parts come together: follow-ups are null exactly when the role may not read notes.
  if (overview.followUps === null) return null;
  const note = overview.latestNote;
  return (
    <Part title={t('case.glance.note.title')} action={open && note ? { label: t('case.glance.note.open'), onClick: open } : null}>
      {note ? (
        <>
          <p className="glance-meta">
            <span>{t('case.glance.note.meta', { date: formatDay(note.date), type: t(`notes.types.${note.type}`) })}</span>
            {note.author ? <span>{t('case.glance.note.by', { name: note.author })}</span> : null}
          </p>
          <p className="glance-preview">
            {note.preview}
            {note.more ? '…' : null}
          </p>
        </>
      ) : (
        <p className="detail-empty">{t('case.glance.note.none')}</p>
      )}
    </Part>
  );
}

/** Each draft left half-written, with a button that opens that very draft in the note form. */
function DraftsPart({ overview, openDraft }: { overview: ParticipantOverview; openDraft: ((id: string) => void) | null }) {
  const { t } = useTranslation();
  if (overview.drafts === null || overview.drafts.length === 0) return null;
  return (
    <Part title={t('todayPage.drafts.title')} tone="attention" action={null}>
      <ul>
        {overview.drafts.map((draft) => {
          const saved = t('todayPage.drafts.saved', { when: formatWhen(draft.updatedAt) });
          return (
            <li key={draft.id}>
              {openDraft ? (
                <button type="button" className="button-link" onClick={() => openDraft(draft.id)}>
                  {t('case.glance.drafts.continue', { saved })}
                </button>
              ) : (
                saved
              )}
            </li>
          );
        })}
      </ul>
    </Part>
  );
}
