import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { Partner, PartnerContact, Visit } from '@shared/programme';
import { appendAudit } from '../audit/audit';
import type { HandlerGroup } from '../handler';
import {
  deleteContact,
  deleteVisit,
  findContact,
  findPartner,
  findPartnerSummary,
  findVisit,
  fillSessionPartner,
  findSessionForVisit,
  findVisitOfSession,
  insertContact,
  insertPartner,
  insertVisit,
  listPartners,
  listVisits,
  partnerNameInUse,
  touchPartner,
  updateContact,
  updatePartner,
  updateVisit,
} from './repo';

const newId = () => randomBytes(16).toString('hex');

/** The problems of partners and visits, each a sentence under `partners.problems.<key>`; never the input itself. */
export const PARTNER_PROBLEMS = ['nameTaken', 'sessionUnknown', 'sessionCancelled', 'partnerUnknown', 'partnerInactive'] as const;
type PartnerProblem = (typeof PARTNER_PROBLEMS)[number];

const invalid = (path: string, key: PartnerProblem) =>
  new AppError('invalid_input', { issues: [{ path, i18nKey: `partners.problems.${key}` }] });

function stored<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} vanished`);
  return value;
}

/**
 * Partner organisations, their contacts, and the visits made to them in sessions. These are the programme's own
 * records and hold nothing about a participant. A partner's name is unique whatever its case, accents or spacing.
 * A visit belongs to one session (saving again changes it) and is never recorded on a cancelled session; a session
 * with no partner of its own takes the visited one.
 * Audited under 'partner' and 'visit' with ids only: no names, contact details or visit texts.
 */
export const partnerHandlers = {
  'partners.list': { kind: 'tx', run: (_input, { db }) => listPartners(db) },

  'partners.get': {
    kind: 'tx',
    run: (input, { db }): Partner => {
      const partner = findPartner(db, input.id);
      if (!partner) throw new AppError('not_found');
      return partner;
    },
  },

  'partners.save': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const at = now.toISOString();
      if (input.id === undefined) {
        if (partnerNameInUse(db, input.name, null)) throw invalid('name', 'nameTaken');
        const id = newId();
        const fields = { name: input.name, type: input.type, notes: input.notes, active: input.active ?? true };
        insertPartner(db, { id, ...fields, createdBy: session.userId, createdAt: at });
        return { partner: stored(findPartner(db, id), 'partner') };
      }
      const current = findPartnerSummary(db, input.id);
      if (!current) throw new AppError('not_found');
      if (partnerNameInUse(db, input.name, input.id)) throw invalid('name', 'nameTaken');
      updatePartner(
        db,
        input.id,
        { name: input.name, type: input.type, notes: input.notes, active: input.active ?? current.active },
        at,
      );
      return { partner: stored(findPartner(db, input.id), 'partner') };
    },
    audit: (input, output) => ({
      action: 'partners.save',
      entity: 'partner',
      entityId: output.partner.id,
      detail: input.id === undefined ? 'created' : 'updated',
    }),
  },

  'partners.saveContact': {
    kind: 'tx',
    run: (input, { db, now }) => {
      if (!findPartnerSummary(db, input.partnerId)) throw new AppError('not_found');
      const fields = { name: input.name, role: input.role, phone: input.phone, email: input.email };
      let id = input.id;
      if (id === undefined) {
        id = newId();
        insertContact(db, { id, partnerId: input.partnerId, ...fields });
      } else {
        // A contact is edited under its own partner only; it never moves to another.
        if (findContact(db, id)?.partnerId !== input.partnerId) throw new AppError('not_found');
        updateContact(db, id, fields);
      }
      touchPartner(db, input.partnerId, now.toISOString());
      return { contact: stored<PartnerContact>(findContact(db, id), 'contact') };
    },
    audit: (input, output) => ({
      action: 'partners.saveContact',
      entity: 'partner',
      entityId: output.contact.partnerId,
      detail: `contact:${output.contact.id}${input.id === undefined ? ':created' : ''}`,
    }),
  },

  'partners.removeContact': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const contact = findContact(db, input.id);
      if (!contact) throw new AppError('not_found');
      deleteContact(db, contact.id);
      touchPartner(db, contact.partnerId, now.toISOString());
      // Recorded here rather than by an audit hook: only the stored contact knows its partner.
      appendAudit(
        db,
        {
          userId: session.userId,
          action: 'partners.removeContact',
          entity: 'partner',
          entityId: contact.partnerId,
          outcome: 'ok',
          detail: `contact:${contact.id}`,
        },
        now,
      );
      return null;
    },
  },

  'visits.list': { kind: 'tx', run: (input, { db }) => listVisits(db, input) },

  'visits.save': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const target = findSessionForVisit(db, input.sessionId);
      if (target === undefined) throw invalid('sessionId', 'sessionUnknown');
      if (target.state === 'cancelled') throw invalid('sessionId', 'sessionCancelled');
      const partner = findPartnerSummary(db, input.partnerId);
      if (!partner) throw invalid('partnerId', 'partnerUnknown');
      const existing = findVisitOfSession(db, input.sessionId);
      // A partner marked inactive is no longer chosen anew, but one the session or its visit already names stays.
      const alreadyChosen = input.partnerId === existing?.partnerId || input.partnerId === target.partnerId;
      if (!partner.active && !alreadyChosen) throw invalid('partnerId', 'partnerInactive');
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
      return { visit: stored<Visit>(findVisit(db, id), 'visit') };
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
