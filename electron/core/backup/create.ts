import { basename, dirname } from 'node:path';
import { APP_VERSION } from '@shared/app-version';
import { BACKUP_EXTENSION } from '@shared/backup';
import { AppError } from '@shared/errors';
import type { CoreContext } from '../handler';
import { readSetting } from '../settings/repo';
import { assertPassphraseAcceptable } from '../vault/passphrase-policy';
import { VAULT_ID } from '../vault/vault-database';
import { passphraseBytes } from './cipher-file';
import { removeIfExists } from '../fs/atomic';
import { backupTempPath } from '../fs/temp-files';
import { backupFiles } from './files';
import { removeTemps } from './leftovers';
import { backupWorkOf, ownedCopy, wipe } from './state';
import { recordBackup } from './status';

type CreateResult = { status: 'cancelled' } | { status: 'done'; fileName: string; createdAt: string; bytes: number };

/**
 * backup.create: asks for the caller's own passphrase again (a backup copies the whole vault), then where to save; a worker thread writes and verifies the backup in a temp file beside the
 * destination and renames it into place. Cancelled, failed or interrupted, it leaves no file behind.
 */
export async function createBackup(ctx: CoreContext, passphrase: string, currentPassphrase: string): Promise<CreateResult> {
  const open = ctx.vault.current;
  if (!open) throw new AppError('locked');
  assertPassphraseAcceptable(passphrase);
  await ctx.vault.confirmPassphrase(currentPassphrase);
  const work = backupWorkOf(ctx.vault);
  return work.exclusive(async () => {
    const createdAt = ctx.now.toISOString();
    const chosen = await ctx.shell.chooseSavePath({ purpose: 'backup', defaultName: defaultName(createdAt) });
    if (chosen === null) return { status: 'cancelled' };
    if (ctx.vault.current?.db !== open.db) throw new AppError('locked');
    const destination = chosen.toLowerCase().endsWith(`.${BACKUP_EXTENSION}`) ? chosen : `${chosen}.${BACKUP_EXTENSION}`;
    const temp = backupTempPath(destination);
    const dataDir = dirname(ctx.vault.databasePath);

    const bytes = passphraseBytes(passphrase);
    const keyCopy = ownedCopy(ctx.vault.requireKey());
    const passphraseCopy = ownedCopy(bytes);
    bytes.fill(0);
    try {
      const written = await work.run(
        'backup.write',
        {
          source: ctx.vault.databasePath,
          target: temp,
          destination,
          tempList: backupFiles(dataDir).tempList,
          masterKey: keyCopy,
          passphrase: passphraseCopy,
          createdAt,
          appVersion: APP_VERSION,
          vaultId: String(readSetting(open.db, VAULT_ID)),
          driver: ctx.vault.openOptions,
          faults: [...ctx.fileFaults],
        },
        {
          transfer: [keyCopy.buffer as ArrayBuffer, passphraseCopy.buffer as ArrayBuffer],
          onProgress: (d, t) => ctx.progress('backup', d, t),
        },
      );
      if (written === null) return { status: 'cancelled' };
      if (ctx.vault.current?.db !== open.db) {
        // Locked as the file was finished: a backup nobody recorded is not left behind.
        removeQuietly(destination);
        return { status: 'cancelled' };
      }
      const head = written.auditHead;
      const headText = head ? `, audit head ${head.id} ${head.hash.slice(0, 16)}` : '';
      ctx.vault.write(
        {
          action: 'backup.create',
          outcome: 'ok',
          detail: `${written.summary.bytes} bytes, ${written.tables} tables${headText}`,
        },
        (db) => recordBackup(db, createdAt, dirname(destination)),
      );
      // Outside the database too: a database put back from before this backup no longer holds its head.
      if (head) ctx.vault.noteBackupHead(head);
      ctx.progress('backup', 1, 1);
      return { status: 'done', fileName: basename(destination), createdAt, bytes: written.summary.bytes };
    } finally {
      wipe(keyCopy);
      wipe(passphraseCopy);
      removeTemps(dataDir, [temp]);
    }
  });
}

function removeQuietly(path: string): void {
  try {
    removeIfExists(path);
  } catch {
    // Nothing more to do about it here.
  }
}

/** polku-2026-11-28.polkubackup: the date only, nothing about the vault's content. */
function defaultName(createdAt: string): string {
  return `polku-${createdAt.slice(0, 10)}.${BACKUP_EXTENSION}`;
}
