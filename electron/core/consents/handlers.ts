import { randomBytes } from 'node:crypto';
import { CONSENT_DATE_MIN, type ConsentPurpose } from '@shared/consents';
import { dayOf } from '@shared/days';
import { AppError } from '@shared/errors';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { foldText } from '../participants/keys';
import { findParticipant } from '../participants/repo';
import { consentStanding } from './guard';
import { consentRegisterOf } from './register';
import {
  findConsent,
  findOverride,
  insertConsent,
  insertOverride,
  listConsents,
  listOverrides,
  markRevoked,
  markWithdrawn,
} from './repo';

const newId = () => randomBytes(16).toString('hex');

/** A refusal shown next to one field of the form; the key is a sentence under `consents.problems`. */
function problem(path: string, key: string): AppError {
  return new AppError('invalid_input', { issues: [{ path, i18nKey: `consents.problems.${key}` }] });
}

/** A day that is neither in the future nor before `earliest` (ISO dates compare as text). */
function assertDay(path: string, day: string, earliest: string, earliestKey: string, now: Date): void {
  if (day > dayOf(now)) throw problem(path, 'future');
  if (day < earliest) throw problem(path, earliestKey);
}

function assertParticipant(db: Db, participantId: string): void {
  if (!findParticipant(db, participantId)) throw new AppError('not_found');
}

/** Partner names are compared as people read them: case, accents and extra spaces aside. */
function samePartner(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : foldText(a) === foldText(b);
}

/**
 * Ends the purpose's overrides in force when a consent is recorded: an override stands in for a missing
 * consent only, and left in force it would lift the block again after a later withdrawal.
 */
function endOverrides(db: Db, participantId: string, purpose: ConsentPurpose, userId: string, now: Date): void {
  for (const override of listOverrides(db, participantId)) {
    if (override.purpose !== purpose || override.revokedAt !== null) continue;
    markRevoked(db, override.id, userId, now.toISOString());
    appendAudit(
      db,
      {
        userId,
        action: 'consents.revokeOverride',
        entity: 'participant',
        entityId: participantId,
        outcome: 'ok',
        detail: `override:${override.id}`,
      },
      now,
    );
  }
}

/**
 * The consent register. Nothing is deleted: consents are withdrawn and overrides revoked, each with who and
 * when. Every change is audited as `consent:<id>` or `override:<id>` under the participant, without content.
 */
export const consentHandlers = {
  'consents.list': {
    kind: 'tx',
    run: (input, { db }) => {
      assertParticipant(db, input.participantId);
      return consentRegisterOf(db, input.participantId);
    },
  },

  'consents.record': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { participantId, purpose } = input;
      assertParticipant(db, participantId);
      assertDay('givenOn', input.givenOn, CONSENT_DATE_MIN, 'tooEarly', now);
      const partnerName = input.purpose === 'partner_sharing' ? input.partnerName : null;
      const inForce = listConsents(db, participantId).some(
        (c) => c.purpose === purpose && c.withdrawnOn === null && samePartner(c.partnerName, partnerName),
      );
      if (inForce) throw problem('purpose', purpose === 'partner_sharing' ? 'partnerInForce' : 'consentInForce');
      const id = newId();
      insertConsent(db, {
        id,
        participantId,
        purpose,
        partnerName,
        givenOn: input.givenOn,
        method: input.method,
        withholdFrom: input.withholdFrom ?? null,
        withholdReason: input.withholdReason ?? null,
        recordedBy: session.userId,
        recordedAt: now.toISOString(),
      });
      endOverrides(db, participantId, purpose, session.userId, now);
      return { id, register: consentRegisterOf(db, participantId) };
    },
    audit: (input, output) => ({
      action: 'consents.record',
      entity: 'participant',
      entityId: input.participantId,
      detail: `consent:${output.id}`,
    }),
  },

  'consents.withdraw': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const consent = findConsent(db, input.id);
      if (!consent) throw new AppError('not_found');
      if (consent.withdrawnOn !== null) throw problem('id', 'alreadyWithdrawn');
      assertDay('withdrawnOn', input.withdrawnOn, consent.givenOn, 'beforeGiven', now);
      markWithdrawn(db, consent.id, input.withdrawnOn, session.userId, now.toISOString());
      return { id: consent.id, register: consentRegisterOf(db, consent.participantId) };
    },
    audit: (_input, output) => ({
      action: 'consents.withdraw',
      entity: 'participant',
      entityId: output.register.participantId,
      detail: `consent:${output.id}`,
    }),
  },

  'consents.override': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const { participantId, purpose } = input;
      assertParticipant(db, participantId);
      const standing = consentStanding(db, participantId, purpose);
      if (standing === 'consent') throw problem('purpose', 'overrideNotNeeded');
      if (standing === 'override') throw problem('purpose', 'overrideInForce');
      const id = newId();
      insertOverride(db, {
        id,
        participantId,
        purpose,
        reason: input.reason,
        grantedBy: session.userId,
        grantedAt: now.toISOString(),
      });
      return { id, register: consentRegisterOf(db, participantId) };
    },
    audit: (input, output) => ({
      action: 'consents.override',
      entity: 'participant',
      entityId: input.participantId,
      detail: `override:${output.id}`,
    }),
  },

  'consents.revokeOverride': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const override = findOverride(db, input.id);
      if (!override) throw new AppError('not_found');
      if (override.revokedAt !== null) throw problem('id', 'alreadyRevoked');
      markRevoked(db, override.id, session.userId, now.toISOString());
      return { id: override.id, register: consentRegisterOf(db, override.participantId) };
    },
    audit: (_input, output) => ({
      action: 'consents.revokeOverride',
      entity: 'participant',
      entityId: output.register.participantId,
      detail: `override:${output.id}`,
    }),
  },
} satisfies HandlerGroup;
