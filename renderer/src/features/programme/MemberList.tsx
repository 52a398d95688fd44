import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortDetail, CohortMember } from '@shared/cohorts';
import { StatusMessage } from '../../components/ErrorMessage';
import { FoldToggle } from './FoldToggle';
import { formatDay } from '../../i18n/format';
import { EnrolParticipantsForm } from './EnrolParticipantsForm';

interface MemberListProps {
  cohort: CohortDetail;
  members: readonly CohortMember[];
  /** Whether the reader may enrol participants (participants.write). */
  canEnrol: boolean;
}

/**
 * Everyone enrolled in the cohort, as the reader may see them (first name and code for a teacher), and for those
 * who may, "Add participants": several at once from the group's page.
 */
export function MemberList({ cohort, members, canEnrol }: MemberListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Folded by default: the attendance grid above already names everyone; the dates and outcomes are one click away.
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const shown = open || members.length === 0;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId} className="programme-week-heading programme-members-heading">
          {members.length === 0 ? (
            t('programme.members.title')
          ) : (
            <FoldToggle
              open={open}
              onToggle={setOpen}
              controls={tableId}
              title={t('programme.members.title')}
              counts={t('programme.members.count', { count: members.filter((m) => m.endDate === null).length })}
            />
          )}
        </h2>
        {canEnrol && !adding ? (
          <button
            ref={addButton}
            type="button"
            className="button button-secondary"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('programme.enrol.open')}
          </button>
        ) : null}
      </div>
      <StatusMessage tone="success">{notice}</StatusMessage>
      {adding ? (
        <EnrolParticipantsForm
          cohort={cohort}
          onDone={(message) => {
            setAdding(false);
            setNotice(message);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : null}
      {members.length === 0 ? (
        <p className="detail-empty">{t('programme.members.none')}</p>
      ) : (
        <table id={tableId} hidden={!shown} className="programme-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('programme.members.name')}</th>
              <th scope="col">{t('programme.members.pseudonym')}</th>
              <th scope="col">{t('programme.members.dates')}</th>
              <th scope="col">{t('programme.members.mode')}</th>
              <th scope="col">{t('programme.members.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.enrolmentId}>
                <th scope="row">{m.displayName}</th>
                <td>{m.pseudonym}</td>
                <td>
                  {m.endDate
                    ? t('programme.members.period', { start: formatDay(m.startDate), end: formatDay(m.endDate) })
                    : t('programme.members.since', { start: formatDay(m.startDate) })}
                </td>
                <td>{t(`programme.mode.${m.mode}`)}</td>
                <td>{m.outcome ? t(`participant.status.${m.outcome}`) : t('programme.members.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
