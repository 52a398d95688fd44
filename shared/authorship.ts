/**
 * Who made a record and who changed it last, and when: the six fields a note, a psychosocial entry and an
 * assessment carry alike. The names are the accounts' current ones; null when the account is gone.
 */
import { z } from 'zod';

export const authorship = {
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  updatedByName: z.string().nullable(),
};
export type Authorship = z.infer<z.ZodObject<typeof authorship>>;
