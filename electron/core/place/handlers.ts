import type { Place } from '@shared/place';
import { roleHolds } from '@shared/roles';
import type { SessionInfo } from '@shared/vault';
import { AppError } from '@shared/errors';
import { findCohort } from '../cohorts/repo';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { findListedParticipant } from '../participants/repo';

/** Whether a remembered place still opens for this user: its file or group exists and the role may see it. */
function stillOpens(db: Db, session: SessionInfo, place: Place): boolean {
  switch (place.page) {
    case 'participant':
      return roleHolds(session.role, 'participants.readLimited') && findListedParticipant(db, place.id) !== undefined;
    case 'cohort':
      return roleHolds(session.role, 'programme.read') && findCohort(db, place.id) !== undefined;
    default:
      // Pages and tabs the role may not open are turned away by the renderer, with the menu's own rules.
      return true;
  }
}

/** Where the user was before a lock, kept in the main side's memory (memory.ts), never on disk. */
export const placeHandlers = {
  'place.remember': {
    kind: 'core',
    run: (input, { vault, places }) => {
      const open = vault.current;
      if (!open) throw new AppError('locked');
      places.remember(open.session.userId, input);
      return null;
    },
  },
  'place.resume': {
    kind: 'core',
    run: (_input, { vault, places }) => {
      const open = vault.current;
      if (!open) throw new AppError('locked');
      const place = places.take(open.session.userId);
      return place && stillOpens(open.db, open.session, place) ? place : null;
    },
  },
} satisfies HandlerGroup;
