import { dirname } from 'node:path';
import type { SessionInfo } from '@shared/vault';
import { AppError } from '@shared/errors';
import type { Locale } from '@shared/locales';
import type { CoreContext } from '../handler';
import { BACKUP_FORMAT_WITH_HEAD } from '@shared/backup';
import { adoptRestoredChain } from '../audit/audit';
import { assertPassphraseAcceptable } from '../vault/passphrase-policy';
import { RECOVERY_CONFIRMED, VAULT_ID } from '../vault/vault-database';
import { JobStopped } from '../jobs/runner';
import { backupWorkOf, ownedCopy, wipe } from './state';
import { BACKUP_SETTINGS } from './status';

export interface RestoreFreshInput {
  token: string;
  userId: string;
  passphrase: string;
  locale: Locale;
}

type RestoreFreshResult = { status: 'cancelled' } | { status: 'done'; recoveryCode: string; session: SessionInfo };

/**
 * vault.restoreFresh: on a laptop without a vault, sets Polku up from an inspected backup as setup does (a new
 * random master key, a new vault id, the chosen coordinator's passphrase slot and a recovery code), with the
 * backup's database in place of an empty one. Colleagues get passphrases from the coordinator afterwards.
 */
export async function restoreFresh(ctx: CoreContext, input: RestoreFreshInput): Promise<RestoreFreshResult> {
  if (ctx.vault.status().state !== 'uninitialized') throw new AppError('vault_exists');
  const work = backupWorkOf(ctx.vault);
  const chosen = work.chosenBackup(input.token, { freshInstall: true });
  if (!chosen) throw new AppError('backup_not_inspected');
  const coordinator = chosen.verified.coordinators.find((c) => c.id === input.userId);
  if (!coordinator) throw new AppError('invalid_input', { field: 'userId' });
  assertPassphraseAcceptable(input.passphrase);
  const createdAt = chosen.verified.summary.createdAt;

  const setUp = await work.exclusive(async () => {
    try {
      return await ctx.vault.setup(
        { displayName: coordinator.displayName, passphrase: input.passphrase },
        {
          userId: coordinator.id,
          write: async (target, masterKey, vaultId) => {
            const keyCopy = ownedCopy(masterKey);
            const passphraseCopy = ownedCopy(chosen.passphrase);
            let restored;
            try {
              restored = await work.run(
                'backup.restore',
                {
                  backupPath: chosen.path,
                  passphrase: passphraseCopy,
                  target,
                  tempList: null,
                  masterKey: keyCopy,
                  expectedDigest: chosen.verified.digest,
                  userId: coordinator.id,
                  settings: [
                    [VAULT_ID, vaultId],
                    [RECOVERY_CONFIRMED, false],
                    [BACKUP_SETTINGS.lastAt, createdAt],
                    [BACKUP_SETTINGS.lastFolder, dirname(chosen.path)],
                    [BACKUP_SETTINGS.restored, null],
                  ],
                  driver: ctx.vault.openOptions,
                  faults: [...ctx.fileFaults],
                },
                {
                  transfer: [keyCopy.buffer as ArrayBuffer, passphraseCopy.buffer as ArrayBuffer],
                  onProgress: (done, total) => ctx.progress('restore', done, total),
                },
              );
            } finally {
              wipe(keyCopy);
              wipe(passphraseCopy);
            }
            if (restored === null) throw new JobStopped();
          },
        },
      );
    } catch (error) {
      if (error instanceof JobStopped) return null;
      throw error;
    }
  });
  if (setUp === null) return { status: 'cancelled' };
  // The backup's log was chained under its own vault's key, which this new vault never had.
  const open = ctx.vault.current;
  const plainExpected = chosen.verified.summary.formatVersion < BACKUP_FORMAT_WITH_HEAD;
  const chain = open ? open.db.transaction(() => adoptRestoredChain(open.db, { plainExpected }))() : '';
  ctx.vault.write(
    {
      action: 'vault.restoreFresh',
      outcome: 'ok',
      entity: 'user',
      entityId: coordinator.id,
      detail: `backup of ${createdAt}, ${chain}`,
    },
    () => undefined,
  );
  work.forget();
  ctx.setLocale(input.locale);
  ctx.settingsChanged();
  ctx.progress('restore', 1, 1);
  return { status: 'done', recoveryCode: setUp.recoveryCode, session: { ...setUp.session } };
}
