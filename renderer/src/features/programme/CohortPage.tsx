import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/vault';
import { roleHolds } from '@shared/roles';
import { ErrorMessage, StatusMessage } from '../../components/ErrorMessage';
import { Screen } from '../../components/Screen';
import { AttendancePanel } from '../attendance/AttendancePanel';
import { CohortSummaryCard } from './CohortSummaryCard';
import { MemberList } from './MemberList';
import { SessionList } from './SessionList';
import { useCohortData } from './useCohortData';
import './programme.css';

interface CohortPageProps {
  session: SessionInfo;
  cohortId: string;
  /** The number of sessions made when the cohort was just set up; announced once. */
  created: number | null;
  onBack: () => void;
}

/**
 * One cohort: its summary and staff, then attendance (the daily task, with who is drifting away), who is enrolled,
 * and the session calendar week by week.
 */
export function CohortPage({ session, cohortId, created, onBack }: CohortPageProps) {
  const { t } = useTranslation();
  const { data, failure, reload } = useCohortData(cohortId);
  // Shown once the cohort has loaded: the status region is there (empty) before, so screen readers announce it.
  const notice = created !== null && data ? t('programme.cohort.created', { count: created }) : null;

  return (
    <Screen name="cohort" title={data ? data.cohort.name : t('programme.cohort.title')} className="programme-screen">
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('programme.cohort.back')}
        </button>
      </div>
      <StatusMessage tone="success">{notice}</StatusMessage>
      <ErrorMessage failure={failure} />
      {data ? (
        <>
          <CohortSummaryCard
            session={session}
            cohort={data.cohort}
            canEdit={roleHolds(session.role, 'programme.write')}
            onChanged={reload}
          />
          <AttendancePanel
            cohortId={cohortId}
            session={session}
            calendarVersion={data.sessions}
            period={{ startDate: data.cohort.startDate, endDate: data.cohort.endDate }}
          />
          <MemberList members={data.members} />
          <SessionList
            user={session}
            cohort={data.cohort}
            sessions={data.sessions}
            canEdit={roleHolds(session.role, 'sessions.write')}
            onChanged={reload}
          />
        </>
      ) : failure ? null : (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
    </Screen>
  );
}
