import type { SessionInfo } from '@shared/api';

// Placeholder: this screen is being written.
export function NewParticipantScreen(_props: {
  session: SessionInfo;
  onCreated: (participantId: string) => void;
  onCancel: () => void;
  onOpen: (participantId: string) => void;
}) {
  return null;
}
