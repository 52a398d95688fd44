import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import { roleHolds } from '@shared/roles';
import { CohortList } from './CohortList';
import { NewCohortForm } from './NewCohortForm';

interface CohortsPanelProps {
  session: SessionInfo;
  onOpenCohort: (cohortId: string, created?: number) => void;
}

/** The cohorts tab: every cohort, and "New cohort" for staff who set cohorts up. */
export function CohortsPanel({ session, onOpenCohort }: CohortsPanelProps) {
  const { t } = useTranslation();
  const canCreate = roleHolds(session.role, 'programme.write');
  const [creating, setCreating] = useState(false);

  return (
    <div className="cohorts-panel">
      {canCreate && !creating ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('programme.cohorts.new')}
          </button>
        </div>
      ) : null}
      {creating ? (
        <NewCohortForm
          session={session}
          onCreated={(cohortId, sessions) => onOpenCohort(cohortId, sessions)}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <CohortList onOpen={(id) => onOpenCohort(id)} />
    </div>
  );
}
