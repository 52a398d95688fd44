import type { SessionInfo } from '@shared/api';

// Placeholder: this screen is being written.
export function RegistryScreen(_props: { session: SessionInfo; onOpen: (participantId: string) => void; onCreate: () => void }) {
  return null;
}
