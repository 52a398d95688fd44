import { randomBytes } from 'node:crypto';
import { dayOf } from '@shared/days';
import { AppError, type FieldIssue } from '@shared/errors';
import {
  FOLLOW_UP_MAX,
  PARTNER_REFERRALS_MAX,
  REFERRAL_PAGE_SIZE,
  REFERRAL_DATE_MIN,
  REFERRAL_STATUSES,
  type PartnerReferrals,
  type Referral,
} from '@shared/referrals';
import { roleHolds } from '@shared/roles';
import { requireConsent } from '../consents/guard';
import { programmeName } from '../participants/projection';
import type { Db } from '../db/open';
import { get, sql } from '../db/sql';
import type { HandlerGroup } from '../handler';
import { participantNamer } from '../participants/names';
import { requireSharing } from './gate';
import { referralLetterHandlers } from './letter-handlers';
import { assertMove, SHARING_MOVES } from './lifecycle';
import {
  findReferral,
  insertReferral,
  listReferrals,
  recordMove,
  referralsOfPartner,
  replaceDraft,
  type DraftContent,
  type EventContent,
} from './repo';
import { searchReferrals } from './search';

const newId = () => randomBytes(16).toString('hex');

function requireParticipant(db: Db, participantId: string): void {
  if (!get(db, sql`SELECT 1 FROM participants WHERE id = ${participantId}`)) throw new AppError('not_found');
}

function existing(db: Db, id: string, now: Date): Referral {
  const found = findReferral(db, id, dayOf(now));
  if (!found) throw new AppError('not_found');
  return found;
}

function stored(db: Db, id: string, now: Date): Referral {
  const found = findReferral(db, id, dayOf(now));
  if (!found) throw new Error('referral vanished');
  return found;
}

const refuse = (issues: FieldIssue[]) => {
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
};

type DraftInput = Omit<DraftContent, 'partnerName' | 'contactName'>;

/**
 * A draft's content as stored: the partner and the contact person named from the register (the contact must be
 * the partner's), the summary required when it is among the shared fields, the follow-up date within range.
 */
function draftContent(db: Db, input: DraftInput): DraftContent {
  const issues: FieldIssue[] = [];
  const partner = get<{ name: string }>(db, sql`SELECT name FROM partners WHERE id = ${input.partnerId}`);
  if (!partner) issues.push({ path: 'partnerId', i18nKey: 'referrals.errors.partnerUnknown' });
  let contactName: string | null = null;
  if (input.contactId !== null) {
    const contact = get<{ name: string }>(
      db,
      sql`SELECT name FROM partner_contacts WHERE id = ${input.contactId} AND partner_id = ${input.partnerId}`,
    );
    if (contact) contactName = contact.name;
    else issues.push({ path: 'contactId', i18nKey: 'referrals.errors.contactNotOfPartner' });
  }
  if (input.sharedFields.includes('summary') && input.summary === null)
    issues.push({ path: 'summary', i18nKey: 'referrals.errors.summaryRequired' });
  const f = input.followUpOn;
  if (f !== null && (f < REFERRAL_DATE_MIN || f > FOLLOW_UP_MAX))
    issues.push({ path: 'followUpOn', i18nKey: 'referrals.errors.followUpOutOfRange' });
  refuse(issues);
  return { ...input, partnerName: partner!.name, contactName };
}

/**
 * A move's day: not in the future, not before the referral's previous move past the draft (a referral sent by
 * telephone yesterday may be drafted and recorded as sent today).
 */
function assertMoveDay(referral: Referral, date: string, now: Date): void {
  const issues: FieldIssue[] = [];
  const last = referral.events.filter((e) => e.status !== 'draft').at(-1)?.date ?? REFERRAL_DATE_MIN;
  if (date > dayOf(now)) issues.push({ path: 'date', i18nKey: 'referrals.errors.dateInFuture' });
  else if (date < last) issues.push({ path: 'date', i18nKey: 'referrals.errors.beforeLastStep' });
  refuse(issues);
}

/** Audit records about a referral belong to its participant; the detail is the referral's id, never its content. */
const referralAudit = (action: string, referral: Referral) => ({
  action,
  entity: 'participant',
  entityId: referral.participantId,
  detail: `referral:${referral.id}`,
});

/** The audit action of each move; a send under the coordinator's override has its own. */
const MOVE_ACTIONS = {
  sent: 'referrals.send',
  accepted: 'referrals.accept',
  declined: 'referrals.decline',
  completed: 'referrals.complete',
  withdrawn: 'referrals.withdraw',
} as const;

/**
 * Referrals onward. Creating and editing a draft needs the participant's consent to processing (or the
 * override); marking one sent needs a `partner_sharing` consent for its partner, or the override for partner
 * sharing (gate.ts). Every write is audited with ids only; reads are not, since opening the file is.
 */
export const referralHandlers = {
  'referrals.list': {
    kind: 'tx',
    run: (input, { db, now }) => {
      requireParticipant(db, input.participantId);
      return { referrals: listReferrals(db, input.participantId, dayOf(now)) };
    },
  },

  'referrals.get': {
    kind: 'tx',
    run: (input, { db, now }) => ({ referral: existing(db, input.id, now) }),
  },

  // Not audited, as the registry's pages are not: a line names the participant and the partner, no content; the
  // texts are read (and the file opening audited) only when the file is opened.
  'referrals.search': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { sort = 'followUpOn', direction = 'asc', offset = 0, limit = REFERRAL_PAGE_SIZE.default, ...filters } = input;
      const { rows, total } = searchReferrals(db, { ...filters, sort, direction, offset, limit, today: dayOf(now) });
      return {
        rows: rows.map(({ firstName, lastName, ...row }) => ({
          ...row,
          participantName: programmeName(session.role, {
            id: row.participantId,
            pseudonym: row.pseudonym,
            firstName,
            lastName,
            cohortName: null,
          }).displayName,
        })),
        total,
      };
    },
  },

  'referrals.create': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { participantId, ...fields } = input;
      requireParticipant(db, participantId);
      const content = draftContent(db, fields);
      requireConsent(db, participantId, 'processing');
      const id = newId();
      const at = now.toISOString();
      insertReferral(db, { id, participantId, content, at, by: session.userId });
      const created: EventContent = {
        status: 'draft',
        date: dayOf(now),
        reason: null,
        outcome: null,
        outcomeText: null,
        standing: null,
      };
      recordMove(db, { referralId: id, event: created, at, by: session.userId });
      return { referral: stored(db, id, now) };
    },
    audit: (_input, output) => referralAudit('referrals.create', output.referral),
  },

  'referrals.update': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { id, ...fields } = input;
      const before = existing(db, id, now);
      if (before.status !== 'draft')
        throw new AppError('invalid_transition', {
          field: 'status',
          issues: [{ path: 'status', i18nKey: 'referrals.errors.notDraft' }],
        });
      const content = draftContent(db, fields);
      requireConsent(db, before.participantId, 'processing');
      const changed = JSON.stringify(draftOf(before)) !== JSON.stringify(content);
      if (changed) replaceDraft(db, id, content, now.toISOString(), session.userId);
      return { referral: stored(db, id, now), changed };
    },
    audit: (_input, output) => (output.changed ? referralAudit('referrals.update', output.referral) : null),
  },

  'referrals.transition': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const before = existing(db, input.id, now);
      assertMove(before.status, input.to);
      assertMoveDay(before, input.date, now);
      const event: EventContent = {
        status: input.to,
        date: input.date,
        reason: input.to === 'declined' || input.to === 'withdrawn' ? input.reason : null,
        outcome: input.to === 'completed' ? input.outcome : null,
        outcomeText: input.to === 'completed' ? input.outcomeText : null,
        standing: null,
      };
      if (input.to === 'completed' && input.outcome === 'other' && input.outcomeText === null)
        refuse([{ path: 'outcomeText', i18nKey: 'referrals.errors.outcomeTextRequired' }]);
      let followUpOn: string | null | undefined;
      if (input.to === 'sent') {
        followUpOn = input.followUpOn;
        if (followUpOn !== undefined && followUpOn !== null && (followUpOn < input.date || followUpOn > FOLLOW_UP_MAX))
          refuse([{ path: 'followUpOn', i18nKey: 'referrals.errors.followUpOutOfRange' }]);
      }
      if (SHARING_MOVES.has(input.to)) event.standing = requireSharing(db, before.participantId, before.partnerName);
      recordMove(db, { referralId: before.id, event, followUpOn, at: now.toISOString(), by: session.userId });
      return { referral: stored(db, before.id, now) };
    },
    audit: (input, output) => {
      const standing = output.referral.events.at(-1)?.standing;
      const action = input.to === 'sent' && standing === 'override' ? 'referrals.sendUnderOverride' : MOVE_ACTIONS[input.to];
      return referralAudit(action, output.referral);
    },
  },

  'referrals.byPartner': {
    kind: 'tx',
    run: (input, { db, session, now }): PartnerReferrals => {
      if (!get(db, sql`SELECT 1 FROM partners WHERE id = ${input.partnerId}`)) throw new AppError('not_found');
      const { rows, counts } = referralsOfPartner(db, {
        partnerId: input.partnerId,
        today: dayOf(now),
        limit: PARTNER_REFERRALS_MAX,
      });
      const inOrder = REFERRAL_STATUSES.flatMap((status) => counts.filter((c) => c.status === status));
      const total = counts.reduce((sum, c) => sum + c.count, 0);
      // A role that may not read referrals (a teacher) learns how many, never whose.
      if (!roleHolds(session.role, 'referrals.read')) return { counts: inOrder, total, referrals: null };
      const nameOf = participantNamer(db, session.role);
      const referrals = rows.flatMap((row) => {
        const named = nameOf(row.participantId);
        return named ? [{ ...row, ...named }] : [];
      });
      return { counts: inOrder, total, referrals };
    },
  },

  /** The referral letter (letter-handlers.ts, the document in print/referral-letter.ts). */
  ...referralLetterHandlers,
} satisfies HandlerGroup;

/** A stored draft's content in the order draftContent() builds it, to tell whether an edit changed anything. */
function draftOf(r: Referral): DraftContent {
  return {
    partnerId: r.partnerId ?? '',
    contactId: r.contactId,
    serviceType: r.serviceType,
    urgency: r.urgency,
    reason: r.reason,
    message: r.message,
    sharedFields: r.sharedFields,
    summary: r.summary,
    followUpOn: r.followUpOn,
    partnerName: r.partnerName,
    contactName: r.contactName,
  };
}
