import type { SessionInfo } from '@shared/api';

// Placeholder: this screen is being written.
export function SearchScreen(_props: { session: SessionInfo; onOpen: (participantId: string) => void }) {
  return null;
}
