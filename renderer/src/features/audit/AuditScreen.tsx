import type { SessionInfo } from '@shared/api';

// Placeholder: this screen is being written.
export function AuditScreen(_props: { session: SessionInfo }) {
  return null;
}
