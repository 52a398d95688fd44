import type { SessionInfo } from '@shared/api';

// Placeholder: this screen is being written.
export function CaseScreen(_props: { session: SessionInfo; participantId: string; onBack: () => void }) {
  return null;
}
