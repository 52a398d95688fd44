/** The audit log: who did what and when, append-only and hash-chained; read and checked by the coordinator. */
import { z } from 'zod';
import { channel } from './channel';
import { isoDateTime } from './text-fields';
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
  /** Recomputes the audit log's hash chain. */
  'audit.verify': channel('audit.read', empty, z.object({ rows: z.number().int(), firstBadRow: z.number().int().nullable() })),
} as const;
