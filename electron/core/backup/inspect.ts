import { AppError } from '@shared/errors';
import { roleHolds } from '@shared/roles';
import type { CoreContext } from '../handler';
import { passphraseBytes } from './cipher-file';
import { backupWorkOf, ownedCopy, wipe, type ChosenBackup } from './state';
import type { BackupCoordinator } from './verify';
import type { BackupSummary } from '@shared/backup';

type InspectResult =
  | { status: 'cancelled' }
  | { status: 'ready'; token: string; summary: BackupSummary; coordinators: BackupCoordinator[] };

/**
 * backup.inspect: asks for a backup file and verifies it completely in a worker thread. Allowed to the
 * coordinator of an open vault, and on a laptop without a vault (then the backup's coordinators are listed,
 * for one of them to take the restored vault over).
 */
export async function inspectBackup(ctx: CoreContext, passphrase: string): Promise<InspectResult> {
  const chosenBy = whoInspects(ctx);
  const work = backupWorkOf(ctx.vault);
  return work.exclusive(async () => {
    const path = await ctx.shell.chooseOpenPath({ purpose: 'restore' });
    if (path === null) return { status: 'cancelled' };
    const bytes = passphraseBytes(passphrase);
    const copy = ownedCopy(bytes);
    try {
      const verified = await work.run(
        'backup.inspect',
        { path, passphrase: copy, listCoordinators: chosenBy.freshInstall, driver: ctx.vault.openOptions },
        { transfer: [copy.buffer as ArrayBuffer], onProgress: (done, total) => ctx.progress('verify', done, total) },
      );
      if (verified === null) return { status: 'cancelled' };
      // The vault locked while the file was checked: the choice belonged to that session.
      if (!chosenBy.freshInstall && ctx.vault.current?.session.userId !== chosenBy.userId) throw new AppError('locked');
      ctx.progress('verify', 1, 1);
      const token = work.choose({ path, passphrase: Buffer.from(bytes), verified, chosenBy });
      return { status: 'ready', token, summary: verified.summary, coordinators: verified.coordinators };
    } finally {
      bytes.fill(0);
      wipe(copy);
    }
  });
}

function whoInspects(ctx: CoreContext): ChosenBackup['chosenBy'] {
  const state = ctx.vault.status().state;
  if (state === 'uninitialized') return { freshInstall: true };
  const open = ctx.vault.current;
  if (!open) throw new AppError('locked');
  if (!roleHolds(open.session.role, 'backup.manage') || open.session.mustChangePassphrase) throw new AppError('forbidden');
  return { freshInstall: false, userId: open.session.userId };
}
