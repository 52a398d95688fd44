import type { Role } from '@shared/roles';
import type { Db } from '../db/open';
import { programmeName } from './projection';
import { findListedParticipant } from './repo';

export type ProgrammeName = ReturnType<typeof programmeName>;

/**
 * Names participants by id as `role` may see them in lists (programmeName), each looked up once however many
 * lines name them; undefined for a participant who is gone.
 */
export function participantNamer(db: Db, role: Role): (participantId: string) => ProgrammeName | undefined {
  const names = new Map<string, ProgrammeName | undefined>();
  return (participantId) => {
    if (!names.has(participantId)) {
      const participant = findListedParticipant(db, participantId);
      names.set(participantId, participant ? programmeName(role, participant) : undefined);
    }
    return names.get(participantId);
  };
}
