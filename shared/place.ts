/**
 * Where the user is in Polku (a page, a participant's file and its tab, a group's page), so that an unlock brings
 * them back to it. The main side keeps the last place in memory only, for the user who was there; it never
 * reaches a file or the renderer's storage (docs/security.md, "Back where you were").
 */
import { z } from 'zod';
import { channel } from './channel';
import { recordId } from './participants';

/** A tab or section name; the renderer narrows it to its own list of tabs and ignores one it does not know. */
const tabName = z.string().regex(/^[a-z-]{1,40}$/);

/** The menu pages a participant's file or a group's page is opened from (the Back button returns there). */
export const PLACE_ORIGINS = ['home', 'participants', 'referrals', 'search'] as const;

export const place = z.discriminatedUnion('page', [
  z.object({ page: z.literal('home') }).strict(),
  z.object({ page: z.literal('participants') }).strict(),
  z.object({ page: z.literal('referrals') }).strict(),
  z.object({ page: z.literal('search') }).strict(),
  z.object({ page: z.literal('audit') }).strict(),
  z.object({ page: z.literal('staff') }).strict(),
  z.object({ page: z.literal('retention') }).strict(),
  z.object({ page: z.literal('settings'), section: tabName.optional() }).strict(),
  z.object({ page: z.literal('programme'), tab: tabName }).strict(),
  z.object({ page: z.literal('reports'), tab: tabName }).strict(),
  z.object({ page: z.literal('participant'), id: recordId, from: z.enum(PLACE_ORIGINS), tab: tabName.optional() }).strict(),
  z.object({ page: z.literal('cohort'), id: recordId, from: tabName }).strict(),
]);
export type Place = z.infer<typeof place>;

export const placeChannels = {
  /** The renderer tells where the user is now; kept in the main side's memory only, for the signed-in user. */
  'place.remember': channel('session', place, z.null()),
  /**
   * Right after an unlock: where the same user was when the vault locked, if they may still open it (the file
   * or the group still exists, the role still sees the page); null otherwise. Asking forgets it.
   */
  'place.resume': channel('session', z.object({}).strict(), place.nullable()),
} as const;
