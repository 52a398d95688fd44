import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import type { SessionInfo } from '@shared/api';
import { AppError, type ErrorCode } from '@shared/errors';
import type { Role } from '@shared/roles';
import { appendAudit, type AuditEntry } from '../audit/audit';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted, type Db } from '../db/open';
import { removeIfExists, renameDurably } from '../fs/atomic';
import { readSetting, writeSetting } from '../settings/repo';
import { findUser, insertUser, updateUser } from '../users/repo';
import { probeVault, vaultFiles } from './files';
import { deriveKek, type ScryptParams } from './kdf';
import { makeSlot, openSlot, readSlotFile, writeSlotFile, type KeySlot, type SlotFile, type SlotKind } from './keyslots';
import { nameTag, newNameSalt } from './name-tag';
import { assertPassphraseAcceptable, passphraseSecret } from './passphrase-policy';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery';
import { clearFailures, readAttempts, recordFailure, retryAfterMs } from './throttle';
import { verifyDatabaseFile } from './verifier';

export interface VaultOptions {
  dataDir: string;
  now: () => number;
  kdf: ScryptParams;
  nativeBinding?: string;
}

/** The open vault: the database handle and who unlocked it. Exists only while unlocked. */
export interface OpenVault {
  db: Db;
  session: SessionInfo;
}

export type VaultStatus =
  | { state: 'uninitialized' | 'locked'; problem: null }
  | { state: 'unlocked'; problem: null }
  | { state: 'broken'; problem: ErrorCode };

const RECOVERY_CONFIRMED = 'recovery.confirmed';
const VAULT_ID = 'vault.id';
const PAGE_SIZE = 4096;
/** Problems of the database file that no retry can fix; the vault reports them until restart. */
const DATABASE_PROBLEMS = new Set<ErrorCode>(['db_newer', 'db_corrupt', 'db_foreign']);

/**
 * The encrypted vault: first-run setup, unlock with a passphrase or the recovery code, lock, passphrase
 * change, recovery-code renewal and master-key rotation. The master key is random; key slots wrap it.
 */
export class Vault {
  private db: Db | null = null;
  private masterKey: Buffer | null = null;
  private session: SessionInfo | null = null;
  /** A problem found while opening (e.g. a newer schema); reported until the app restarts. */
  private problem: ErrorCode | null = null;
  private readonly files;

  constructor(private readonly options: VaultOptions) {
    this.files = vaultFiles(options.dataDir);
  }

  status(): VaultStatus {
    if (this.db) return { state: 'unlocked', problem: null };
    if (this.problem) return { state: 'broken', problem: this.problem };
    const probe = probeVault(this.options.dataDir);
    if (probe === 'uninitialized') return { state: 'uninitialized', problem: null };
    if (probe) return { state: 'broken', problem: probe };
    try {
      readSlotFile(this.files.slots);
    } catch (error) {
      return { state: 'broken', problem: error instanceof AppError ? error.code : 'slots_corrupt' };
    }
    return { state: 'locked', problem: null };
  }

  /** The open database and session, or null while locked. */
  get current(): OpenVault | null {
    return this.db && this.session ? { db: this.db, session: this.session } : null;
  }

  /** Milliseconds until another unlock attempt is allowed. */
  retryAfterMs(): number {
    return retryAfterMs(readAttempts(this.options.dataDir), this.options.now());
  }

  /** First run: a new vault with one coordinator. Returns the recovery code, to be shown once. */
  async setup(input: { displayName: string; passphrase: string }): Promise<{ recoveryCode: string; session: SessionInfo }> {
    if (this.status().state !== 'uninitialized') throw new AppError('vault_exists');
    assertPassphraseAcceptable(input.passphrase);
    const now = new Date(this.options.now());
    const masterKey = randomBytes(32);
    const vaultId = randomBytes(16).toString('hex');
    const userId = randomBytes(16).toString('hex');
    const recoveryCode = generateRecoveryCode();
    const slotOptions = { userId, vaultId, generation: 1, kdf: this.options.kdf, now };
    const nameSalt = newNameSalt();
    const passphraseSlot = {
      ...(await this.makeSecretSlot(masterKey, 'passphrase', input.passphrase, slotOptions)),
      nameTag: nameTag(nameSalt, input.displayName),
    };
    const recoverySlot = await this.makeSecretSlot(masterKey, 'recovery', recoveryCode, slotOptions);

    mkdirSync(this.options.dataDir, { recursive: true, mode: 0o700 });
    removeIfExists(this.files.dbDuringSetup);
    const db = openEncrypted(this.files.dbDuringSetup, masterKey, this.driverOptions());
    try {
      migrate(db, MIGRATIONS);
      db.transaction(() => {
        writeSetting(db, VAULT_ID, vaultId);
        writeSetting(db, RECOVERY_CONFIRMED, false);
        insertUser(db, {
          id: userId,
          displayName: input.displayName,
          role: 'coordinator',
          active: true,
          mustChangePassphrase: false,
          createdAt: now.toISOString(),
        });
        appendAudit(db, { userId, action: 'vault.setup', entity: 'user', entityId: userId, outcome: 'ok' }, now);
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    // Slot file first, database rename last: an interruption in between is completed by probeVault().
    writeSlotFile(this.files.slots, {
      format: 1,
      vaultId,
      generation: 1,
      lastSlotId: passphraseSlot.id,
      nameSalt,
      slots: [passphraseSlot, recoverySlot],
    });
    renameDurably(this.files.dbDuringSetup, this.files.db);
    clearFailures(this.options.dataDir);

    const opened = this.openDatabase(masterKey, userId, { mustChangePassphrase: false, isUnlock: false });
    return { recoveryCode, session: opened.session };
  }

  /** Unlocks with a user's passphrase. Wrong passphrases count towards the growing delay. */
  async unlock(passphrase: string, name?: string): Promise<SessionInfo> {
    return this.unlockWith('passphrase', passphraseSecret(passphrase), name);
  }

  /** Unlocks with the recovery code; the user must then set a new passphrase before anything else. */
  async unlockWithRecoveryCode(code: string): Promise<SessionInfo> {
    const secret = normalizeRecoveryCode(code);
    if (!secret) {
      this.assertNotThrottled();
      recordFailure(this.options.dataDir, this.options.now());
      throw new AppError('wrong_recovery_code', this.retryDetails());
    }
    return this.unlockWith('recovery', secret);
  }

  /** The user typed the recovery code back: it is written down correctly. */
  async confirmRecoveryCode(code: string): Promise<SessionInfo> {
    const open = this.requireOpen();
    const file = readSlotFile(this.files.slots);
    const slot = file.slots.find((s) => s.kind === 'recovery' && s.generation === file.generation);
    const secret = normalizeRecoveryCode(code);
    const key = slot && secret ? await openSlot(slot, secret, file.vaultId) : null;
    secret?.fill(0);
    if (!key) throw new AppError('wrong_recovery_code');
    key.fill(0);
    this.assertStillOpen(open.db);
    this.write({ action: 'vault.confirmRecoveryCode', outcome: 'ok' }, (db) => writeSetting(db, RECOVERY_CONFIRMED, true));
    open.session.recoveryPending = false;
    return { ...open.session };
  }

  /** Replaces the recovery code; the old one stops working at once. */
  async newRecoveryCode(): Promise<string> {
    const open = this.requireOpen();
    const masterKey = this.requireKey();
    const file = readSlotFile(this.files.slots);
    const code = generateRecoveryCode();
    const slot = await this.makeSecretSlot(masterKey, 'recovery', code, {
      userId: open.session.userId,
      vaultId: file.vaultId,
      generation: file.generation,
      kdf: this.options.kdf,
      now: new Date(this.options.now()),
    });
    this.assertStillOpen(open.db);
    writeSlotFile(this.files.slots, { ...file, slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot] });
    this.write({ action: 'vault.newRecoveryCode', outcome: 'ok' }, (db) => writeSetting(db, RECOVERY_CONFIRMED, false));
    open.session.recoveryPending = true;
    return code;
  }

  /** Rewrites only this user's passphrase slot. `current` is required unless the user unlocked with the recovery code. */
  async changePassphrase(current: string | undefined, next: string): Promise<SessionInfo> {
    const open = this.requireOpen();
    const masterKey = this.requireKey();
    assertPassphraseAcceptable(next);
    const file = readSlotFile(this.files.slots);
    const mine = this.passphraseSlotOf(file, open.session.userId);
    if (!open.session.mustChangePassphrase) {
      if (current === undefined) throw new AppError('invalid_input', { field: 'current' });
      if (!mine || !(await this.slotOpensWith(mine, file, passphraseSecret(current)))) throw new AppError('wrong_passphrase');
    }
    if (mine && (await this.slotOpensWith(mine, file, passphraseSecret(next)))) throw new AppError('passphrase_reused');
    const slot = this.tagged(
      file,
      open.session.displayName,
      await this.makeSecretSlot(masterKey, 'passphrase', next, {
        userId: open.session.userId,
        vaultId: file.vaultId,
        generation: file.generation,
        kdf: this.options.kdf,
        now: new Date(this.options.now()),
      }),
    );
    this.assertStillOpen(open.db);
    writeSlotFile(this.files.slots, { ...file, lastSlotId: slot.id, slots: [...file.slots.filter((s) => s !== mine), slot] });
    this.write({ action: 'vault.changePassphrase', entity: 'user', entityId: open.session.userId, outcome: 'ok' }, (db) =>
      updateUser(db, open.session.userId, { mustChangePassphrase: false }),
    );
    open.session.mustChangePassphrase = false;
    return { ...open.session };
  }

  /**
   * Re-encrypts the database under a new random master key (PRAGMA rekey). The caller's passphrase slot and
   * a new recovery code wrap the new key; every other slot is dropped, because only its owner could rewrap it.
   * Both generations of slots stay in the slot file until the rekey is done, so an interruption loses nothing.
   */
  async rotateMasterKey(passphrase: string): Promise<string> {
    const open = this.requireOpen();
    const file = readSlotFile(this.files.slots);
    const mine = this.passphraseSlotOf(file, open.session.userId);
    if (!mine || !(await this.slotOpensWith(mine, file, passphraseSecret(passphrase)))) throw new AppError('wrong_passphrase');
    const newKey = randomBytes(32);
    const code = generateRecoveryCode();
    const slotOptions = {
      userId: open.session.userId,
      vaultId: file.vaultId,
      generation: file.generation + 1,
      kdf: this.options.kdf,
      now: new Date(this.options.now()),
    };
    const newPassphraseSlot = this.tagged(
      file,
      open.session.displayName,
      await this.makeSecretSlot(newKey, 'passphrase', passphrase, slotOptions),
    );
    const newRecoverySlot = await this.makeSecretSlot(newKey, 'recovery', code, slotOptions);
    this.assertStillOpen(open.db);
    const rotated: SlotFile = { ...file, generation: slotOptions.generation, lastSlotId: newPassphraseSlot.id };
    writeSlotFile(this.files.slots, { ...rotated, slots: [...file.slots, newPassphraseSlot, newRecoverySlot] });
    const db = open.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    // SQLCipher cannot rekey in WAL mode; the rollback journal keeps the rekey itself atomic.
    db.pragma('journal_mode=DELETE');
    db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    db.pragma('journal_mode=WAL');
    writeSlotFile(this.files.slots, { ...rotated, slots: [newPassphraseSlot, newRecoverySlot] });
    this.masterKey?.fill(0);
    this.masterKey = newKey;
    this.write({ action: 'vault.rotateMasterKey', outcome: 'ok', detail: `generation ${slotOptions.generation}` }, (d) =>
      writeSetting(d, RECOVERY_CONFIRMED, false),
    );
    open.session.recoveryPending = true;
    return code;
  }

  /**
   * Makes a passphrase slot for a staff member, found at unlock by their name. Returns the step that stores it
   * (replacing their earlier passphrase slots), so the caller can first commit the database change it belongs to.
   */
  async preparePassphraseSlot(userId: string, name: string, passphrase: string): Promise<() => void> {
    const open = this.requireOpen();
    const file = readSlotFile(this.files.slots);
    const slot = this.tagged(
      file,
      name,
      await this.makeSecretSlot(this.requireKey(), 'passphrase', passphrase, {
        userId,
        vaultId: file.vaultId,
        generation: file.generation,
        kdf: this.options.kdf,
        now: new Date(this.options.now()),
      }),
    );
    this.assertStillOpen(open.db);
    return () => this.replaceSlotsOf(userId, [slot]);
  }

  /**
   * Removes every slot of a user: nothing they know opens the vault any more. A recovery code they made goes
   * too; the vault then asks its coordinators for a new one.
   */
  removeSlotsOf(userId: string): void {
    this.requireOpen();
    const file = readSlotFile(this.files.slots);
    const hadRecovery = file.slots.some((s) => s.kind === 'recovery' && s.userId === userId);
    this.replaceSlotsOf(userId, [], { includingRecovery: true });
    if (hadRecovery) {
      this.write({ action: 'vault.recoveryCodeRemoved', outcome: 'ok', entity: 'user', entityId: userId }, (db) =>
        writeSetting(db, RECOVERY_CONFIRMED, false),
      );
    }
  }

  /** Follows a renamed user's slot, so that the new name finds it at the unlock screen. */
  retagPassphraseSlots(userId: string, name: string): void {
    this.requireOpen();
    const file = readSlotFile(this.files.slots);
    const slots = file.slots.map((s) => (s.kind === 'passphrase' && s.userId === userId ? this.tagged(file, name, s) : s));
    writeSlotFile(this.files.slots, { ...file, slots });
  }

  /** Updates the open session after the coordinator changed their own account. */
  refreshSession(change: Partial<Pick<SessionInfo, 'displayName' | 'role'>>): void {
    if (this.session) Object.assign(this.session, change);
  }

  private replaceSlotsOf(userId: string, replacement: KeySlot[], options = { includingRecovery: false }): void {
    const file = readSlotFile(this.files.slots);
    const kept = file.slots.filter((s) => !(s.userId === userId && (s.kind === 'passphrase' || options.includingRecovery)));
    const lastSlotId = kept.some((s) => s.id === file.lastSlotId) ? file.lastSlotId : null;
    writeSlotFile(this.files.slots, { ...file, lastSlotId, slots: [...kept, ...replacement] });
  }

  private tagged(file: SlotFile, name: string, slot: KeySlot): KeySlot {
    return file.nameSalt ? { ...slot, nameTag: nameTag(file.nameSalt, name) } : slot;
  }

  /** The master key of the open vault, for the file verifier. */
  requireKey(): Buffer {
    if (!this.masterKey) throw new AppError('locked');
    return this.masterKey;
  }

  /** The database path, for the file verifier. */
  get databasePath(): string {
    return this.files.db;
  }

  /** Closes the database and zeroes the key. Returns whether anything was open. */
  lock(): boolean {
    const wasOpen = this.db !== null;
    try {
      this.db?.close();
    } finally {
      this.db = null;
      this.masterKey?.fill(0);
      this.masterKey = null;
      this.session = null;
    }
    return wasOpen;
  }

  /** Runs a change and its audit record in one transaction, as the current user. */
  write<T>(entry: Omit<AuditEntry, 'userId'>, change: (db: Db) => T): T {
    const open = this.requireOpen();
    return open.db.transaction(() => {
      const result = change(open.db);
      appendAudit(open.db, { ...entry, userId: open.session.userId }, new Date(this.options.now()));
      return result;
    })();
  }

  private async unlockWith(kind: SlotKind, secret: Buffer, name?: string): Promise<SessionInfo> {
    this.assertNotThrottled();
    if (this.db) this.lock();
    try {
      const file = readSlotFile(this.files.slots);
      const candidates = this.candidateSlots(file, kind, name);
      // An unknown name costs the same time as a wrong passphrase: the answer says nothing about who exists.
      if (candidates.length === 0) (await deriveKek(secret, randomBytes(16), this.options.kdf)).fill(0);
      for (const slot of candidates) {
        const key = await openSlot(slot, secret, file.vaultId);
        if (!key) continue;
        const opened = await this.openAfterUnwrap(file, slot, key, secret);
        if (kind === 'passphrase' && file.lastSlotId !== slot.id) {
          const latest = readSlotFile(this.files.slots);
          writeSlotFile(this.files.slots, { ...latest, lastSlotId: slot.id });
        }
        return opened;
      }
    } finally {
      secret.fill(0);
    }
    recordFailure(this.options.dataDir, this.options.now());
    throw new AppError(kind === 'passphrase' ? 'wrong_passphrase' : 'wrong_recovery_code', this.retryDetails());
  }

  /**
   * Opens the database with a key from `slot`. If a master-key rotation was interrupted before the rekey,
   * the new key does not open the database: the older slot opens it and the rotation is rolled back.
   * If it was interrupted after the rekey, the older slots are removed.
   */
  private async openAfterUnwrap(file: SlotFile, slot: KeySlot, key: Buffer, secret: Buffer): Promise<SessionInfo> {
    const mustChangePassphrase = slot.kind === 'recovery';
    const older = file.slots.filter((s) => s.generation < slot.generation && s.kind === slot.kind && s.userId === slot.userId);
    try {
      const session = this.openDatabase(key, slot.userId, { mustChangePassphrase }).session;
      if (file.slots.some((s) => s.generation < file.generation)) {
        writeSlotFile(this.files.slots, { ...file, slots: file.slots.filter((s) => s.generation === file.generation) });
      }
      return session;
    } catch (error) {
      for (const previous of older) {
        const previousKey = await openSlot(previous, secret, file.vaultId);
        if (!previousKey) continue;
        const session = this.openDatabase(previousKey, previous.userId, { mustChangePassphrase }).session;
        writeSlotFile(this.files.slots, {
          ...file,
          generation: previous.generation,
          lastSlotId: previous.kind === 'passphrase' ? previous.id : file.lastSlotId,
          slots: file.slots.filter((s) => s.generation === previous.generation),
        });
        key.fill(0);
        return session;
      }
      key.fill(0);
      if (error instanceof AppError && DATABASE_PROBLEMS.has(error.code)) this.problem = error.code;
      throw error;
    }
  }

  /** Opens polku.db with an unwrapped key, migrates it and starts the session. Keeps `key` on success. */
  private openDatabase(key: Buffer, userId: string, flags: { mustChangePassphrase: boolean; isUnlock?: boolean }): OpenVault {
    let db: Db;
    try {
      db = openEncrypted(this.files.db, key, this.driverOptions());
    } catch (error) {
      // A key from a valid slot that cannot open the file: if even page 1 fails its HMAC under this key, the
      // file was written under another key (another vault's database); otherwise it is damaged.
      if (error instanceof AppError && error.code === 'db_corrupt') {
        const firstBadPage = verifyDatabaseFile(this.files.db, key).firstBadPage;
        throw new AppError(firstBadPage === 1 ? 'db_foreign' : 'db_corrupt');
      }
      throw error;
    }
    try {
      this.assertNotTruncated(db);
      migrate(db, MIGRATIONS);
      if (readSetting(db, VAULT_ID) !== readSlotFile(this.files.slots).vaultId) throw new AppError('db_foreign');
      const user = findUser(db, userId);
      if (!user?.active) throw new AppError('forbidden');
      const attempts = readAttempts(this.options.dataDir);
      const session: SessionInfo = {
        userId: user.id,
        displayName: user.displayName,
        role: user.role satisfies Role,
        mustChangePassphrase: flags.mustChangePassphrase || user.mustChangePassphrase,
        recoveryPending: readSetting(db, RECOVERY_CONFIRMED) === false,
      };
      if (flags.isUnlock !== false) this.auditUnlock(db, user.id, attempts.failures, flags.mustChangePassphrase);
      clearFailures(this.options.dataDir);
      this.db = db;
      this.masterKey = key;
      this.session = session;
      return { db, session };
    } catch (error) {
      db.close();
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
        throw new AppError('db_corrupt');
      throw error;
    }
  }

  private auditUnlock(db: Db, userId: string, failures: number, withRecoveryCode: boolean): void {
    const now = new Date(this.options.now());
    db.transaction(() => {
      if (failures > 0)
        appendAudit(db, { userId: null, action: 'vault.unlock', outcome: 'failed', detail: `${failures} attempts` }, now);
      appendAudit(
        db,
        { userId, action: 'vault.unlock', outcome: 'ok', detail: withRecoveryCode ? 'recovery code' : 'passphrase' },
        now,
      );
    })();
  }

  /** A file cut at a page boundary still opens; the page count in its header tells. */
  private assertNotTruncated(db: Db): void {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    if (statSync(this.files.db).size < pages * PAGE_SIZE) throw new AppError('db_corrupt');
  }

  /**
   * The slots an unlock tries: with a name, that user's passphrase slot; without one, the slot of whoever
   * unlocked last (or every slot, when that is not known). Recovery: the recovery slot.
   */
  private candidateSlots(file: SlotFile, kind: SlotKind, name?: string): KeySlot[] {
    const slots = file.slots.filter((s) => s.kind === kind && s.generation === file.generation);
    if (kind === 'recovery') return slots;
    if (name?.trim() && file.nameSalt) {
      const tag = nameTag(file.nameSalt, name);
      return slots.filter((s) => s.nameTag === tag);
    }
    const last = slots.filter((s) => s.id === file.lastSlotId);
    return last.length > 0 ? last : slots;
  }

  private passphraseSlotOf(file: SlotFile, userId: string): KeySlot | undefined {
    return file.slots.find((s) => s.kind === 'passphrase' && s.userId === userId && s.generation === file.generation);
  }

  private async slotOpensWith(slot: KeySlot, file: SlotFile, secret: Buffer): Promise<boolean> {
    try {
      const key = await openSlot(slot, secret, file.vaultId);
      key?.fill(0);
      return key !== null;
    } finally {
      secret.fill(0);
    }
  }

  private async makeSecretSlot(
    masterKey: Buffer,
    kind: SlotKind,
    secretText: string,
    o: { userId: string; vaultId: string; generation: number; kdf: ScryptParams; now: Date },
  ): Promise<KeySlot> {
    const secret = kind === 'recovery' ? normalizeRecoveryCode(secretText) : passphraseSecret(secretText);
    if (!secret) throw new AppError('internal');
    try {
      return await makeSlot(masterKey, secret, { ...o, kind });
    } finally {
      secret.fill(0);
    }
  }

  private requireOpen(): OpenVault {
    const open = this.current;
    if (!open) throw new AppError('locked');
    return open;
  }

  /** Slow work awaited above; if the vault was locked meanwhile, stop before writing anything. */
  private assertStillOpen(db: Db): void {
    if (this.db !== db) throw new AppError('locked');
  }

  private assertNotThrottled(): void {
    const wait = this.retryAfterMs();
    if (wait > 0) throw new AppError('throttled', { retryAfterMs: wait });
  }

  private retryDetails(): { retryAfterMs: number } {
    return { retryAfterMs: this.retryAfterMs() };
  }

  private driverOptions() {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }
}
