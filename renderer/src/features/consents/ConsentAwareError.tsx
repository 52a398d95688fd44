import type { Failure } from '@shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConsentGateNotice } from './ConsentGateNotice';

/**
 * A failed save in a participant's file as a sentence; when the refusal is a missing or withdrawn consent, the
 * sentence comes with the way to where that is put right (the participant's consent register) instead of a dead end.
 */
export function ConsentAwareError({
  failure,
  participantId,
  instead,
}: {
  failure: Failure | null;
  participantId: string;
  instead?: Partial<Record<Failure['code'], string>>;
}) {
  if (failure?.code === 'consent_required') return <ConsentGateNotice participantId={participantId} alert />;
  return <ErrorMessage failure={failure} {...(instead ? { instead } : {})} />;
}
