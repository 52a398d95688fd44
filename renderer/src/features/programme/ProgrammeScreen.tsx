import { useTranslation } from 'react-i18next';

import { Screen } from '../../components/Screen';
import { Tabs } from '../case/Tabs';
import { PartnersPanel } from '../partners/PartnersPanel';
import { CohortsPanel } from './CohortsPanel';
import { WeekPanel } from './WeekPanel';
import './programme.css';

import type { ProgrammeTab } from './programmeTabs';

export type { ProgrammeTab } from './programmeTabs';

interface ProgrammeScreenProps {
  tab: ProgrammeTab;
  onTab: (tab: ProgrammeTab) => void;
  /** Opens a cohort's page; `created` is the number of sessions when the cohort was just set up. */
  onOpenCohort: (cohortId: string, created?: number) => void;
}

/** The coaching programme: the cohorts, the week's sessions across them, and the partner organisations. */
export function ProgrammeScreen({ tab, onTab, onOpenCohort }: ProgrammeScreenProps) {
  const { t } = useTranslation();
  return (
    <Screen name="programme" title={t('programme.title')} className="programme-screen">
      <Tabs
        label={t('programme.tabs.label')}
        selected={tab}
        onSelect={onTab}
        tabs={[
          {
            key: 'cohorts',
            label: t('programme.tabs.cohorts'),
            render: () => <CohortsPanel onOpenCohort={onOpenCohort} />,
          },
          {
            key: 'week',
            label: t('programme.tabs.week'),
            render: () => <WeekPanel onOpenCohort={(id) => onOpenCohort(id)} />,
          },
          { key: 'partners', label: t('programme.tabs.partners'), render: () => <PartnersPanel /> },
        ]}
      />
    </Screen>
  );
}
