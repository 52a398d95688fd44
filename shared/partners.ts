/**
 * Partner organisations of the programme and their contact people: the programme's own records, with the
 * visits made to them (shared/visits.ts).
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { email, optionalLine, optionalText, phone, singleLine } from './text-fields';
import { visit } from './visits';

export const PARTNER_NAME_MAX = 120;
export const PARTNER_NOTES_MAX = 4000;

export const PARTNER_TYPES = [
  'victimSupportNgo',
  'otherNgo',
  'authority',
  'employmentServices',
  'socialServices',
  'receptionCentre',
  'employer',
  'school',
  'other',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const partnerContact = z.object({
  id: z.string(),
  partnerId: z.string(),
  name: z.string(),
  /** Their title or role at the partner, e.g. "HR manager". */
  role: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type PartnerContact = z.infer<typeof partnerContact>;

export const partnerSummary = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  active: z.boolean(),
  contacts: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
});
export type PartnerSummary = z.infer<typeof partnerSummary>;

export const partner = partnerSummary.extend({
  notes: z.string().nullable(),
  contactList: z.array(partnerContact),
  visitList: z.array(visit),
});
export type Partner = z.infer<typeof partner>;

export const savePartnerInput = z
  .object({
    /** Absent for a new partner. */
    id: recordId.optional(),
    name: singleLine(PARTNER_NAME_MAX),
    type: z.enum(PARTNER_TYPES),
    notes: optionalText(PARTNER_NOTES_MAX),
    active: z.boolean().optional(),
  })
  .strict();
export type SavePartnerInput = z.input<typeof savePartnerInput>;

export const saveContactInput = z
  .object({
    id: recordId.optional(),
    partnerId: recordId,
    name: singleLine(120),
    role: optionalLine(120),
    phone,
    email,
  })
  .strict();
export type SaveContactInput = z.input<typeof saveContactInput>;

export const partnerChannels = {
  /** Every partner organisation, active first, by name. */
  'partners.list': channel('programme.read', z.object({}).strict(), z.array(partnerSummary)),
  'partners.get': channel('programme.read', z.object({ id: recordId }).strict(), partner),
  /** Adds or changes a partner; a name in use (case ignored) is refused on `name`. */
  'partners.save': channel('programme.write', savePartnerInput, z.object({ partner })),
  'partners.saveContact': channel('programme.write', saveContactInput, z.object({ contact: partnerContact })),
  'partners.removeContact': channel('programme.write', z.object({ id: recordId }).strict(), z.null()),
} as const;
