import type { HandlerGroup } from '../handler';
import { createBackup } from './create';
import { inspectBackup } from './inspect';
import { backupStatus, keepRestore, restoreBackup, undoRestore } from './restore';
import { backupWorkOf } from './state';
import { writeReminderDays } from './status';

export const backupHandlers = {
  'backup.create': { kind: 'core', run: (input, ctx) => createBackup(ctx, input.passphrase, input.currentPassphrase) },
  'backup.cancel': { kind: 'core', run: (_input, { vault }) => (backupWorkOf(vault).stop(), null) },
  'backup.status': { kind: 'core', run: (_input, ctx) => backupStatus(ctx) },
  'backup.setReminder': {
    kind: 'core',
    run: (input, ctx) => {
      ctx.vault.write({ action: 'backup.setReminder', outcome: 'ok', detail: `${input.days} days` }, (db) =>
        writeReminderDays(db, input.days),
      );
      return backupStatus(ctx);
    },
  },
  'backup.inspect': { kind: 'core', run: (input, ctx) => inspectBackup(ctx, input.passphrase) },
  'backup.restore': { kind: 'core', run: (input, ctx) => restoreBackup(ctx, input.token) },
  'backup.keepRestore': { kind: 'core', run: (_input, ctx) => keepRestore(ctx) },
  'backup.undoRestore': { kind: 'core', run: (_input, ctx) => undoRestore(ctx) },
} satisfies HandlerGroup;
