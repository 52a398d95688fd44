import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { BACKUP_FORMAT_WITH_HEAD, type BackupStatus } from '@shared/backup';
import { AppError } from '@shared/errors';
import type { CoreContext } from '../handler';
import type { Db } from '../db/open';
import { readSetting } from '../settings/repo';
import { vaultFiles } from '../vault/files';
import type { OpenVault } from '../vault/vault';
import { VAULT_ID } from '../vault/vault-database';
import { openWithRawKey } from './cipher-file';
import { fileOps, withSidecars } from '../fs/file-ops';
import { backupFiles } from './files';
import { removeTemps } from './leftovers';
import { backupWorkOf, ownedCopy, wipe } from './state';
import { BACKUP_SETTINGS, clearRestoreMarker, readBackupStatus, settingsOfThisLaptop } from './status';
import { swapBack, swapIn } from './swap';
import { asWriteError } from './errors';
import { adoptRestoredChain } from '../audit/audit';

/** The restored log under this vault's chain key, in a transaction of its own before the restore's record. */
function adoptChainOf(db: Db, plainExpected: boolean): string {
  return db.transaction(() => adoptRestoredChain(db, { plainExpected }))();
}

function requireOpen(ctx: CoreContext): OpenVault {
  const open = ctx.vault.current;
  if (!open) throw new AppError('locked');
  return open;
}

function filesOf(ctx: CoreContext) {
  const dataDir = dirname(ctx.vault.databasePath);
  return { dataDir, ...vaultFiles(dataDir), ...backupFiles(dataDir) };
}

/** backup.status for the open vault. */
export function backupStatus(ctx: CoreContext): BackupStatus {
  return readBackupStatus(requireOpen(ctx).db, filesOf(ctx).previousDb, ctx.now);
}

/**
 * backup.restore: writes the inspected backup as a new database under this vault's master key (worker thread),
 * then swaps it in for polku.db, keeping the old file as polku.previous.db until the restore is kept or undone.
 * Stopped before the swap, nothing changed; the status then shows no pending restore.
 */
export async function restoreBackup(ctx: CoreContext, token: string): Promise<BackupStatus> {
  const open = requireOpen(ctx);
  const files = filesOf(ctx);
  if (existsSync(files.previousDb)) throw new AppError('restore_pending');
  const work = backupWorkOf(ctx.vault);
  const chosen = work.chosenBackup(token, { freshInstall: false, userId: open.session.userId });
  if (!chosen) throw new AppError('backup_not_inspected');
  return work.exclusive(async () => {
    const target = files.newRestoreTarget();
    const restoredAt = ctx.now.toISOString();
    const backupCreatedAt = chosen.verified.summary.createdAt;
    const settings: [string, unknown][] = [
      [VAULT_ID, readSetting(open.db, VAULT_ID)],
      ...settingsOfThisLaptop(open.db),
      [BACKUP_SETTINGS.restored, { restoredAt, backupCreatedAt }],
    ];
    const keyCopy = ownedCopy(ctx.vault.requireKey());
    const passphraseCopy = ownedCopy(chosen.passphrase);
    try {
      const restored = await work.run(
        'backup.restore',
        {
          backupPath: chosen.path,
          passphrase: passphraseCopy,
          target,
          tempList: files.tempList,
          masterKey: keyCopy,
          expectedDigest: chosen.verified.digest,
          userId: open.session.userId,
          settings,
          driver: ctx.vault.openOptions,
          faults: [...ctx.fileFaults],
        },
        {
          transfer: [keyCopy.buffer as ArrayBuffer, passphraseCopy.buffer as ArrayBuffer],
          onProgress: (done, total) => ctx.progress('restore', done, total),
        },
      );
      if (restored === null) return backupStatus(ctx);
      if (ctx.vault.current?.db !== open.db) throw new AppError('locked');
      const ops = fileOps(ctx.fileFaults);
      ctx.vault.replaceDatabase(
        () => swapIn(files, target, ops),
        () => swapBack(files, ops),
      );
      const plainExpected = chosen.verified.summary.formatVersion < BACKUP_FORMAT_WITH_HEAD;
      const chain = ctx.vault.current ? adoptChainOf(ctx.vault.current.db, plainExpected) : '';
      ctx.vault.write(
        {
          action: 'backup.restore',
          outcome: 'ok',
          detail: `backup of ${backupCreatedAt}, schema ${restored.backupSchemaVersion}, ${chain}`,
        },
        () => undefined,
      );
      work.forget();
      ctx.settingsChanged();
      ctx.progress('restore', 1, 1);
      return backupStatus(ctx);
    } finally {
      wipe(keyCopy);
      wipe(passphraseCopy);
      removeTemps(files.dataDir, [target]);
    }
  });
}

/** backup.keepRestore: the restored vault stays; the previous database is deleted. */
export function keepRestore(ctx: CoreContext): BackupStatus {
  requireOpen(ctx);
  const files = filesOf(ctx);
  if (!existsSync(files.previousDb)) throw new AppError('not_found');
  const ops = fileOps(ctx.fileFaults);
  try {
    for (const path of withSidecars(files.previousDb)) ops.remove(path);
  } catch (error) {
    throw asWriteError(error);
  }
  ctx.vault.write({ action: 'backup.keepRestore', outcome: 'ok' }, clearRestoreMarker);
  return backupStatus(ctx);
}

/**
 * backup.undoRestore: the previous database goes back in place; the restored one, and whatever was changed in
 * it since, is gone. The previous file must open under the current key before anything is moved.
 */
export function undoRestore(ctx: CoreContext): BackupStatus {
  requireOpen(ctx);
  const files = filesOf(ctx);
  if (!existsSync(files.previousDb)) throw new AppError('not_found');
  try {
    openWithRawKey(files.previousDb, ctx.vault.requireKey(), ctx.vault.openOptions, true).close();
  } catch {
    throw new AppError('db_corrupt');
  }
  const ops = fileOps(ctx.fileFaults);
  ctx.vault.replaceDatabase(
    () => swapBack(files, ops),
    () => undefined,
  );
  ctx.vault.write({ action: 'backup.undoRestore', outcome: 'ok' }, () => undefined);
  return backupStatus(ctx);
}
