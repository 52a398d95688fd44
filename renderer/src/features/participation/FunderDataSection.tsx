import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EXIT_SITUATIONS, type Participation } from '@shared/participation';
import { Detail } from '../../components/Details';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { useChannelAction } from '../../components/useChannelAction';
import { formatDay } from '../../i18n/format';
import { useCan } from '../../shell/session';
import { participantLabels } from '../participants/participantLabels';
import { ExitForm, FollowUpForm } from './FunderForms';
import { PARTICIPATION_CHANGES } from './mutations';
import { participationQuery } from './queries';
import './participation.css';

interface FunderDataSectionProps {
  participantId: string;
  /** Opened (and its heading focused) when the file is opened for it, from Today's follow-ups. */
  openAtStart: boolean;
}

type Part = 'exit' | 'followUp';

/**
 * The funder's data of the participation, folded on the file's overview: at entry (read from the intake and the first
 * enrolment), the situation at exit and the six-month follow-up, each recorded with its day by those who change
 * files. What is not recorded says that it is reported as not known.
 */
export function FunderDataSection({ participantId, openAtStart }: FunderDataSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(openAtStart);
  const query = useQuery({ ...participationQuery(participantId), enabled: open });

  useEffect(() => {
    if (!openAtStart) return;
    heading.current?.setAttribute('tabindex', '-1');
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [openAtStart]);

  return (
    <details className="card funder-data" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <h2 id={headingId} ref={heading}>
          {t('participation.title')}
        </h2>
      </summary>
      <section aria-labelledby={headingId}>
        <p className="field-hint">{t('participation.intro')}</p>
        <QueryState query={query}>{(data) => <FunderData participation={data.participation} />}</QueryState>
      </section>
    </details>
  );
}

function FunderData({ participation: p }: { participation: Participation }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('participants.write');
  const [editing, setEditing] = useState<Part | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const clearing = useChannelAction({ invalidates: PARTICIPATION_CHANGES });
  const label = participantLabels(t);

  // The saved participation is the answer: put it on screen at once (the list is marked stale for the rest).
  function saved(part: Part, next: Participation) {
    client.setQueryData(participationQuery(p.participantId).queryKey, { participation: next });
    setEditing(null);
    setNotice(t(part === 'exit' ? 'participation.exit.saved' : 'participation.followUp.saved'));
  }

  function clear(part: Part) {
    setNotice(null);
    void clearing.run('participation.clear', { participantId: p.participantId, part }, (value) => {
      client.setQueryData(participationQuery(p.participantId).queryKey, value);
      setNotice(t(part === 'exit' ? 'participation.exit.cleared' : 'participation.followUp.cleared'));
    });
  }

  const exitSituation = p.exit
    ? EXIT_SITUATIONS.filter((s) => p.exit?.[s]).map((s) => t(`participation.exitSituations.${s}`))
    : [];
  const followUp = p.followUp;

  return (
    <>
      <div className="participant-details">
        <section className="detail-group">
          <h3>{t('participation.entry.title')}</h3>
          <dl>
            <Detail
              label={t('participation.entry.entryDate')}
              value={p.entryDate ? formatDay(p.entryDate) : t('participation.entry.notEntered')}
            />
            <Detail label={t('participation.entry.ageClass')} value={t(`participation.ageClasses.${p.entry.ageClass}`)} />
            <Detail
              label={t('participant.fields.labourMarketStatusAtEntry')}
              value={p.entry.labourMarketStatus && label.labourMarketStatusAtEntry(p.entry.labourMarketStatus)}
            />
            <Detail
              label={t('participant.fields.educationIsced')}
              value={p.entry.education && label.educationIsced(p.entry.education)}
            />
          </dl>
          <p className="field-hint">{t('participation.entry.fromIntake')}</p>
        </section>

        <section className="detail-group">
          <h3>{t('participation.exit.title')}</h3>
          <dl>
            <Detail
              label={t('participation.exit.exitDate')}
              value={p.exitDate ? formatDay(p.exitDate) : p.entryDate ? t('participation.exit.stillEnrolled') : null}
            />
            {p.exit ? (
              <>
                <Detail label={t('participation.exit.checkedOn')} value={formatDay(p.exit.checkedOn)} />
                <Detail
                  label={t('participation.exit.situation')}
                  value={exitSituation.length > 0 ? exitSituation.join(', ') : t('participation.exit.none')}
                />
              </>
            ) : (
              <Detail label={t('participation.exit.situation')} value={t('participation.exit.notRecorded')} />
            )}
          </dl>
          {editing === 'exit' ? (
            <ExitForm participation={p} onSaved={(next) => saved('exit', next)} onCancel={() => setEditing(null)} />
          ) : canWrite && p.entryDate ? (
            <PartButtons
              recorded={p.exit !== null}
              labels={{
                record: t('participation.exit.record'),
                edit: t('participation.exit.edit'),
                clear: t('participation.exit.clear'),
              }}
              onEdit={() => {
                setNotice(null);
                setEditing('exit');
              }}
              onClear={() => clear('exit')}
              busy={clearing.busy}
            />
          ) : null}
        </section>

        <section className="detail-group">
          <h3>{t('participation.followUp.title')}</h3>
          <p>
            {p.followUpDue
              ? t('participation.followUp.due', { day: formatDay(p.followUpDue) })
              : t('participation.followUp.noExit')}
          </p>
          <dl>
            {followUp ? (
              <>
                <Detail label={t('participation.followUp.checkedOn')} value={formatDay(followUp.checkedOn)} />
                <Detail
                  label={t('participation.followUp.outcome')}
                  value={t(`participation.followUpOutcomes.${followUp.outcome}`)}
                />
                {followUp.outcome === 'reached' ? (
                  <>
                    <Detail
                      label={t('participation.exitSituations.employed')}
                      value={label.yesNoUnknown(followUp.employed ? 'yes' : 'no')}
                    />
                    <Detail
                      label={t('participation.followUp.improved')}
                      value={label.yesNoUnknown(followUp.improved ? 'yes' : 'no')}
                    />
                  </>
                ) : null}
              </>
            ) : (
              <Detail label={t('participation.followUp.outcome')} value={t('participation.followUp.notRecorded')} />
            )}
          </dl>
          {editing === 'followUp' ? (
            <FollowUpForm participation={p} onSaved={(next) => saved('followUp', next)} onCancel={() => setEditing(null)} />
          ) : canWrite && p.exitDate ? (
            <PartButtons
              recorded={followUp !== null}
              labels={{
                record: t('participation.followUp.record'),
                edit: t('participation.followUp.edit'),
                clear: t('participation.followUp.clear'),
              }}
              onEdit={() => {
                setNotice(null);
                setEditing('followUp');
              }}
              onClear={() => clear('followUp')}
              busy={clearing.busy}
            />
          ) : null}
        </section>
      </div>
      <StatusMessage tone="success">{notice}</StatusMessage>
      {clearing.failure ? <ErrorMessage failure={clearing.failure} /> : null}
    </>
  );
}

/** Record (or correct) a part, and take a recorded one away. */
function PartButtons({
  recorded,
  labels,
  onEdit,
  onClear,
  busy,
}: {
  recorded: boolean;
  labels: { record: string; edit: string; clear: string };
  onEdit: () => void;
  onClear: () => void;
  busy: boolean;
}): ReactNode {
  return (
    <div className="funder-buttons">
      <button type="button" className="button button-secondary" onClick={onEdit}>
        {recorded ? labels.edit : labels.record}
      </button>
      {recorded ? (
        <button type="button" className="button button-danger-quiet" aria-disabled={busy} onClick={busy ? undefined : onClear}>
          {labels.clear}
        </button>
      ) : null}
    </div>
  );
}
