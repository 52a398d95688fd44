import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import type { LimitedParticipant, Participant, ParticipantView } from '@shared/participants';
import { QueryState } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { useCan, useSession } from '../../shell/session';
import { AssessmentsTab } from '../assessments/AssessmentsTab';
import { ConsentsTab } from '../consents/ConsentsTab';
import { FlagsTab } from '../flags/FlagsTab';
import { SafetyBanner } from '../flags/SafetyBanner';
import { NotesTab } from '../notes/NotesTab';
import { participantLabels } from '../participants/participantLabels';
import { PlanTab } from '../plans/PlanTab';
import { PrintDialog } from '../print/PrintDialog';
import { PsychosocialTab } from '../psychosocial/PsychosocialTab';
import { ReferralsTab } from '../referrals/ReferralsTab';
import { caseTabsFor, type CaseTab } from './caseTabs';
import { FUNDER_DATA } from '../participation/queries';
import { OverviewTab } from './OverviewTab';
import { ParticipantGlance } from './ParticipantGlance';
import { participantQuery } from './queries';
import { Tabs, type TabSpec } from './Tabs';
import { TimelineTab } from './TimelineTab';
import './case.css';

interface CaseScreenProps {
  participantId: string;
  onBack: () => void;
  /** The tab shown; the app holds it, so that an unlock comes back to it and a notice can open another. */
  tab: CaseTab;
  onTab: (tab: CaseTab) => void;
  /**
   * The record the tab opens in its form, chosen elsewhere (the start page, the overview): a note draft's id on the
   * notes tab, a stage on the assessments tab.
   */
  openRecord?: string;
}

/** The name to call the participant by: the preferred name, else the first name. */
function nameOf(participant: Participant | LimitedParticipant): string | null {
  return ('preferredName' in participant ? participant.preferredName : null) ?? participant.firstName;
}

/**
 * What the limited view (teachers) shows: the pseudonym code, the first name and the cohort, and of the overview only
 * the group's attendance and next session (the main side leaves out everything else for the role).
 */
function LimitedOverview({ participant }: { participant: LimitedParticipant }) {
  const { t } = useTranslation();
  return (
    <>
      <ParticipantGlance participantId={participant.id} active tabs={[]} onOpenTab={() => undefined} onShowGroup={null} />
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
    </>
  );
}

/**
 * A participant's whole file: a header with the code, name and status, the safety banner under it on every
 * tab, and one tab for each part of the file the reader's role may see. Opening it is audited (participants.get).
 */
export function CaseScreen({ participantId, onBack, tab, onTab, openRecord }: CaseScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const label = participantLabels(t);
  const record = participantQuery(participantId);
  const query = useQuery(record);
  const view = query.data ?? null;
  // The record a tab opens in its form: the start page's or the overview's choice, for the tab it was chosen on
  // only. Each choice remounts the tab (n), so the same record chosen again is opened again.
  const [recordToOpen, setRecordToOpen] = useState({ tab, id: openRecord, n: 0 });
  const recordOf = (key: CaseTab) => (recordToOpen.tab === key ? recordToOpen.id : undefined);
  const [printing, setPrinting] = useState<'open' | 'closed' | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const tabsBox = useRef<HTMLDivElement>(null);
  const [tabOpened, setTabOpened] = useState(0);

  // A part of the overview that opens another tab leaves the focus on that tab, as choosing it by hand would.
  useEffect(() => {
    if (tabOpened > 0) tabsBox.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, [tabOpened]);

  // Back to the print button once the dialog has closed (while it is open, everything behind it is inert).
  useEffect(() => {
    if (printing === 'closed') printButton.current?.focus();
  }, [printing]);
  const readsWholeFile = useCan('participants.read');

  const participant = view?.participant ?? null;
  const name = participant ? nameOf(participant) : null;
  const title = participant
    ? name
      ? t('case.titleWithName', { pseudonym: participant.pseudonym, name })
      : participant.pseudonym
    : t('case.title');

  // The saved record is the answer of the change: reading it again would be audited as opening the file again.
  function changed(next: Participant) {
    client.setQueryData<ParticipantView>(record.queryKey, { view: 'full', participant: next });
  }

  function panel(key: CaseTab, full: Participant) {
    switch (key) {
      case 'overview':
        return (
          <OverviewTab
            participant={full}
            onChanged={changed}
            onDeleted={onBack}
            active={tab === 'overview'}
            openFunderData={recordOf('overview') === FUNDER_DATA}
            tabs={caseTabsFor(session.role)}
            onOpenTab={(key, record) => {
              if (record) setRecordToOpen(({ n }) => ({ tab: key, id: record, n: n + 1 }));
              onTab(key);
              setTabOpened((n) => n + 1);
            }}
          />
        );
      case 'timeline':
        return <TimelineTab participantId={participantId} active={tab === 'timeline'} />;
      case 'consents':
        return <ConsentsTab participantId={participantId} />;
      case 'flags':
        return <FlagsTab participantId={participantId} />;
      case 'notes': {
        const draft = recordOf('notes');
        return <NotesTab key={recordToOpen.n} participantId={participantId} {...(draft ? { openDraft: draft } : {})} />;
      }
      case 'assessments':
        return <AssessmentsTab key={recordToOpen.n} participantId={participantId} openStage={recordOf('assessments')} />;
      case 'plan':
        return <PlanTab participantId={participantId} pseudonym={participant?.pseudonym ?? ''} />;
      case 'psychosocial':
        return <PsychosocialTab participantId={participantId} />;
      case 'referrals':
        return <ReferralsTab participantId={participantId} />;
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
      {readsWholeFile && view ? <SafetyBanner participantId={participantId} /> : null}
      <QueryState query={query} loading={t('case.loading')}>
        {(shown) =>
          shown.view === 'limited' ? (
            <LimitedOverview participant={shown.participant} />
          ) : (
            <div ref={tabsBox}>
              <Tabs label={t('case.tabsLabel')} tabs={tabs} selected={tab} onSelect={onTab} />
            </div>
          )
        }
      </QueryState>
    </Screen>
  );
}
