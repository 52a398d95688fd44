import type { InputOf } from '@shared/api';

export type Outcome = 'ok' | 'denied' | 'failed';
export const OUTCOMES: readonly Outcome[] = ['ok', 'denied', 'failed'];

/** The filters the coordinator has applied; absent means "any". Dates are ISO date-times already. */
export interface AuditQuery {
  userId?: string;
  participantId?: string;
  action?: string;
  outcome?: Outcome;
  from?: string;
  to?: string;
}

/** The 'audit.list' input for a query, one page further back than `beforeId` when given. */
export function listInput(query: AuditQuery, beforeId?: number): InputOf<'audit.list'> {
  const { participantId, ...rest } = query;
  return {
    ...rest,
    ...(participantId ? { entity: 'participant', entityId: participantId } : {}),
    ...(beforeId === undefined ? {} : { beforeId }),
  };
}
