import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/Screen';
import { useSession } from '../../shell/session';
import { Tabs } from '../case/Tabs';
import { FunderReportPanel } from './FunderReportPanel';
import { ProgrammeReportPanel } from './ProgrammeReportPanel';
import { reportTabsFor, type ReportTab } from './reportTabs';
import './reports.css';

interface ReportsScreenProps {
  tab: ReportTab;
  onTab: (tab: ReportTab) => void;
}

/** The reports the role may produce: counts only, each in a tab of its own once there is more than one. */
export function ReportsScreen({ tab, onTab }: ReportsScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const panels: Record<ReportTab, () => ReactNode> = {
    funder: () => <FunderReportPanel />,
    programme: () => <ProgrammeReportPanel />,
  };
  const tabs = reportTabsFor(session.role);
  const only = tabs.length === 1 ? tabs[0] : undefined;
  // A place remembered for another role's tab opens the first this role may see.
  const selected = tabs.includes(tab) ? tab : (tabs[0] ?? tab);
  return (
    <Screen name="reports" title={t('reports.screen.title')} className="reports-screen">
      {only ? (
        panels[only]()
      ) : (
        <Tabs
          label={t('reports.screen.tabs.label')}
          selected={selected}
          onSelect={onTab}
          tabs={tabs.map((key) => ({ key, label: t(`reports.screen.tabs.${key}`), render: panels[key] }))}
        />
      )}
    </Screen>
  );
}
