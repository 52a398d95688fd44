import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import type { Failure } from '@shared/errors';
import type { LimitedParticipant, Participant, ParticipantView } from '@shared/participants';
import { roleHolds } from '@shared/roles';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { ConsentsTab } from '../consents/ConsentsTab';
import { FlagsTab } from '../flags/FlagsTab';
import { SafetyBanner } from '../flags/SafetyBanner';
import { NotesTab } from '../notes/NotesTab';
import { participantLabels } from '../participants/participantLabels';
import { PrintDialog } from '../print/PrintDialog';
import { PsychosocialTab } from '../psychosocial/PsychosocialTab';
import { caseTabsFor, type CaseTab } from './caseTabs';
import { OverviewTab } from './OverviewTab';
import { Tabs, type TabSpec } from './Tabs';
import { TimelineTab } from './TimelineTab';
import './case.css';

interface CaseScreenProps {
  session: SessionInfo;
  participantId: string;
  onBack: () => void;
}

/** The name to call the participant by: the preferred name, else the first name. */
function nameOf(participant: Participant | LimitedParticipant): string | null {
  return ('preferredName' in participant ? participant.preferredName : null) ?? participant.firstName;
}

/** What the limited view (teachers) shows: the pseudonym code, the first name and the cohort, nothing more. */
function LimitedOverview({ participant }: { participant: LimitedParticipant }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <dl className="participant-details">
        <div className="detail">
          <dt>{t('case.limited.pseudonym')}</dt>
          <dd>{participant.pseudonym}</dd>
        </div>
        <div className="detail">
          <dt>{t('participant.fields.firstName')}</dt>
          <dd className={participant.firstName ? undefined : 'detail-empty'}>
            {participant.firstName ?? t('participant.notRecorded')}
          </dd>
        </div>
        <div className="detail">
          <dt>{t('registry.columns.cohort')}</dt>
          <dd className={participant.cohortName ? undefined : 'detail-empty'}>
            {participant.cohortName ?? t('registry.cohorts.section.none')}
          </dd>
        </div>
      </dl>
      <p className="field-hint">{t('case.limited.note')}</p>
    </section>
  );
}

/**
 * A participant's whole file: a header with the code, name and status, the safety banner under it on every
 * tab, and one tab for each part of the file the reader's role may see. Opening it is audited (participants.get).
 */
export function CaseScreen({ session, participantId, onBack }: CaseScreenProps) {
  const { t } = useTranslation();
  const label = participantLabels(t);
  const [view, setView] = useState<ParticipantView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [tab, setTab] = useState<CaseTab>('overview');
  const [bannerKey, setBannerKey] = useState(0);
  const [printing, setPrinting] = useState<'open' | 'closed' | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);

  // Back to the print button once the dialog has closed (while it is open, everything behind it is inert).
  useEffect(() => {
    if (printing === 'closed') printButton.current?.focus();
  }, [printing]);
  const readsWholeFile = roleHolds(session.role, 'participants.read');

  useEffect(() => {
    let live = true;
    void invoke('participants.get', { id: participantId }).then((result) => {
      if (!live) return;
      if (result.ok) setView(result.value);
      else setFailure(result);
    });
    return () => {
      live = false;
    };
  }, [participantId]);

  const participant = view?.participant ?? null;
  const name = participant ? nameOf(participant) : null;
  const title = participant
    ? name
      ? t('case.titleWithName', { pseudonym: participant.pseudonym, name })
      : participant.pseudonym
    : t('case.title');

  function changed(next: Participant) {
    setView({ view: 'full', participant: next });
  }

  function panel(key: CaseTab, full: Participant) {
    switch (key) {
      case 'overview':
        return <OverviewTab session={session} participant={full} onChanged={changed} onDeleted={onBack} />;
      case 'timeline':
        return <TimelineTab session={session} participantId={participantId} active={tab === 'timeline'} />;
      case 'consents':
        return <ConsentsTab session={session} participantId={participantId} />;
      case 'flags':
        return <FlagsTab session={session} participantId={participantId} onChanged={() => setBannerKey((n) => n + 1)} />;
      case 'notes':
        return <NotesTab session={session} participantId={participantId} />;
      case 'psychosocial':
        return <PsychosocialTab session={session} participantId={participantId} />;
    }
  }

  const tabs: TabSpec<CaseTab>[] =
    view?.view === 'full'
      ? caseTabsFor(session.role).map((key) => ({
          key,
          label: t(`case.tabs.${key}`),
          render: () => panel(key, view.participant),
        }))
      : [];

  return (
    <Screen name="participant" title={title} className="case-screen">
      <div className="case-header">
        {view?.view === 'full' ? (
          <p className="case-facts">
            <span className={`status-badge status-${view.participant.status}`}>
              <span className="visually-hidden">{t('case.statusLabel')} </span>
              {label.status(view.participant.status)}
            </span>
            {view.participant.responsibleCaseworkerName ? (
              <span>{t('case.responsible', { name: view.participant.responsibleCaseworkerName })}</span>
            ) : null}
          </p>
        ) : (
          <span />
        )}
        <div className="case-header-actions">
          {view?.view === 'full' ? (
            <button
              ref={printButton}
              type="button"
              className="button button-secondary"
              aria-haspopup="dialog"
              onClick={() => setPrinting('open')}
            >
              {t('print.open')}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={onBack}>
            {t('case.back')}
          </button>
        </div>
      </div>
      {printing === 'open' && view?.view === 'full' ? (
        <PrintDialog participantId={participantId} pseudonym={view.participant.pseudonym} onClose={() => setPrinting('closed')} />
      ) : null}
      {readsWholeFile && view ? <SafetyBanner participantId={participantId} refreshKey={bannerKey} /> : null}
      <ErrorMessage failure={failure} />
      {view === null ? (
        failure ? null : (
          <p role="status" className="loading">
            {t('case.loading')}
          </p>
        )
      ) : view.view === 'limited' ? (
        <LimitedOverview participant={view.participant} />
      ) : (
        <Tabs label={t('case.tabsLabel')} tabs={tabs} selected={tab} onSelect={setTab} />
      )}
    </Screen>
  );
}
