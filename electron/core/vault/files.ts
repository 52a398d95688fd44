import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { renameDurably } from '../fs/atomic';
import { rekeyTargetPath, setupDatabasePath } from '../fs/temp-files';
import { join } from 'node:path';
import type { ErrorCode } from '@shared/errors';

/** The files of a vault in its data folder. None holds personal data in plaintext. */
export function vaultFiles(dataDir: string) {
  return {
    db: join(dataDir, 'polku.db'),
    /** A database being created by setup; renamed to `db` as the last step. */
    dbDuringSetup: setupDatabasePath(dataDir),
    /** A master-key rotation's rekeyed copy of the database; renamed to `db` once whole. */
    dbDuringRekey: rekeyTargetPath(dataDir),
    slots: join(dataDir, 'polku.keys'),
    prefs: join(dataDir, 'polku.prefs.json'),
  };
}

const PAGE_SIZE = 4096;
const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What can be told about the vault without its key. `null` means: looks like a locked vault.
 * An interrupted first-run setup (slot file written, database not yet renamed) is completed here.
 */
export function probeVault(dataDir: string): 'uninitialized' | ErrorCode | null {
  const files = vaultFiles(dataDir);
  const hasSlots = existsSync(files.slots);
  if (!existsSync(files.db) && hasSlots && existsSync(files.dbDuringSetup)) {
    renameDurably(files.dbDuringSetup, files.db);
  }
  const hasDb = existsSync(files.db);
  if (!hasSlots && !hasDb) return 'uninitialized';
  if (!hasSlots) return 'slots_missing';
  if (!hasDb) return 'db_missing';
  const size = statSync(files.db).size;
  if (size < PAGE_SIZE || size % PAGE_SIZE !== 0) return 'db_corrupt';
  const header = Buffer.alloc(16);
  const fd = openSync(files.db, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  // A plaintext SQLite file is not ours: every vault database is encrypted from its first byte.
  if (header.equals(SQLITE_PLAINTEXT_HEADER)) return 'db_foreign';
  return null;
}
