import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { Partner, PartnerContact } from '@shared/partners';
import { appendAudit } from '../audit/audit';
import type { HandlerGroup } from '../handler';
import { partnerProblem } from './problems';
import {
  deleteContact,
  findContact,
  findPartner,
  findPartnerSummary,
  insertContact,
  insertPartner,
  listPartners,
  partnerNameInUse,
  touchPartner,
  updateContact,
  updatePartner,
} from './repo';

const newId = () => randomBytes(16).toString('hex');

function stored<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} vanished`);
  return value;
}

/**
 * Partner organisations and their contacts (the visits made to them: visits/handlers.ts). These are the
 * programme's own records and hold nothing about a participant. A partner's name is unique whatever its case,
 * accents or spacing. Audited under 'partner' with ids only: no names or contact details.
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
        if (partnerNameInUse(db, input.name, null)) throw partnerProblem('name', 'nameTaken');
        const id = newId();
        const fields = { name: input.name, type: input.type, notes: input.notes, active: input.active ?? true };
        insertPartner(db, { id, ...fields, createdBy: session.userId, createdAt: at });
        return { partner: stored(findPartner(db, id), 'partner') };
      }
      const current = findPartnerSummary(db, input.id);
      if (!current) throw new AppError('not_found');
      if (partnerNameInUse(db, input.name, input.id)) throw partnerProblem('name', 'nameTaken');
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
} satisfies HandlerGroup;
