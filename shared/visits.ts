/**
 * Visits: the company and school visits a cohort makes in a session, recorded for the partner visited. They say
 * what the group learned, never anything about one participant.
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';
import { optionalText } from './text-fields';

export const VISIT_TEXT_MAX = 4000;

export const VISIT_KINDS = ['company', 'school'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const visit = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionDate: z.string(),
  cohortId: z.string(),
  cohortName: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  kind: z.enum(VISIT_KINDS),
  /** What the group learned. */
  learned: z.string().nullable(),
  /** What is to be done after the visit (contacts to make, applications...), for the group. */
  followUps: z.string().nullable(),
});
export type Visit = z.infer<typeof visit>;

/** One visit a session; saving again changes it. */
export const saveVisitInput = z
  .object({
    sessionId: recordId,
    partnerId: recordId,
    kind: z.enum(VISIT_KINDS),
    learned: optionalText(VISIT_TEXT_MAX),
    followUps: optionalText(VISIT_TEXT_MAX),
  })
  .strict();
export type SaveVisitInput = z.input<typeof saveVisitInput>;

export const visitChannels = {
  /** Visits, newest first: of one partner, one cohort, or all. */
  'visits.list': channel(
    'programme.read',
    z.object({ partnerId: recordId.optional(), cohortId: recordId.optional() }).strict(),
    z.array(visit),
  ),
  /** Records (or changes) the visit made in a session. */
  'visits.save': channel('programme.write', saveVisitInput, z.object({ visit })),
  'visits.remove': channel('programme.write', z.object({ id: recordId }).strict(), z.null()),
} as const;
