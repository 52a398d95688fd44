/**
 * Retention of closed case files: the coordinator sets how many years a closed file is kept; afterwards it is due
 * for deletion. Nothing is deleted on its own: the coordinator sees the due list and confirms, and each file is
 * then erased as participants.delete erases one (every row, search index and earlier version; a tombstone in the
 * audit log). The period ends on the same calendar day N years after the closing (29 February: on 28 February of
 * a common year), and the file is due from that day on.
 */
import { z } from 'zod';
import { channel } from './channel';
import { participantId } from './participants';
import { rule } from './text-fields';

/** Years a closed file is kept; 0 means the rule is off (the default). */
export const RETENTION_YEARS = { off: 0, min: 1, max: 30 } as const;
/** The most files one confirmation erases. */
export const RETENTION_ERASE_MAX = 500;

export const retentionYears = z
  .number()
  .int()
  .refine((n) => n === RETENTION_YEARS.off || (n >= RETENTION_YEARS.min && n <= RETENTION_YEARS.max), rule('retention_years'));

export const retentionSetting = z.object({ years: retentionYears });
export type RetentionSetting = z.infer<typeof retentionSetting>;

/** A closed file past its retention period. Dates are calendar days (YYYY-MM-DD) in the computer's time zone. */
export const dueFile = z.object({
  participantId: z.string(),
  pseudonym: z.string(),
  closedAt: z.string(),
  closedOn: z.string(),
  dueSince: z.string(),
});
export type DueFile = z.infer<typeof dueFile>;

export const dueList = z.object({ years: z.number().int(), today: z.string(), files: z.array(dueFile) });
export type DueList = z.infer<typeof dueList>;

export const eraseDueInput = z
  .object({
    participantIds: z.array(participantId).min(1).max(RETENTION_ERASE_MAX),
    /** The number of files typed back, as a check of intent. */
    confirmCount: z.number().int().min(0).max(RETENTION_ERASE_MAX),
  })
  .strict()
  .refine(
    (value) => new Set(value.participantIds).size === value.participantIds.length,
    rule('duplicate_values', ['participantIds']),
  );

export const retentionChannels = {
  /** The retention rule; anyone signed in may read it. */
  'retention.get': channel('session', z.object({}).strict(), retentionSetting),
  /** Sets the rule (0 = off). Coordinator only. */
  'retention.set': channel('settings.write', retentionSetting.strict(), retentionSetting),
  /** Closed files whose retention period has ended, oldest closing first; empty while the rule is off. */
  'retention.due': channel('participants.delete', z.object({}).strict(), dueList),
  /**
   * Erases the chosen due files in one transaction, each with its own tombstone, then one `retention.erase`
   * record with the count. Refused with `invalid_input` (confirmCount) unless the count is typed back, and with
   * `retention_not_due` (nothing erased) when any chosen file is not due any more.
   */
  'retention.erase': channel('participants.delete', eraseDueInput, z.object({ erased: z.number().int() })),
} as const;
