import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open';
import type { Vault } from '../vault/vault';
import type { ReadPackage } from './read-package';

/** A handover file inspected and held in memory until it is imported, another is inspected, or the vault locks. */
interface Inspected {
  token: string;
  userId: string;
  /** The connection it was inspected under: a vault locked and unlocked again has another. */
  db: Db;
  pkg: ReadPackage;
}

interface Slot {
  entry: Inspected | null;
}

const slots = new WeakMap<Vault, Slot>();

function slotOf(vault: Vault): Slot {
  let slot = slots.get(vault);
  if (!slot) {
    const created: Slot = { entry: null };
    // Locking drops every decrypted record: the inspected file's rows too.
    vault.onLock(() => {
      created.entry = null;
    });
    slots.set(vault, created);
    slot = created;
  }
  return slot;
}

/** Holds an inspected file for `userId`; returns the token that stands for it (one file at a time). */
export function holdInspected(vault: Vault, userId: string, db: Db, pkg: ReadPackage): string {
  const token = randomBytes(16).toString('hex');
  slotOf(vault).entry = { token, userId, db, pkg };
  return token;
}

/** The file `token` stands for, if it was inspected by `userId` in this unlocked session. */
export function inspectedFile(vault: Vault, token: string, userId: string, db: Db): ReadPackage | null {
  const entry = slotOf(vault).entry;
  return entry && entry.token === token && entry.userId === userId && entry.db === db ? entry.pkg : null;
}

/** Forgets the inspected file (after it was imported). */
export function dropInspected(vault: Vault): void {
  slotOf(vault).entry = null;
}
