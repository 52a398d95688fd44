import type { SessionInfo } from '@shared/api';

// Placeholder: this screen is being written.
export function FlagsTab(_props: { session: SessionInfo; participantId: string; onChanged: () => void }) {
  return null;
}
