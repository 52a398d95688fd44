import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shell/session';
import { CohortList } from './CohortList';
import { NewCohortForm } from './NewCohortForm';

interface CohortsPanelProps {
  onOpenCohort: (cohortId: string, created?: number) => void;
}

/** The cohorts tab: every cohort, and "New cohort" for staff who set cohorts up. */
export function CohortsPanel({ onOpenCohort }: CohortsPanelProps) {
  const { t } = useTranslation();
  const canCreate = useCan('programme.write');
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
        <NewCohortForm onCreated={(cohortId, sessions) => onOpenCohort(cohortId, sessions)} onCancel={() => setCreating(false)} />
      ) : null}
      <CohortList onOpen={(id) => onOpenCohort(id)} />
    </div>
  );
}
