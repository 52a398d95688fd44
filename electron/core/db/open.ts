import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '@shared/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** better-sqlite3 binary built for the running runtime (Electron's ABI inside the app). */
  nativeBinding?: string;
}

/**
 * Opens (or creates) an SQLCipher 4 database with a raw 32-byte key and the vault's pragmas.
 * Reads the schema once, because `PRAGMA key` accepts any key and only the first read fails.
 */
export function openEncrypted(path: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new AppError('internal');
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // The key is bound as a blob literal; it never exists as a JS string longer than this statement.
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('foreign_keys=ON');
    db.pragma('secure_delete=ON');
    db.pragma('temp_store=MEMORY');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    // SQLITE_NOTADB: wrong key, a plaintext SQLite file, or garbage — the caller decides which it means.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new AppError('db_corrupt');
    throw error;
  }
}
