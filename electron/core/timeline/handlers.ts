import type { HandlerGroup } from '../handler';
import { participantTimeline } from './timeline';

/**
 * A participant's timeline. Reading it needs no audit record of its own: opening the file (participants.get)
 * is audited, and the timeline shows only what the file's tabs show.
 */
export const timelineHandlers = {
  'timeline.participant': {
    kind: 'tx',
    run: (input, { db, session }) => ({ items: participantTimeline(db, input.participantId, session.role) }),
  },
} satisfies HandlerGroup;
