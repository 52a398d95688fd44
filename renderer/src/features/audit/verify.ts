import type { OutputOf } from '@shared/api';

export type AuditVerification = OutputOf<'audit.verify'>;

/** What the check of the log's chain means for the coordinator: a calm confirmation or a warning to act on. */
export type VerifyMessage =
  | { tone: 'intact'; key: 'audit.verify.intact'; values: { count: number } }
  | { tone: 'broken'; key: 'audit.verify.broken'; values: { row: number } };

/** The sentence to show for a result of 'audit.verify'. */
export function verifyMessage(result: AuditVerification): VerifyMessage {
  if (result.firstBadRow === null) return { tone: 'intact', key: 'audit.verify.intact', values: { count: result.rows } };
  return { tone: 'broken', key: 'audit.verify.broken', values: { row: result.firstBadRow } };
}
