import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ErrorMessage';
import { QueryState } from '../../components/QueryState';
import { Screen } from '../../components/Screen';
import { useCan } from '../../shell/session';
import { AttendancePanel } from '../attendance/AttendancePanel';
import { CohortChangeSection } from './CohortChangeSection';
import { CohortSummaryCard } from './CohortSummaryCard';
import { MemberList } from './MemberList';
import { SessionList } from './SessionList';
import { useCohortData } from './useCohortData';
import './programme.css';

interface CohortPageProps {
  cohortId: string;
  /** The number of sessions made when the cohort was just set up; announced once. */
  created: number | null;
  onBack: () => void;
  /** A session's day whose week the attendance opens at, when the page is opened to mark it. */
  openAt?: string | undefined;
}

/**
 * One cohort: its summary and staff, then attendance (the daily task, with who is drifting away), who is enrolled,
 * the session calendar week by week, and, for those who read assessments, the group's progress from intake to exit.
 * A change made on the page refreshes what it touched.
 */
export function CohortPage({ cohortId, created, onBack, openAt }: CohortPageProps) {
  const { t } = useTranslation();
  const query = useCohortData(cohortId);
  const { data } = query;
  const canEditCohort = useCan('programme.write');
  const canEditSessions = useCan('sessions.write');
  const canEnrol = useCan('participants.write');
  const canReadAssessments = useCan('assessments.read');
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
      <QueryState query={query} loading={t('common.loading')}>
        {({ cohort, members, sessions }) => (
          <>
            <CohortSummaryCard cohort={cohort} canEdit={canEditCohort} />
            <AttendancePanel
              cohortId={cohortId}
              period={{ startDate: cohort.startDate, endDate: cohort.endDate }}
              openAt={openAt}
            />
            <MemberList cohort={cohort} members={members} canEnrol={canEnrol} />
            <SessionList cohort={cohort} sessions={sessions} canEdit={canEditSessions} />
            {canReadAssessments ? <CohortChangeSection cohortId={cohortId} /> : null}
          </>
        )}
      </QueryState>
    </Screen>
  );
}
