import { deriveChainKey, useChainKey } from '../../electron/core/audit/audit';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openEncrypted, type Db } from '../../electron/core/db/open';
import { openSlot, readSlotFile } from '../../electron/core/vault/keyslots';
import { vaultFiles } from '../../electron/core/vault/files';
import { passphraseSecret } from '../../electron/core/vault/passphrase-policy';
import { compartmentKey, openCompartmentAtUnlock } from '../../electron/core/vault/compartment';
import { TEST_KDF } from '../../electron/core/vault/kdf';
import { COLLEAGUE_PASSPHRASE, PASSPHRASE, type TestCore } from './core';

/**
 * Opens a test vault's database file beside the core, with the key unwrapped from a passphrase slot, so a
 * test can look at every table directly (what the app stores, not what its channels show). Close it after.
 */
export async function openVaultDb(t: TestCore, passphrase = PASSPHRASE): Promise<Db> {
  const key = await vaultMasterKey(t, passphrase);
  const db = openEncrypted(vaultFiles(t.dataDir).db, key);
  migrate(db, MIGRATIONS);
  // Audit rows written through this handle (a compartment opened on it) are chained as the vault chains them.
  useChainKey(db, deriveChainKey(key, readSlotFile(vaultFiles(t.dataDir).slots).vaultId));
  return db;
}

/** A test vault's master key, unwrapped from a passphrase slot. */
export async function vaultMasterKey(t: Pick<TestCore, 'dataDir'>, passphrase = PASSPHRASE): Promise<Buffer> {
  const slotFile = readSlotFile(vaultFiles(t.dataDir).slots);
  const secret = passphraseSecret(passphrase);
  for (const slot of slotFile.slots.filter((s) => s.kind === 'passphrase')) {
    const key = await openSlot(slot, secret, slotFile.vaultId);
    if (key) return key;
  }
  throw new Error('no passphrase slot opens with this passphrase');
}

/**
 * Every table of the database (full-text shadow tables included) whose text or blob cells contain `needle`,
 * compared case-insensitively as UTF-8 bytes, with the number of such cells.
 */
export function tablesHolding(db: Db, needle: string): Record<string, number> {
  const wanted = Buffer.from(needle.toLowerCase(), 'utf8');
  const tables = (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const found: Record<string, number> = {};
  for (const table of tables) {
    for (const row of db
      .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
      .raw()
      .iterate() as Iterable<unknown[]>) {
      for (const cell of row) {
        const bytes = typeof cell === 'string' ? Buffer.from(cell.toLowerCase(), 'utf8') : Buffer.isBuffer(cell) ? cell : null;
        if (bytes && bytes.includes(wanted)) found[table] = (found[table] ?? 0) + 1;
      }
    }
  }
  return found;
}

/**
 * Opens the psychologists' compartment on a raw handle the way a psychologist's unlock does: with their passphrase
 * and their wrap in the database. Without it, a raw handle (the master key alone) reads the private notes sealed.
 * Returns whether the passphrase opened it. Close the compartment (closeCompartment) before closing the handle.
 */
export async function openCompartmentAs(db: Db, userId: string, passphrase = COLLEAGUE_PASSPHRASE): Promise<boolean> {
  const secret = passphraseSecret(passphrase);
  try {
    await openCompartmentAtUnlock({ db, userId, role: 'psychologist', kdf: TEST_KDF, now: new Date(), driver: {} }, secret);
  } finally {
    secret.fill(0);
  }
  return compartmentKey(db) !== null;
}
