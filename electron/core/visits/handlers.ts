import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { HandlerGroup } from '../handler';
import { partnerProblem } from '../partners/problems';
import {
  deleteVisit,
  fillSessionPartner,
  findPartnerSummary,
  findSessionForVisit,
  findVisit,
  findVisitOfSession,
  insertVisit,
  listVisits,
  updateVisit,
} from '../partners/repo';

const newId = () => randomBytes(16).toString('hex');

/**
 * The company and school visits made to partners in sessions, kept with the partners' records (partners/repo.ts).
 * A visit belongs to one session (saving again changes it) and is never recorded on a cancelled session; a
 * session with no partner of its own takes the visited one. Audited under 'visit' with ids only, never its texts.
 */
export const visitHandlers = {
  'visits.list': { kind: 'tx', run: (input, { db }) => listVisits(db, input) },

  'visits.save': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const target = findSessionForVisit(db, input.sessionId);
      if (target === undefined) throw partnerProblem('sessionId', 'sessionUnknown');
      if (target.state === 'cancelled') throw partnerProblem('sessionId', 'sessionCancelled');
      const partner = findPartnerSummary(db, input.partnerId);
      if (!partner) throw partnerProblem('partnerId', 'partnerUnknown');
      const existing = findVisitOfSession(db, input.sessionId);
      // A partner marked inactive is no longer chosen anew, but one the session or its visit already names stays.
      const alreadyChosen = input.partnerId === existing?.partnerId || input.partnerId === target.partnerId;
      if (!partner.active && !alreadyChosen) throw partnerProblem('partnerId', 'partnerInactive');
      const fields = { partnerId: input.partnerId, kind: input.kind, learned: input.learned, followUps: input.followUps };
      const at = now.toISOString();
      let id = existing?.id;
      if (id === undefined) {
        id = newId();
        insertVisit(db, { id, sessionId: input.sessionId, ...fields, createdBy: session.userId, createdAt: at });
      } else {
        updateVisit(db, id, fields, at);
      }
      fillSessionPartner(db, input.sessionId, input.partnerId, at);
      const visit = findVisit(db, id);
      if (!visit) throw new Error('visit vanished');
      return { visit };
    },
    audit: (input, output) => ({
      action: 'visits.save',
      entity: 'visit',
      entityId: output.visit.id,
      detail: `session:${input.sessionId}`,
    }),
  },

  'visits.remove': {
    kind: 'tx',
    run: (input, { db }) => {
      if (!deleteVisit(db, input.id)) throw new AppError('not_found');
      return null;
    },
    audit: (input) => ({ action: 'visits.remove', entity: 'visit', entityId: input.id }),
  },
} satisfies HandlerGroup;
