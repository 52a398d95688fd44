import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_STAGES,
  type Assessment,
  type AssessmentStage,
  type Instrument,
  type StageStanding,
} from '@shared/assessments';
import { invalidateChannels } from '../../api/query';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { usePendingFocus } from '../../components/usePendingFocus';
import { formatDay } from '../../i18n/format';
import { isOneOf } from '../../i18n/keys';
import { useCan } from '../../shell/session';
import { AssessmentProgress } from './AssessmentProgress';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentView } from './AssessmentView';
import { ASSESSMENT_CHANGES } from './mutations';
import { assessmentsQuery, instrumentQuery } from './queries';
import './assessments.css';

/**
 * What the tab shows beside its list of stages: one stage read, or its form. `auto` is a stage chosen elsewhere
 * (Today's line): read when it is recorded, otherwise its form for those who may record it. `from` is where the form
 * was opened, for Cancel to go back to.
 */
type Open =
  | { stage: AssessmentStage; mode: 'read' }
  | { stage: AssessmentStage; mode: 'form'; from: 'list' | 'read' }
  | { stage: AssessmentStage; mode: 'auto' };

interface AssessmentsTabProps {
  participantId: string;
  /** A stage to open at once (from Today): its recorded assessment, or its form when it is missing. */
  openStage?: string | undefined;
}

/**
 * The participant's assessments: the five stages as a list, each with the day it was made or is due and where it
 * stands, so that a missing stage shows; a recorded stage opens to read (in the wording of its own instrument
 * version) and to edit, a missing one to record. Psychologists read only.
 */
export function AssessmentsTab({ participantId, openStage }: AssessmentsTabProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const mayWrite = useCan('assessments.write');
  const query = useQuery(assessmentsQuery(participantId));
  const [open, setOpen] = useState<Open | null>(() =>
    openStage !== undefined && isOneOf(ASSESSMENT_STAGES, openStage) ? { stage: openStage, mode: 'auto' } : null,
  );
  const [notice, setNotice] = useState<string | null>(null);

  function show(next: Open | null, focus?: string) {
    setOpen(next);
    if (focus) focusLater(focus);
  }

  function saved(assessment: Assessment) {
    setNotice(t('assessments.tab.saved', { stage: t(`assessments.stages.${assessment.stage}`) }));
    show(null, `stage:${assessment.stage}`);
    void invalidateChannels(client, ...ASSESSMENT_CHANGES);
  }

  /** What is open, with `auto` decided now that the recorded stages are known. */
  function resolved(recorded: Assessment | undefined): Open | null {
    if (open?.mode !== 'auto') return open;
    if (recorded) return { stage: open.stage, mode: 'read' };
    return mayWrite ? { stage: open.stage, mode: 'form', from: 'list' } : null;
  }

  return (
    <div ref={root} className="assessments-tab">
      <StatusMessage tone="success">{notice}</StatusMessage>
      <QueryState query={query}>
        {({ assessments, instruments, stages }) => {
          const versionOf = (version: number) => instruments.find((i) => i.version === version)!;
          const now = resolved(assessments.find((a) => a.stage === open?.stage));
          const recorded = now ? assessments.find((a) => a.stage === now.stage) : undefined;
          return (
            <>
              {now?.mode === 'form' ? (
                recorded ? (
                  <AssessmentForm
                    participantId={participantId}
                    stage={now.stage}
                    instrument={versionOf(recorded.version)}
                    editing={recorded}
                    onSaved={saved}
                    onCancel={() =>
                      now.from === 'read' ? show({ stage: now.stage, mode: 'read' }, 'edit') : show(null, `stage:${now.stage}`)
                    }
                  />
                ) : (
                  <NewAssessment
                    participantId={participantId}
                    stage={now.stage}
                    onSaved={saved}
                    onCancel={() => show(null, `stage:${now.stage}`)}
                  />
                )
              ) : now?.mode === 'read' && recorded ? (
                <AssessmentView
                  assessment={recorded}
                  instrument={versionOf(recorded.version)}
                  {...(mayWrite ? { onEdit: () => show({ stage: now.stage, mode: 'form', from: 'read' }) } : {})}
                  onClose={() => show(null, `stage:${now.stage}`)}
                />
              ) : (
                <>
                  {/* The stages first, short, so that a missing one is seen at once; then the picture of progress
                      across them, from the same answer. */}
                  <StageList
                    stages={stages}
                    mayWrite={mayWrite}
                    onOpen={(stage) => {
                      setNotice(null);
                      const isRecorded = assessments.some((a) => a.stage === stage);
                      show(isRecorded ? { stage, mode: 'read' } : { stage, mode: 'form', from: 'list' });
                    }}
                  />
                  <AssessmentProgress assessments={assessments} instruments={instruments} />
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

/** A new assessment is made with the current version of the instrument, read when the form opens. */
function NewAssessment(props: {
  participantId: string;
  stage: AssessmentStage;
  onSaved: (a: Assessment) => void;
  onCancel: () => void;
}) {
  const query = useQuery(instrumentQuery());
  return (
    <QueryState query={query}>
      {({ instrument }: { instrument: Instrument }) => <AssessmentForm {...props} instrument={instrument} editing={null} />}
    </QueryState>
  );
}

/** The five stages in order, each with its day and standing, and the button that opens it. */
function StageList({
  stages,
  mayWrite,
  onOpen,
}: {
  stages: readonly StageStanding[];
  mayWrite: boolean;
  onOpen: (stage: AssessmentStage) => void;
}) {
  const { t } = useTranslation();
  const undated = stages.every((s) => s.dueDate === null);
  return (
    <Section title={t('assessments.tab.stagesTitle')} className="assessment-stages-card">
      {undated ? <p className="field-hint">{t('assessments.tab.notEnrolled')}</p> : null}
      <ol className="assessment-stages">
        {stages.map((s) => {
          const name = t(`assessments.stages.${s.stage}`);
          const done = s.recordedOn !== null;
          return (
            <li key={s.stage} className={`assessment-stage assessment-stage-${s.status}`}>
              <span className="assessment-stage-name">{name}</span>
              <span className={`assessment-status assessment-status-${s.status}`}>{t(`assessments.statuses.${s.status}`)}</span>
              <span className="assessment-stage-day">{dayLine(s)}</span>
              <span className="assessment-stage-action">
                {done || mayWrite ? (
                  <button
                    type="button"
                    className={`button ${done ? 'button-secondary' : 'button-primary'}`}
                    data-focus-key={`stage:${s.stage}`}
                    aria-label={t(done ? 'assessments.tab.openFor' : 'assessments.tab.recordFor', { stage: name })}
                    onClick={() => onOpen(s.stage)}
                  >
                    {t(done ? 'assessments.tab.open' : 'assessments.tab.record')}
                  </button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
    </Section>
  );

  function dayLine(s: StageStanding): string {
    if (s.recordedOn !== null) return t('assessments.tab.recordedOn', { date: formatDay(s.recordedOn) });
    if (s.dueDate === null) return s.status === 'notApplicable' ? '' : t('assessments.tab.noDueDate');
    return t(s.provisional ? 'assessments.tab.dueProvisional' : 'assessments.tab.dueOn', { date: formatDay(s.dueDate) });
  }
}
