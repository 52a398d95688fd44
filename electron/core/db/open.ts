import { existsSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { openCipher, type Db, type OpenOptions } from './cipher';

export type { Db, OpenOptions } from './cipher';

export interface VaultOpenOptions extends OpenOptions {
  /** A missing file is `db_missing` instead of a new empty database (every open but the vault's setup). */
  mustExist?: boolean;
  /** The connection holds the file alone, with no `-shm` file (cipher.ts); the vault's way in on a full disk. */
  exclusive?: boolean;
}

/**
 * Opens (or creates) the vault's SQLCipher 4 database with its raw 32-byte master key (cipher.ts), then the
 * vault's own pragmas: WAL, `synchronous=FULL`, `foreign_keys=ON`.
 */
export function openEncrypted(path: string, key: Buffer, options: VaultOpenOptions = {}): Db {
  if (key.length !== 32) throw new AppError('internal');
  const { mustExist = false, exclusive = false, ...driver } = options;
  let db: Db | null = null;
  try {
    db = openCipher(path, { kind: 'raw', key }, { driver, create: !mustExist, exclusive });
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('foreign_keys=ON');
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code;
    if (mustExist && code === 'SQLITE_CANTOPEN' && !existsSync(path)) throw new AppError('db_missing');
    // SQLITE_NOTADB: wrong key, a plaintext SQLite file, or garbage — the caller decides which it means.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new AppError('db_corrupt');
    throw error;
  }
}
