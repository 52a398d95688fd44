/**
 * Consents: the purposes a participant consents to, and the channels of the consent register. A consent is
 * given per purpose (sharing: per named partner) and may be withdrawn; the history stays. Where a consent is
 * missing, the coordinator may allow the work anyway with a written reason (an override), which is revocable.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { isoDate, multiLine, optionalLine, optionalText, singleLine } from './text-fields';

/** What a consent is for (PROGRAMME.md): each is given, and may be withdrawn, on its own. */
export const CONSENT_PURPOSES = ['processing', 'partner_sharing', 'funder_statistics', 'photos'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_METHODS = ['signed', 'oral_with_interpreter', 'oral'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * Where a purpose stands: a consent in force, the coordinator's override in force, a consent that was
 * withdrawn (and nothing in force since), or nothing ever recorded.
 */
export const CONSENT_STANDINGS = ['consent', 'override', 'withdrawn', 'missing'] as const;
export type ConsentStandingCode = (typeof CONSENT_STANDINGS)[number];

export const PARTNER_NAME_MAX = 120;
export const WITHHOLD_FROM_MAX = 200;
export const WITHHOLD_REASON_MAX = 1000;
export const OVERRIDE_REASON = { min: 3, max: 500 } as const;
/** The earliest date a consent may carry; an earlier one is a slip in the year. */
export const CONSENT_DATE_MIN = '2000-01-01';

const purpose = z.enum(CONSENT_PURPOSES);
const participantRef = { participantId: recordId };

const consentFields = {
  ...participantRef,
  /** The day the participant gave the consent; not in the future (checked against the main side's clock). */
  givenOn: isoDate,
  method: z.enum(CONSENT_METHODS),
  /** People or organisations the information must not reach, and why. */
  withholdFrom: optionalLine(WITHHOLD_FROM_MAX).optional(),
  withholdReason: optionalText(WITHHOLD_REASON_MAX).optional(),
};

/** A consent to record; sharing names its partner, and only sharing has one. */
export const recordConsentInput = z.discriminatedUnion('purpose', [
  z.object({ ...consentFields, purpose: z.literal('partner_sharing'), partnerName: singleLine(PARTNER_NAME_MAX) }).strict(),
  z.object({ ...consentFields, purpose: z.enum(['processing', 'funder_statistics', 'photos']) }).strict(),
]);
export type RecordConsentInput = z.input<typeof recordConsentInput>;

export const withdrawConsentInput = z.object({ id: recordId, withdrawnOn: isoDate }).strict();
export const overrideInput = z
  .object({ ...participantRef, purpose, reason: multiLine(OVERRIDE_REASON.max, { min: OVERRIDE_REASON.min }) })
  .strict();

/** One consent as recorded, with the names of the staff who recorded it and its withdrawal. */
export const consentRecord = z.object({
  id: z.string(),
  purpose,
  partnerName: z.string().nullable(),
  givenOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  withholdFrom: z.string().nullable(),
  withholdReason: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawalRecordedByName: z.string().nullable(),
  withdrawalRecordedAt: z.string().nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecord>;

/** The coordinator's permission to go ahead without a consent, with the reason; revoked ones stay listed. */
export const consentOverride = z.object({
  id: z.string(),
  purpose,
  reason: z.string(),
  grantedByName: z.string().nullable(),
  grantedAt: z.string(),
  revokedByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ConsentOverride = z.infer<typeof consentOverride>;

/** One purpose of the register: its standing and every record about it, newest first. */
export const purposeRegister = z.object({
  purpose,
  standing: z.enum(CONSENT_STANDINGS),
  consents: z.array(consentRecord),
  overrides: z.array(consentOverride),
});
export type PurposeRegister = z.infer<typeof purposeRegister>;

/** A participant's consent register: every purpose, in the order of CONSENT_PURPOSES. */
export const consentRegister = z.object({ participantId: z.string(), purposes: z.array(purposeRegister) });
export type ConsentRegister = z.infer<typeof consentRegister>;

/** What a change answers: the record it made or changed, and the register as it now stands. */
const changed = z.object({ id: z.string(), register: consentRegister });

export const consentChannels = {
  /** A participant's consent register with each purpose's standing and its whole history. */
  'consents.list': channel('participants.read', z.object(participantRef).strict(), consentRegister),
  /**
   * Records a consent given on a day that is not in the future. Refused (`invalid_input`, on `purpose`) while
   * a consent for the same purpose (sharing: the same partner) is in force. Ends an override of the purpose.
   */
  'consents.record': channel('participants.write', recordConsentInput, changed),
  /** Records the withdrawal of a consent in force, on a day between the consent and today. */
  'consents.withdraw': channel('participants.write', withdrawConsentInput, changed),
  /** The coordinator allows work that needs a missing or withdrawn consent, with a reason; audited. */
  'consents.override': channel('consents.override', overrideInput, changed),
  /** Ends an override in force: the work is blocked again until a consent is recorded. */
  'consents.revokeOverride': channel('consents.override', z.object({ id: recordId }).strict(), changed),
} as const;
