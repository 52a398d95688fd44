import { dayOf } from '@shared/days';
import { AppError } from '@shared/errors';
import type { DueList } from '@shared/retention';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { eraseParticipants, refuseWhileRestorePending } from '../participants/erasure';
import { dueFiles } from './due';
import { closedFiles, readRetentionYears, writeRetentionYears } from './repo';

function dueList(db: Db, now: Date): DueList {
  const years = readRetentionYears(db);
  const today = dayOf(now);
  return { years, today, files: dueFiles(closedFiles(db), years, today) };
}

/**
 * Retention of closed files (shared/retention.ts). The due list is computed when asked, never acted on alone:
 * erasing takes the coordinator's confirmation, and erases each file as participants.delete does.
 */
export const retentionHandlers = {
  'retention.get': { kind: 'tx', run: (_input, { db }) => ({ years: readRetentionYears(db) }) },

  'retention.set': {
    kind: 'tx',
    run: (input, { db }) => {
      writeRetentionYears(db, input.years);
      return { years: readRetentionYears(db) };
    },
    audit: (input) => ({ action: 'retention.set', entity: 'settings', detail: `years:${input.years}` }),
  },

  'retention.due': { kind: 'tx', run: (_input, { db, now }) => dueList(db, now) },

  // A core handler: the wipe of old page images (participants/erasure.ts) must run after the deletion has committed.
  'retention.erase': {
    kind: 'core',
    run: (input, { vault, now }) => {
      const open = vault.current;
      if (!open) throw new AppError('locked');
      refuseWhileRestorePending(vault);
      const { db, session } = open;
      const ids = input.participantIds;
      const closing = { action: 'retention.erase', detail: `erased:${ids.length}` };
      eraseParticipants(db, ids, { userId: session.userId, now, closing }, () => {
        if (input.confirmCount !== ids.length)
          throw new AppError('invalid_input', { issues: [{ path: 'confirmCount', i18nKey: 'retention.confirm.mismatch' }] });
        // Checked in the erasing transaction: a file deleted or a rule changed meanwhile refuses the whole request.
        const due = new Set(dueList(db, now).files.map((file) => file.participantId));
        if (!ids.every((id) => due.has(id))) throw new AppError('retention_not_due');
      });
      return { erased: ids.length };
    },
  },
} satisfies HandlerGroup;
