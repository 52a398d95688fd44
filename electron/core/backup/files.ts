import { join } from 'node:path';
import { restoreTargetPath } from '../fs/temp-files';

/** Files of backup and restore in the vault's data folder. None holds anything unencrypted. */
export function backupFiles(dataDir: string) {
  return {
    /** The vault database before the last restore, kept until the restore is kept or undone. */
    previousDb: join(dataDir, 'polku.previous.db'),
    /** Temp files of the job under way (paths only), removed at the next start after a crash. */
    tempList: join(dataDir, 'polku.temp-files.json'),
    /** A restored database being written, beside polku.db so that the swap is one rename. */
    newRestoreTarget: () => restoreTargetPath(dataDir),
  };
}
