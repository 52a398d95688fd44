import type { SessionInfo } from '@shared/api';

// Placeholder: this screen is being written.
export function NotesTab(_props: { session: SessionInfo; participantId: string }) {
  return null;
}
