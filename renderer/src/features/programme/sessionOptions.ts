/** The choices of a session's form: topics and the people who can lead it. */
import { useTranslation } from 'react-i18next';
import type { CohortDetail } from '@shared/cohorts';
import { SESSION_TOPICS, type Session } from '@shared/sessions';
import type { SelectOption } from '../../components/SelectField';

/** "Not decided" and the programme's twelve topics. */
export function useTopicOptions(): SelectOption[] {
  const { t } = useTranslation();
  return [
    { value: '', label: t('programme.sessions.noTopic') },
    ...SESSION_TOPICS.map((topic) => ({ value: topic, label: t(`programme.topics.${topic}`) })),
  ];
}

/**
 * "Not decided" and the cohort's staff; the session's facilitator stays a choice when no longer on the staff,
 * so that changing another field keeps them.
 */
export function useFacilitatorOptions(cohort: CohortDetail, session?: Session): SelectOption[] {
  const { t } = useTranslation();
  const staff = cohort.staff.map((s) => ({ value: s.userId, label: s.displayName }));
  const current =
    session?.facilitatorId && !cohort.staff.some((s) => s.userId === session.facilitatorId)
      ? [{ value: session.facilitatorId, label: session.facilitatorName ?? session.facilitatorId }]
      : [];
  return [{ value: '', label: t('programme.sessions.noFacilitator') }, ...current, ...staff];
}

export function topicOf(value: string): Session['topic'] {
  return SESSION_TOPICS.find((topic) => topic === value) ?? null;
}
