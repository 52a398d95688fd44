/**
 * The psychologists' compartment: a key of their own (K_c, 32 random bytes) that seals their private notes inside
 * the database, so that the master key alone — every staff slot, the vault's recovery code, a backup passphrase —
 * does not read them.
 *
 * - K_c is never derived from the master key and never wrapped under it. It is wrapped (AES-256-GCM under a scrypt
 *   key) into `compartment_wraps`: once under each psychologist's passphrase who holds it, and once under the
 *   psychologists' recovery code. Each wrap has its own salt and IV; its associated data binds the compartment's
 *   id, the wrap's id and the user it belongs to, so a wrap moved to another user or vault does not open.
 * - It is made at the first unlock of a psychologist when the vault has none; the notes still in the clear are
 *   sealed in that one transaction. A psychologist's unlock opens their wrap with the passphrase they typed; the
 *   key then lives in memory beside the open database, and is zeroed when it locks.
 * - Notes are sealed as IV (12) | ciphertext | tag (16), with associated data binding the entry and the entry
 *   version the notes were written at, so sealed notes cannot be moved to another entry or version unnoticed.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import { roleHolds, type Role } from '@shared/roles';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { readSetting, writeSetting } from '../settings/repo';
import { deriveKek, scryptParamsSchema, type ScryptParams } from './kdf';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery';
import { openJoined, openSealed, seal, sealJoined } from './seal';

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** What the open database holds of the compartment while a psychologist who has its key is signed in. */
interface OpenCompartment {
  key: Buffer;
  keyId: string;
  /** A psychologists' recovery code made at this unlock and not yet shown; handed out once. */
  unshownCode: string | null;
  /** Whatever caches the private notes in the clear for this session (the search index); closed with the key. */
  readonly closers: Set<() => void>;
  /** How the database driver is loaded, for the search index in memory. */
  driver: DriverOptions;
}

export interface DriverOptions {
  nativeBinding?: string;
}

const openCompartments = new WeakMap<Db, OpenCompartment>();

/** Whether a role works with the private notes (psychologists). */
export const holdsPrivate = (role: Role): boolean => roleHolds(role, 'psychosocial.private');

/** The compartment key while the signed-in psychologist holds it, or null. */
export function compartmentKey(db: Db): Buffer | null {
  return openCompartments.get(db)?.key ?? null;
}

/** How to open a database in memory beside the open compartment (the driver's native binding), or null. */
export function compartmentDriver(db: Db): DriverOptions | null {
  return openCompartments.get(db)?.driver ?? null;
}

/** Registers something to close (and forget its plaintext) when the compartment closes; null when it is not open. */
export function onCompartmentClose(db: Db, close: () => void): boolean {
  const open = openCompartments.get(db);
  if (!open) return false;
  open.closers.add(close);
  return true;
}

/** Zeroes the key and drops every plaintext cache of the session: called as the database locks. */
export function closeCompartment(db: Db): void {
  const open = openCompartments.get(db);
  if (!open) return;
  openCompartments.delete(db);
  for (const close of open.closers) close();
  open.key.fill(0);
}

/** The vault's compartment id, or null while no psychologist has unlocked under a build that seals. */
export function compartmentId(db: Db): string | null {
  return get<{ key_id: string }>(db, sql`SELECT key_id FROM compartment WHERE id = 1`)?.key_id ?? null;
}

/** The state of the compartment as the signed-in user sees it. */
export function compartmentState(db: Db, role: Role): 'open' | 'sealed' | 'none' | 'notPsychologist' {
  if (!holdsPrivate(role)) return 'notPsychologist';
  if (compartmentKey(db)) return 'open';
  return compartmentId(db) ? 'sealed' : 'none';
}

/**
 * Setting: the psychologists' recovery code in use was handed to a psychologist's screen. False from its making
 * until then: a code made at an unlock lives in memory only, and if the vault locks before it is shown, the next
 * psychologist's unlock makes a new one.
 */
const RECOVERY_SHOWN = 'compartment.recoveryShown';

/** The psychologists' recovery code made at this unlock, once: a second call returns null. */
export function takeUnshownCode(db: Db): string | null {
  const open = openCompartments.get(db);
  const code = open?.unshownCode ?? null;
  if (open && code !== null) {
    open.unshownCode = null;
    writeSetting(db, RECOVERY_SHOWN, true);
  }
  return code;
}

// ---- sealing notes ----

const notesAad = (entryId: string, version: number) => Buffer.from(`polku-private-v1|${entryId}|${version}`, 'utf8');

/** Seals one entry's private notes, written at entry version `version`, as IV (12) | ciphertext | tag (16). */
export function sealNotes(key: Buffer, entryId: string, version: number, notes: string): Buffer {
  const plaintext = Buffer.from(notes, 'utf8');
  try {
    return sealJoined(key, plaintext, notesAad(entryId, version));
  } finally {
    plaintext.fill(0);
  }
}

/** Opens sealed notes; a wrong key, entry, version or any changed byte is `internal` (never a silent wrong text). */
export function openNotes(key: Buffer, entryId: string, version: number, sealed: Buffer): string {
  const plaintext = openJoined(key, sealed, notesAad(entryId, version));
  if (plaintext === null) throw new AppError('internal');
  try {
    return plaintext.toString('utf8');
  } finally {
    plaintext.fill(0);
  }
}

// ---- wraps ----

interface WrapRow {
  id: string;
  user_id: string | null;
  kdf: string;
  salt: Buffer;
  iv: Buffer;
  wrapped: Buffer;
  tag: Buffer;
}

const wrapAad = (keyId: string, wrapId: string, userId: string | null) =>
  Buffer.from(`polku-compartment-v1|${keyId}|${wrapId}|${userId ?? 'recovery'}`, 'utf8');

/** K_c wrapped under `secret` for `userId` (null: the psychologists' recovery code). Zeroes nothing it was given. */
async function makeWrap(key: Buffer, keyId: string, userId: string | null, secret: Buffer, kdf: ScryptParams): Promise<WrapRow> {
  const id = randomBytes(16).toString('hex');
  const salt = randomBytes(SALT_LENGTH);
  const kek = await deriveKek(secret, salt, kdf);
  try {
    const { iv, body, tag } = seal(kek, key, wrapAad(keyId, id, userId));
    const params = { alg: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p };
    return { id, user_id: userId, kdf: JSON.stringify(params), salt, iv, wrapped: body, tag };
  } finally {
    kek.fill(0);
  }
}

/** K_c from a wrap, or null when the secret (or any bound field) is wrong. */
async function openWrap(wrap: WrapRow, keyId: string, secret: Buffer): Promise<Buffer | null> {
  const kdf = scryptParamsSchema.safeParse(JSON.parse(wrap.kdf));
  if (!kdf.success) return null;
  const kek = await deriveKek(secret, wrap.salt, kdf.data);
  try {
    return openSealed(kek, { iv: wrap.iv, body: wrap.wrapped, tag: wrap.tag }, wrapAad(keyId, wrap.id, wrap.user_id), KEY_LENGTH);
  } finally {
    kek.fill(0);
  }
}

const wrapOf = (db: Db, userId: string | null) =>
  userId === null
    ? get<WrapRow>(db, sql`SELECT * FROM compartment_wraps WHERE user_id IS NULL`)
    : get<WrapRow>(db, sql`SELECT * FROM compartment_wraps WHERE user_id = ${userId}`);

function storeWrap(db: Db, wrap: WrapRow): void {
  if (wrap.user_id === null) run(db, sql`DELETE FROM compartment_wraps WHERE user_id IS NULL`);
  else run(db, sql`DELETE FROM compartment_wraps WHERE user_id = ${wrap.user_id}`);
  run(
    db,
    sql`INSERT INTO compartment_wraps (id, user_id, kdf, salt, iv, wrapped, tag)
        VALUES (${wrap.id}, ${wrap.user_id}, ${wrap.kdf}, ${wrap.salt}, ${wrap.iv}, ${wrap.wrapped}, ${wrap.tag})`,
  );
}

/**
 * Removes a user's wrap of the compartment key: their passphrase was reset by a coordinator, their access ended or
 * they are no longer a psychologist. Only a psychologist can give it back. Returns whether there was one.
 */
export function dropCompartmentWrap(db: Db, userId: string): boolean {
  return run(db, sql`DELETE FROM compartment_wraps WHERE user_id = ${userId}`).changes > 0;
}

// ---- plaintext left by earlier builds ----

/**
 * Seals every private note still in the clear (written before this build, or arrived in a handover file) under
 * `key`, bound to the entry's current version (an earlier version's notes to that version). Returns how many.
 */
export function sealPlaintextNotes(db: Db, key: Buffer): number {
  const current = all<{ seq: number; entry_id: string; notes: string; version: number }>(
    db,
    sql`SELECT p.seq, p.entry_id, p.notes, e.version FROM psychosocial_private p
        JOIN psychosocial_entries e ON e.id = p.entry_id WHERE p.notes IS NOT NULL`,
  );
  for (const row of current) {
    const sealed = sealNotes(key, row.entry_id, row.version, row.notes);
    run(
      db,
      sql`UPDATE psychosocial_private SET notes = NULL, sealed = ${sealed}, sealed_version = ${row.version} WHERE seq = ${row.seq}`,
    );
  }
  const earlier = all<{ entry_id: string; version: number; notes: string }>(
    db,
    sql`SELECT entry_id, version, notes FROM psychosocial_private_versions WHERE notes IS NOT NULL`,
  );
  for (const row of earlier) {
    const sealed = sealNotes(key, row.entry_id, row.version, row.notes);
    run(
      db,
      sql`UPDATE psychosocial_private_versions SET notes = NULL, sealed = ${sealed}, sealed_version = ${row.version}
          WHERE entry_id = ${row.entry_id} AND version = ${row.version}`,
    );
  }
  return current.length + earlier.length;
}

/** Whether any private note is still in the clear. */
export function hasPlaintextNotes(db: Db): boolean {
  return (
    get(db, sql`SELECT 1 FROM psychosocial_private WHERE notes IS NOT NULL`) !== undefined ||
    get(db, sql`SELECT 1 FROM psychosocial_private_versions WHERE notes IS NOT NULL`) !== undefined
  );
}

/** The old pages of the write-ahead log go too: `secure_delete` overwrote the database's own pages. */
function checkpoint(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

// ---- lifecycle ----

export interface CompartmentContext {
  db: Db;
  userId: string;
  role: Role;
  kdf: ScryptParams;
  now: Date;
  driver: DriverOptions;
}

/**
 * At a psychologist's passphrase unlock: opens their wrap with the passphrase they typed (`secret`, not zeroed
 * here), or — when the vault has no compartment yet — makes it, with their wrap and a psychologists' recovery
 * code (kept to be shown once), and seals every note still in the clear, in one transaction. Notes left in the
 * clear (an interrupted earlier sealing, a handover import) are sealed too. Without a wrap of theirs the
 * psychologist works sealed: nothing throws.
 */
export async function openCompartmentAtUnlock(c: CompartmentContext, secret: Buffer): Promise<void> {
  if (!holdsPrivate(c.role)) return;
  const keyId = compartmentId(c.db);
  if (keyId === null) {
    await createCompartment(c, secret);
    return;
  }
  const wrap = wrapOf(c.db, c.userId);
  const key = wrap ? await openWrap(wrap, keyId, secret) : null;
  if (!key) return;
  attach(c, key, keyId, null);
  if (readSetting(c.db, RECOVERY_SHOWN) === false) await newCompartmentRecoveryCode(c, { unshown: true });
  if (hasPlaintextNotes(c.db)) {
    c.db.transaction(() => {
      const sealed = sealPlaintextNotes(c.db, key);
      appendAudit(c.db, { userId: c.userId, action: 'compartment.seal', outcome: 'ok', detail: `${sealed}` }, c.now);
    })();
    checkpoint(c.db);
  }
}

function attach(c: CompartmentContext, key: Buffer, keyId: string, unshownCode: string | null): void {
  closeCompartment(c.db);
  openCompartments.set(c.db, { key, keyId, unshownCode, closers: new Set(), driver: c.driver });
}

async function createCompartment(c: CompartmentContext, secret: Buffer): Promise<void> {
  const key = randomBytes(KEY_LENGTH);
  const keyId = randomBytes(16).toString('hex');
  const code = generateRecoveryCode();
  const codeSecret = normalizeRecoveryCode(code)!;
  try {
    const mine = await makeWrap(key, keyId, c.userId, secret, c.kdf);
    const recovery = await makeWrap(key, keyId, null, codeSecret, c.kdf);
    c.db.transaction(() => {
      // Another unlock made one meanwhile (never in one app, but the row decides).
      if (compartmentId(c.db) !== null) throw new AppError('internal');
      run(c.db, sql`INSERT INTO compartment (id, key_id) VALUES (1, ${keyId})`);
      storeWrap(c.db, mine);
      storeWrap(c.db, recovery);
      writeSetting(c.db, RECOVERY_SHOWN, false);
      const sealed = sealPlaintextNotes(c.db, key);
      appendAudit(c.db, { userId: c.userId, action: 'compartment.create', outcome: 'ok', detail: `${sealed}` }, c.now);
    })();
  } catch (error) {
    key.fill(0);
    throw error;
  } finally {
    codeSecret.fill(0);
  }
  checkpoint(c.db);
  attach(c, key, keyId, code);
}

/**
 * A psychologist's new passphrase: the step (run in the passphrase change's transaction) that replaces their wrap
 * with one under `next`; null when they do not hold the key in this session (their old wrap, under a passphrase
 * no longer theirs, is dropped then).
 */
export async function rewrapForPassphrase(c: CompartmentContext, next: Buffer): Promise<(db: Db) => void> {
  const open = openCompartments.get(c.db);
  if (!holdsPrivate(c.role)) return () => undefined;
  if (!open) return (db) => void dropCompartmentWrap(db, c.userId);
  const wrap = await makeWrap(open.key, open.keyId, c.userId, next, c.kdf);
  return (db) => storeWrap(db, wrap);
}

function requireOpen(db: Db): OpenCompartment {
  const open = openCompartments.get(db);
  if (!open) throw new AppError('compartment_locked');
  return open;
}

/** Wraps the key of this session for another psychologist, under the passphrase they typed (already checked). */
export async function grantCompartment(
  c: CompartmentContext,
  target: { userId: string; role: Role },
  passphrase: Buffer,
): Promise<void> {
  if (!holdsPrivate(c.role) || !holdsPrivate(target.role)) throw new AppError('forbidden');
  const open = requireOpen(c.db);
  const wrap = await makeWrap(open.key, open.keyId, target.userId, passphrase, c.kdf);
  requireOpen(c.db);
  c.db.transaction(() => {
    storeWrap(c.db, wrap);
    appendAudit(
      c.db,
      { userId: c.userId, action: 'compartment.grant', entity: 'user', entityId: target.userId, outcome: 'ok' },
      c.now,
    );
  })();
}

/**
 * A new psychologists' recovery code; the old one stops working at once. `unshown`: made at an unlock because the
 * last one was never shown, kept to be handed out once by compartment.status.
 */
export async function newCompartmentRecoveryCode(c: CompartmentContext, o = { unshown: false }): Promise<string> {
  if (!holdsPrivate(c.role)) throw new AppError('forbidden');
  const open = requireOpen(c.db);
  const code = generateRecoveryCode();
  const secret = normalizeRecoveryCode(code)!;
  try {
    const wrap = await makeWrap(open.key, open.keyId, null, secret, c.kdf);
    requireOpen(c.db);
    c.db.transaction(() => {
      storeWrap(c.db, wrap);
      writeSetting(c.db, RECOVERY_SHOWN, !o.unshown);
      appendAudit(c.db, { userId: c.userId, action: 'compartment.newRecoveryCode', outcome: 'ok' }, c.now);
    })();
  } finally {
    secret.fill(0);
  }
  if (o.unshown) open.unshownCode = code;
  return code;
}

/**
 * A psychologist without the key types the psychologists' recovery code (and their own passphrase, already
 * checked): the key is wrapped for them and opened for this session. False when the code does not open it.
 */
export async function useCompartmentRecoveryCode(c: CompartmentContext, code: string, passphrase: Buffer): Promise<boolean> {
  if (!holdsPrivate(c.role)) throw new AppError('forbidden');
  const keyId = compartmentId(c.db);
  const wrap = wrapOf(c.db, null);
  const secret = normalizeRecoveryCode(code);
  if (!keyId || !wrap || !secret) return false;
  let key: Buffer | null = null;
  try {
    key = await openWrap(wrap, keyId, secret);
  } finally {
    secret.fill(0);
  }
  if (!key) return false;
  try {
    const mine = await makeWrap(key, keyId, c.userId, passphrase, c.kdf);
    c.db.transaction(() => {
      storeWrap(c.db, mine);
      appendAudit(c.db, { userId: c.userId, action: 'compartment.useRecoveryCode', outcome: 'ok' }, c.now);
    })();
  } catch (error) {
    key.fill(0);
    throw error;
  }
  attach(c, key, keyId, null);
  return true;
}
