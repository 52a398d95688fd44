import { statSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { appendAudit, deriveChainKey, useChainKey, type AuditEntry } from '../audit/audit';
import { migrate } from '../db/migrate';
import { isDiskFull } from '../fs/disk-full';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted, type Db, type OpenOptions } from '../db/open';
import { writeSetting } from '../settings/repo';
import { insertUser } from '../users/repo';
import { verifyDatabaseFile } from './verifier';

/** Setting: the recovery code in use was typed back, so it is written down correctly. */
export const RECOVERY_CONFIRMED = 'recovery.confirmed';
/** Setting: the id of the vault the database belongs to, matched against the slot file's. */
export const VAULT_ID = 'vault.id';
/** Setting: the slot generation whose rotation has done its part in the database (rechain, audit), so it is not done twice. */
export const ROTATED_TO = 'vault.rotatedTo';
const PAGE_SIZE = 4096;

/**
 * Writes the database of a new vault at `path`: the schema, the vault's settings, its first coordinator and the
 * setup audit record, checkpointed into the main file and closed.
 */
export function createVaultDatabase(
  path: string,
  masterKey: Buffer,
  o: { vaultId: string; userId: string; displayName: string; now: Date },
  driver: OpenOptions,
): void {
  const db = openEncrypted(path, masterKey, driver);
  const chainKey = deriveChainKey(masterKey, o.vaultId);
  useChainKey(db, chainKey);
  try {
    migrate(db, MIGRATIONS);
    db.transaction(() => {
      writeSetting(db, VAULT_ID, o.vaultId);
      writeSetting(db, RECOVERY_CONFIRMED, false);
      insertUser(db, {
        id: o.userId,
        displayName: o.displayName,
        role: 'coordinator',
        active: true,
        mustChangePassphrase: false,
        createdAt: o.now.toISOString(),
      });
      appendAudit(db, { userId: o.userId, action: 'vault.setup', entity: 'user', entityId: o.userId, outcome: 'ok' }, o.now);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
    chainKey.fill(0);
  }
}

/** Opens the vault database with an unwrapped key; when the key cannot open it, tells a foreign file from a damaged one. */
export function openVaultDatabase(path: string, key: Buffer, driver: OpenOptions, exclusive = false): Db {
  try {
    return openEncrypted(path, key, { ...driver, mustExist: true, exclusive });
  } catch (error) {
    // A key from a valid slot that cannot open the file: if even page 1 fails its HMAC under this key, the
    // file was written under another key (another vault's database); otherwise it is damaged.
    if (error instanceof AppError && error.code === 'db_corrupt') {
      const firstBadPage = verifyDatabaseFile(path, key).firstBadPage;
      throw new AppError(firstBadPage === 1 ? 'db_foreign' : 'db_corrupt');
    }
    throw error;
  }
}

/** A file cut at a page boundary still opens; the page count in its header tells. */
export function assertNotTruncated(db: Db, path: string): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    // A full disk has no room to move the journal into the file, whose size then says nothing: checked at the next unlock.
    if (isDiskFull(error)) return;
    throw error;
  }
  const pages = db.pragma('page_count', { simple: true }) as number;
  if (statSync(path).size < pages * PAGE_SIZE) throw new AppError('db_corrupt');
}

/** The audit records of an unlock: the failed attempts since the last one (their number only), then the unlock. */
export function unlockRecords(userId: string, failures: number, withRecoveryCode: boolean): AuditEntry[] {
  return [
    ...(failures > 0
      ? [{ userId: null, action: 'vault.unlock', outcome: 'failed', detail: `${failures} attempts` } satisfies AuditEntry]
      : []),
    { userId, action: 'vault.unlock', outcome: 'ok', detail: withRecoveryCode ? 'recovery code' : 'passphrase' },
  ];
}

/** Audits an unlock, preceded by the failed attempts since the last one (their number only). */
export function auditUnlock(db: Db, userId: string, failures: number, withRecoveryCode: boolean, now: Date): void {
  db.transaction(() => {
    for (const record of unlockRecords(userId, failures, withRecoveryCode)) appendAudit(db, record, now);
  })();
}
