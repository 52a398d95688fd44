/** The audit log: who did what and when, append-only and hash-chained; read and checked by the coordinator. */
import { z } from 'zod';
import { channel } from './channel';
import { isoDateTime, rule } from './text-fields';
import { userId } from './users';

export const AUDIT_PAGE_SIZE = { default: 100, max: 500 } as const;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  /** The user's current name; null for events without a user (failed unlocks). */
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  detail: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

const empty = z.object({}).strict();

/** How many hex digits of a row's hash a checkpoint noted on paper carries (shown in groups of four). */
export const CHECKPOINT_CODE_DIGITS = 16;
/** A checkpoint's code as typed from paper: spaces and capitals allowed, compared as 16 lower-case hex digits. */
export const checkpointCode = z
  .string()
  .max(40)
  .transform((text) => text.replace(/\s+/g, '').toLowerCase())
  .refine((code) => new RegExp(`^[0-9a-f]{${CHECKPOINT_CODE_DIGITS}}$`).test(code), rule('checkpoint_code'));

export const auditChannels = {
  /** The audit log, newest first, filtered; `beforeId` pages further back. Coordinator only. */
  'audit.list': channel(
    'audit.read',
    z
      .object({
        userId: userId.optional(),
        action: z.string().max(64).optional(),
        entity: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        outcome: z.enum(['ok', 'denied', 'failed']).optional(),
        from: isoDateTime.optional(),
        to: isoDateTime.optional(),
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(AUDIT_PAGE_SIZE.max).optional(),
      })
      .strict(),
    z.object({ entries: z.array(auditEntry), hasMore: z.boolean() }),
  ),
  /**
   * Compares a checkpoint noted on paper (an audit row's number and its code, as the integrity check showed them)
   * with the log as it is: whether that row is still there with that hash.
   */
  'audit.checkpoint': channel(
    'audit.read',
    z.object({ row: z.number().int().positive(), code: checkpointCode }).strict(),
    z.object({ matches: z.boolean() }),
  ),
  /** Recomputes the audit log's hash chain. */
  'audit.verify': channel('audit.read', empty, z.object({ rows: z.number().int(), firstBadRow: z.number().int().nullable() })),
} as const;
