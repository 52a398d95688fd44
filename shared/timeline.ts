/** A participant's timeline: everything about them, newest first, as the reader's role may see it. */
import { z } from 'zod';
import { channel } from './channel';
import { participantId } from './participants';

export const TIMELINE_KINDS = [
  'note',
  'psychosocial',
  /** A referral moved to a status (its label): drafted, sent, answered, completed or withdrawn. */
  'referral',
  'consent_given',
  'consent_withdrawn',
  'consent_override',
  'flag_set',
  'flag_cleared',
  /** The participant's file was made in Polku. */
  'participant_created',
  /** The participant moved along the status workflow. */
  'status_changed',
  /** The career and study plan was saved (each version one entry). */
  'plan_saved',
  /** An assessment was made (on its day; the label is its stage). */
  'assessment_recorded',
  /** An assessment was corrected (its last save; the label is its stage). */
  'assessment_updated',
  /** The situation at exit was recorded (on the day it was asked). */
  'exit_situation_recorded',
  /** The six-month follow-up was recorded (on the day of the contact; the label is its outcome). */
  'follow_up_recorded',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineItem = z.object({
  kind: z.enum(TIMELINE_KINDS),
  /** The id of the record the item is about (note, entry, consent, flag, participant, plan, assessment). */
  id: z.string(),
  /** When it happened: a date (YYYY-MM-DD) or an ISO date-time. */
  at: z.string(),
  /** Who recorded it (current name of the member of staff); null if unknown. */
  byName: z.string().nullable(),
  /** A code the interface translates: note type, consent purpose, flag kind, meeting kind, assessment stage. */
  label: z.string(),
  /** A short preview the reader may see; never a psychosocial private note unless the reader is a psychologist. */
  text: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItem>;

export const timelineChannels = {
  /** Everything about one participant, newest first, as the reader's role may see it. */
  'timeline.participant': channel(
    'participants.read',
    z.object({ participantId }).strict(),
    z.object({ items: z.array(timelineItem) }),
  ),
} as const;
