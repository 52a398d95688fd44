import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { HistoryProblem, SessionInfo } from '@shared/vault';
import { AppError, type ErrorCode } from '@shared/errors';
import type { Role } from '@shared/roles';
import { appendAudit, auditHashAt, deriveChainKey, rechainAudit, useChainKey, type AuditEntry } from '../audit/audit';
import { backupFiles } from '../backup/files';
import { ownedCopy, wipe } from '../backup/state';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db } from '../db/open';
import { removeIfExists, renameDurably } from '../fs/atomic';
import { fileOps, type FileFault, type FileOps } from '../fs/file-ops';
import { isDiskFailure, isDiskFull } from '../fs/disk-full';
import { runJob } from '../jobs/runner';
import { setAsideVaultFiles } from './set-aside';
import { anchorAfterRekey, HistoryKeeper } from './anchor';
import { closeCompartment, openCompartmentAtUnlock, rewrapForPassphrase, type CompartmentContext } from './compartment';
import { logEvent } from '../log';
import { readSetting, writeSetting } from '../settings/repo';
import { findUser, updateUser } from '../users/repo';
import { probeVault, vaultFiles } from './files';
import { deriveKek, type ScryptParams } from './kdf';
import { openRotationBridge, openSlot, type AuditHeadRef, type KeySlot, type SlotFile, type SlotKind } from './keyslots';
import { assertPassphraseAcceptable, passphraseSecret } from './passphrase-policy';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery';
import { candidateSlots, earlierGenerationsOf, passphraseSlotOf, slotOpensWith, SlotStore } from './slot-store';
import { clearFailures, readAttempts, recordFailure, retryAfterMs, type AttemptState } from './throttle';
import {
  assertNotTruncated,
  auditUnlock,
  createVaultDatabase,
  openVaultDatabase,
  RECOVERY_CONFIRMED,
  ROTATED_TO,
  unlockRecords,
  VAULT_ID,
} from './vault-database';

export interface VaultOptions {
  dataDir: string;
  now: () => number;
  kdf: ScryptParams;
  nativeBinding?: string;
  /** Starts long work in a worker thread; the job runner unless a test watches what runs. */
  runJob?: typeof runJob;
  /** Injected failures of the slot-file and attempts writes (tests only). */
  fileFaults?: readonly FileFault[];
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

/**
 * A database restored from a backup that a fresh install takes over instead of an empty one: `write` puts it
 * at `path` under the new master key, with the new vault id; `userId` is the coordinator who sets it up.
 */
export interface RestoredDatabase {
  userId: string;
  write(path: string, masterKey: Buffer, vaultId: string): Promise<void>;
}

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
  private readonly slots: SlotStore;
  private readonly ops: FileOps;
  private readonly lockListeners = new Set<() => void>();
  /** A master-key rotation whose rekey runs while the database is closed; `locked` once a lock came meanwhile. */
  private rekeying: { locked: boolean } | null = null;
  /** The history anchor of the open database and the key its audit rows are chained under (anchor.ts). */
  private history: HistoryKeeper | null = null;
  private chainKey: Buffer | null = null;
  /**
   * Audit records that found the disk full (the unlock's, a read's): kept in memory and written before the next
   * request and at the lock, in their order and with their own times. What a lock still finds here is lost, and
   * the log says how many (a count only).
   */
  private deferred: { record: AuditEntry; at: Date }[] = [];
  /** The unlock's step of the history counter found the disk full: it is taken before the next request instead. */
  private counterPending = false;
  /** Failed attempts that the attempts file had no room for (or could not take): counted with the file's meanwhile. */
  private unsavedFailures: AttemptState | null = null;
  /** The open connection holds the database alone, opened on a full disk (openVaultFile); shared again once there is room. */
  private heldAlone = false;

  constructor(private readonly options: VaultOptions) {
    this.files = vaultFiles(options.dataDir);
    this.ops = fileOps(options.fileFaults);
    this.slots = new SlotStore(this.files.slots, options.kdf, this.ops);
  }

  status(): VaultStatus {
    if (this.db) return { state: 'unlocked', problem: null };
    if (this.problem) return { state: 'broken', problem: this.problem };
    const probe = probeVault(this.options.dataDir);
    if (probe === 'uninitialized') return { state: 'uninitialized', problem: null };
    if (probe) return { state: 'broken', problem: probe };
    try {
      this.slots.read();
    } catch (error) {
      return { state: 'broken', problem: error instanceof AppError ? error.code : 'slots_corrupt' };
    }
    return { state: 'locked', problem: null };
  }

  /**
   * A vault that cannot be opened, set aside so that Polku can be restored from a backup in its place: its files
   * move into a new folder in the data folder (nothing is deleted) and the vault is as on a new laptop. Refused
   * unless the vault is broken, and for data saved by a newer Polku, which opens once Polku is updated.
   */
  setAsideBroken(now: Date): string {
    const status = this.status();
    if (status.state !== 'broken') throw new AppError('vault_not_broken');
    if (status.problem === 'db_newer') throw new AppError('db_newer');
    const folder = setAsideVaultFiles(this.options.dataDir, now);
    this.problem = null;
    return folder;
  }

  /**
   * Whether a restore awaits "keep" or "undo": the database from before it is kept beside the vault
   * (`polku.previous.db`, under the same master key) until then, and "undo" puts it back whole.
   */
  restorePending(): boolean {
    return existsSync(backupFiles(this.options.dataDir).previousDb);
  }

  /** The open database and session, or null while locked. */
  get current(): OpenVault | null {
    return this.db && this.session ? { db: this.db, session: this.session } : null;
  }

  /** Milliseconds until another unlock attempt is allowed. */
  retryAfterMs(): number {
    return retryAfterMs(this.attempts(), this.options.now());
  }

  /** The failed attempts since the last unlock: the attempts file's, and those it had no room for. */
  private attempts(): AttemptState {
    const saved = readAttempts(this.options.dataDir);
    const unsaved = this.unsavedFailures;
    if (!unsaved) return saved;
    return { failures: saved.failures + unsaved.failures, lastFailureAt: Math.max(saved.lastFailureAt, unsaved.lastFailureAt) };
  }

  /**
   * Counts one failed attempt (a wrong passphrase or recovery code) towards the growing wait. When the attempts
   * file cannot be written (a full disk), the count is kept in memory and added to the file's, so that guesses are
   * still counted and slowed down while this process runs; the next attempt that can be written carries it along.
   */
  countFailedAttempt(): void {
    const now = this.options.now();
    const unsaved = this.unsavedFailures;
    try {
      recordFailure(this.options.dataDir, now, unsaved?.failures ?? 0, this.ops);
      this.unsavedFailures = null;
    } catch (error) {
      logEvent(isDiskFull(error) ? 'disk-full' : 'internal-error', { channel: 'vault.attempts', error });
      this.unsavedFailures = { failures: (unsaved?.failures ?? 0) + 1, lastFailureAt: Math.max(0, Math.floor(now)) };
    }
  }

  /** An unlock succeeded: every failed attempt is forgotten. */
  private forgetFailures(): void {
    this.unsavedFailures = null;
    clearFailures(this.options.dataDir);
  }

  /**
   * First run: a new vault with one coordinator, or with the database of a backup (`restored`). Returns the
   * recovery code, to be shown once.
   */
  async setup(
    input: { displayName: string; passphrase: string },
    restored?: RestoredDatabase,
  ): Promise<{ recoveryCode: string; session: SessionInfo }> {
    if (this.status().state !== 'uninitialized') throw new AppError('vault_exists');
    assertPassphraseAcceptable(input.passphrase);
    const now = new Date(this.options.now());
    const masterKey = randomBytes(32);
    const vaultId = randomBytes(16).toString('hex');
    const userId = restored?.userId ?? randomBytes(16).toString('hex');
    const recoveryCode = generateRecoveryCode();
    const slotFile = await this.slots.firstFile(masterKey, {
      vaultId,
      userId,
      name: input.displayName,
      passphrase: input.passphrase,
      recoveryCode,
    });

    mkdirSync(this.options.dataDir, { recursive: true, mode: 0o700 });
    removeIfExists(this.files.dbDuringSetup);
    if (restored) {
      try {
        await restored.write(this.files.dbDuringSetup, masterKey, vaultId);
      } catch (error) {
        removeIfExists(this.files.dbDuringSetup);
        masterKey.fill(0);
        throw error;
      }
    } else {
      createVaultDatabase(
        this.files.dbDuringSetup,
        masterKey,
        { vaultId, userId, displayName: input.displayName, now },
        this.driverOptions(),
      );
    }
    // Slot file first, database rename last: an interruption in between is completed by probeVault().
    this.slots.write(slotFile);
    renameDurably(this.files.dbDuringSetup, this.files.db);
    this.forgetFailures();

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
      this.countFailedAttempt();
      throw new AppError('wrong_recovery_code', this.retryDetails());
    }
    return this.unlockWith('recovery', secret);
  }

  /** The user typed the recovery code back: it is written down correctly. */
  async confirmRecoveryCode(code: string): Promise<SessionInfo> {
    const open = this.requireOpen();
    if (!(await this.slots.opensRecoverySlot(code))) throw new AppError('wrong_recovery_code');
    this.assertStillOpen(open.db);
    this.write({ action: 'vault.confirmRecoveryCode', outcome: 'ok' }, (db) => writeSetting(db, RECOVERY_CONFIRMED, true));
    open.session.recoveryPending = false;
    return { ...open.session };
  }

  /**
   * Asks the signed-in user for their own passphrase again, before an action that gives lasting access: a new
   * recovery code, a new master key, a new account, a one-time passphrase, a role, a backup or a handover file.
   * Checked against their own passphrase slot. A wrong one is counted by the unlock throttle like a wrong unlock
   * (and shown in the next unlock's audit record); while the throttle asks to wait, no passphrase is tried.
   * A success does not clear the count: only an unlock does.
   */
  async confirmPassphrase(passphrase: string): Promise<void> {
    const open = this.requireOpen();
    this.assertNotThrottled();
    const file = this.slots.read();
    const mine = passphraseSlotOf(file, open.session.userId);
    if (mine && (await slotOpensWith(mine, file, passphraseSecret(passphrase)))) return;
    this.countFailedAttempt();
    throw new AppError('wrong_passphrase', this.retryDetails());
  }

  /**
   * A colleague types their own passphrase into this session (to be given the psychologists' compartment key):
   * checked against their passphrase slot, a wrong one counted by the unlock throttle as in confirmPassphrase.
   */
  async confirmPassphraseOf(userId: string, passphrase: string): Promise<void> {
    this.requireOpen();
    this.assertNotThrottled();
    const file = this.slots.read();
    const theirs = passphraseSlotOf(file, userId);
    if (theirs && (await slotOpensWith(theirs, file, passphraseSecret(passphrase)))) return;
    this.countFailedAttempt();
    throw new AppError('wrong_passphrase', this.retryDetails());
  }

  /** What the psychologists' compartment (compartment.ts) works with in this session. */
  compartmentContext(): CompartmentContext {
    const open = this.requireOpen();
    const { userId, role } = open.session;
    return { db: open.db, userId, role, kdf: this.options.kdf, now: new Date(this.options.now()), driver: this.driverOptions() };
  }

  /** A psychologist's unlock opens (or first makes) their key to the sealed private notes; never fails the unlock. */
  private async openCompartment(secret: Buffer): Promise<void> {
    try {
      await openCompartmentAtUnlock(this.compartmentContext(), secret);
    } catch {
      // The psychologist works with the notes sealed; the next unlock tries again.
    }
  }

  /** Replaces the recovery code; the old one stops working at once. */
  async newRecoveryCode(): Promise<string> {
    const open = this.requireOpen();
    const masterKey = this.requireKey();
    const file = this.slots.read();
    const code = generateRecoveryCode();
    const slot = await this.slots.makeRecoverySlot(file, masterKey, code, {
      userId: open.session.userId,
    });
    this.assertStillOpen(open.db);
    this.slots.replaceRecoverySlot(file, slot);
    this.write({ action: 'vault.newRecoveryCode', outcome: 'ok' }, (db) => writeSetting(db, RECOVERY_CONFIRMED, false));
    open.session.recoveryPending = true;
    return code;
  }

  /** Rewrites only this user's passphrase slot. `current` is required unless the user unlocked with the recovery code. */
  async changePassphrase(current: string | undefined, next: string): Promise<SessionInfo> {
    const open = this.requireOpen();
    const masterKey = this.requireKey();
    assertPassphraseAcceptable(next);
    const file = this.slots.read();
    const mine = passphraseSlotOf(file, open.session.userId);
    if (!open.session.mustChangePassphrase) {
      if (current === undefined) throw new AppError('invalid_input', { field: 'current' });
      if (!mine || !(await slotOpensWith(mine, file, passphraseSecret(current)))) throw new AppError('wrong_passphrase');
    }
    if (mine && (await slotOpensWith(mine, file, passphraseSecret(next)))) throw new AppError('passphrase_reused');
    const slot = await this.slots.makePassphraseSlot(file, masterKey, next, open.session.displayName, {
      userId: open.session.userId,
    });
    const nextSecret = passphraseSecret(next);
    const rewrap = await rewrapForPassphrase(this.compartmentContext(), nextSecret).finally(() => nextSecret.fill(0));
    this.assertStillOpen(open.db);
    this.slots.replacePassphraseSlot(file, mine, slot);
    this.write({ action: 'vault.changePassphrase', entity: 'user', entityId: open.session.userId, outcome: 'ok' }, (db) => {
      updateUser(db, open.session.userId, { mustChangePassphrase: false });
      rewrap(db);
    });
    open.session.mustChangePassphrase = false;
    return { ...open.session };
  }

  /**
   * Re-encrypts the database under a new random master key. The caller's passphrase slot and a new recovery
   * code wrap the new key; every other slot is dropped, because only its owner could rewrap it. Until the rotation
   * is finished the slot file keeps both generations of slots and the new key wrapped under the old one, so an
   * interruption at any point loses nothing: the next unlock, with any slot of either generation, undoes the
   * rotation (rekey not committed) or finishes it (committed), see openAfterUnwrap. The rekey runs in a worker
   * thread with the database closed here (SQLite leaves WAL mode only with one connection open); requests wait in
   * the core's queue meanwhile, and the database is opened again after.
   */
  async rotateMasterKey(
    passphrase: string,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<string> {
    const open = this.requireOpen();
    await this.confirmPassphrase(passphrase);
    const file = this.slots.read();
    const newKey = randomBytes(32);
    const code = generateRecoveryCode();
    const during = await this.slots.rotatingFile(
      file,
      { oldKey: this.requireKey(), newKey },
      { userId: open.session.userId, name: open.session.displayName, passphrase, recoveryCode: code },
    );
    this.assertStillOpen(open.db);
    this.slots.write(during);

    // A copy of the old key of its own: a lock during the rekey zeroes the live one, and the rotation still needs it.
    const oldKey = Buffer.alloc(32);
    this.requireKey().copy(oldKey);
    const { userId, mustChangePassphrase } = open.session;
    const rekeyed = await this.rekeyClosed(oldKey, newKey, onProgress);
    const lockedMeanwhile = this.rekeying?.locked === true;
    this.rekeying = null;
    this.masterKey?.fill(0);
    this.masterKey = null;
    if (rekeyed !== true) {
      newKey.fill(0);
      if (!lockedMeanwhile) this.reopenAfterFailedRekey(oldKey, userId, mustChangePassphrase, file);
      if (this.masterKey !== oldKey) oldKey.fill(0);
      throw rekeyed.error;
    }

    // Finished on disk even when the vault was locked meanwhile: the new recovery code was never shown, so it is pending.
    try {
      this.finishRotation(oldKey, newKey);
      if (lockedMeanwhile) throw new AppError('locked');
      this.openDatabase(newKey, userId, { mustChangePassphrase, isUnlock: false });
    } catch (error) {
      newKey.fill(0);
      this.lock();
      throw error;
    } finally {
      oldKey.fill(0);
    }
    this.advanceHistory();
    this.requireOpen().session.recoveryPending = true;
    return code;
  }

  /**
   * What a rotation does once its rekey has committed, by the rotation itself or by the next unlock after an
   * interruption: in one transaction of the database (under `newKey`) the audit log is chained anew under the new
   * key, the recovery code is marked unconfirmed (the new one may never have been shown) and the rotation is
   * audited, with a mark so that a second attempt after a crash does none of it twice; then the slot file keeps
   * only the new generation, with the history anchor sealed under the new key. `oldKey` is null when the unlock
   * could not open an old slot: the chain is then left as it is, for the integrity check to report.
   */
  private finishRotation(oldKey: Buffer | null, newKey: Buffer): void {
    const file = this.slots.read();
    const rotator = file.slots.find((s) => s.kind === 'passphrase' && s.generation === file.generation)?.userId;
    const db = openVaultDatabase(this.files.db, newKey, this.driverOptions());
    const chainKey = deriveChainKey(newKey, file.vaultId);
    const oldChainKey = oldKey ? deriveChainKey(oldKey, file.vaultId) : null;
    try {
      useChainKey(db, chainKey);
      const anchor = db.transaction(() => {
        const alreadyRechained = readSetting(db, ROTATED_TO) === file.generation;
        const rechained = anchorAfterRekey(
          db,
          file,
          { oldKey, newKey },
          {
            alreadyRechained,
            rechain: () => {
              if (!alreadyRechained && oldChainKey) rechainAudit(db, oldChainKey);
            },
          },
        );
        if (!alreadyRechained) {
          writeSetting(db, RECOVERY_CONFIRMED, false);
          writeSetting(db, ROTATED_TO, file.generation);
          if (rotator) {
            const entry = { userId: rotator, action: 'vault.rotateMasterKey', outcome: 'ok' as const };
            appendAudit(db, { ...entry, detail: `generation ${file.generation}` }, new Date(this.options.now()));
          }
        }
        return rechained;
      })();
      this.slots.finishRotation(anchor);
    } finally {
      db.close();
      chainKey.fill(0);
      oldChainKey?.fill(0);
    }
  }

  /**
   * Closes the database and rekeys its file from `oldKey` to `newKey` in a worker thread. Returns true, or
   * what went wrong; the database stays closed either way, with `rekeying` set until the caller clears it.
   */
  private async rekeyClosed(
    oldKey: Buffer,
    newKey: Buffer,
    onProgress: (done: number, total: number) => void,
  ): Promise<true | { error: unknown }> {
    const db = this.requireOpen().db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    closeCompartment(db);
    db.close();
    this.db = null;
    this.session = null;
    this.rekeying = { locked: false };
    const oldCopy = ownedCopy(oldKey);
    const newCopy = ownedCopy(newKey);
    try {
      const job = (this.options.runJob ?? runJob)(
        'vault.rekey',
        {
          path: this.files.db,
          temp: this.files.dbDuringRekey,
          oldKey: oldCopy,
          newKey: newCopy,
          driver: this.driverOptions(),
          faults: [...(this.options.fileFaults ?? [])],
        },
        { transfer: [oldCopy.buffer as ArrayBuffer, newCopy.buffer as ArrayBuffer], onProgress },
      );
      await job.outcome;
      return true;
    } catch (error) {
      return { error };
    } finally {
      wipe(oldCopy);
      wipe(newCopy);
    }
  }

  /** The rekey failed: the database is opened again under the old key and the rotation's slots are undone. */
  private reopenAfterFailedRekey(oldKey: Buffer, userId: string, mustChangePassphrase: boolean, file: SlotFile): void {
    try {
      this.openDatabase(oldKey, userId, { mustChangePassphrase, isUnlock: false });
    } catch {
      // Still under the new key, or damaged: the vault stays locked, and the next unlock tries both generations.
      this.lock();
      return;
    }
    this.slots.write(file);
  }

  /**
   * Makes a passphrase slot for a staff member, found at unlock by their name. Returns the step that stores it
   * (replacing their earlier passphrase slots), so the caller can first commit the database change it belongs to.
   */
  async preparePassphraseSlot(userId: string, name: string, passphrase: string): Promise<() => void> {
    const open = this.requireOpen();
    const file = this.slots.read();
    const slot = await this.slots.makePassphraseSlot(file, this.requireKey(), passphrase, name, {
      userId,
    });
    this.assertStillOpen(open.db);
    return () => this.slots.replacePassphraseSlotsOf(userId, slot);
  }

  /**
   * Removes every slot of a user: nothing they know opens the vault any more. A recovery code they made goes
   * too; the vault then asks its coordinators for a new one.
   */
  removeSlotsOf(userId: string): void {
    this.requireOpen();
    if (this.slots.removeSlotsOf(userId)) {
      this.write({ action: 'vault.recoveryCodeRemoved', outcome: 'ok', entity: 'user', entityId: userId }, (db) =>
        writeSetting(db, RECOVERY_CONFIRMED, false),
      );
    }
  }

  /** Follows a renamed user's slot, so that the new name finds it at the unlock screen. */
  retagPassphraseSlots(userId: string, name: string): void {
    this.requireOpen();
    this.slots.retagPassphraseSlots(userId, name);
  }

  /** Updates the open session after the coordinator changed their own account. */
  refreshSession(change: Partial<Pick<SessionInfo, 'displayName' | 'role'>>): void {
    if (this.session) Object.assign(this.session, change);
  }

  /** The master key of the open vault, for the file verifier. */
  requireKey(): Buffer {
    if (!this.masterKey) throw new AppError('locked');
    return this.masterKey;
  }

  /** The vault's data folder (the unlock throttle's file lives there). */
  get dataDir(): string {
    return this.options.dataDir;
  }

  /** The database path, for the file verifier. */
  get databasePath(): string {
    return this.files.db;
  }

  /** Closes the database and zeroes the key. Returns whether anything was open. */
  lock(): boolean {
    const wasOpen = this.db !== null || this.rekeying?.locked === false;
    if (this.rekeying) this.rekeying.locked = true;
    try {
      this.writeDeferred();
      this.advanceHistory();
      if (this.db) closeCompartment(this.db);
      this.db?.close();
    } finally {
      if (this.deferred.length > 0) logEvent('audit-not-recorded', { channel: 'vault.lock', count: this.deferred.length });
      this.deferred = [];
      this.counterPending = false;
      this.heldAlone = false;
      this.db = null;
      this.masterKey?.fill(0);
      this.masterKey = null;
      this.session = null;
      this.dropHistory();
    }
    if (wasOpen) for (const listener of this.lockListeners) listener();
    return wasOpen;
  }

  /** Calls `listener` whenever the open vault locks (long work under way stops). Returns the unsubscribe function. */
  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /**
   * Closes the database (its WAL checkpointed away), lets `swap` put another file in its place under the same
   * master key, and opens that as the same user. If the new file does not open, `undo` puts the old one back
   * and it is opened again; if even that fails, the vault stays locked.
   */
  replaceDatabase(swap: () => void, undo: () => void): void {
    const open = this.requireOpen();
    const key = this.requireKey();
    const { userId } = open.session;
    open.db.pragma('wal_checkpoint(TRUNCATE)');
    closeCompartment(open.db);
    open.db.close();
    this.db = null;
    this.session = null;
    const reopen = () => {
      // Opening a missing file would create an empty database in its place; the next start puts the file back.
      if (!existsSync(this.files.db)) throw new AppError('db_missing');
      this.openDatabase(key, userId, { mustChangePassphrase: false, isUnlock: false });
    };
    try {
      try {
        swap();
      } catch (error) {
        reopen();
        throw error;
      }
      try {
        reopen();
      } catch (error) {
        undo();
        reopen();
        throw error;
      }
    } catch (error) {
      if (!this.db) this.lock();
      throw error;
    }
  }

  /** How the database driver is loaded (the native binding built for this runtime), for connections of long work. */
  get openOptions(): { nativeBinding?: string } {
    return this.driverOptions();
  }

  /**
   * Anchors the audit log's head outside the database if it moved (anchor.ts): called after every request and at
   * lock. A failure to write the slot file is logged, not thrown: the change itself is committed, and the anchor
   * is tried again after the next request and at the lock.
   */
  advanceHistory(): void {
    if (!this.db || !this.history) return;
    try {
      this.history.advance(this.db);
    } catch (error) {
      logEvent('internal-error', { channel: 'history.anchor', error });
    }
  }

  /** A read's audit record that found the disk full: written with the others before the next request (see `deferred`). */
  deferAudit(record: AuditEntry, at: Date): void {
    if (this.db) this.deferred.push({ record, at });
  }

  /**
   * Writes what a full disk held back (audit records, the unlock's step of the history counter), if there is room
   * now; called by dispatch before every request and at the lock. Still no room: it waits, nothing is thrown.
   */
  writeDeferred(): void {
    const db = this.db;
    if (!db || (this.deferred.length === 0 && !this.counterPending && !this.heldAlone)) return;
    try {
      if (this.deferred.length > 0) {
        const records = this.deferred;
        db.transaction(() => {
          for (const { record, at } of records) appendAudit(db, record, at);
        })();
        this.deferred = [];
      }
      if (this.counterPending && this.history) {
        this.history.advance(db, { nextCounter: true });
        this.counterPending = false;
      }
      if (this.heldAlone) this.shareAgain(db);
    } catch (error) {
      if (!isDiskFull(error)) logEvent('internal-error', { channel: 'vault.deferred', error });
    }
  }

  /** The coordinator continues with a database found older than its anchor: recorded, and anchored from now on. */
  acceptHistory(): SessionInfo {
    const open = this.requireOpen();
    if (this.history?.problem) this.history.accept(open.db, open.session.userId, new Date(this.options.now()));
    delete open.session.historyProblem;
    return { ...open.session };
  }

  /** A backup recorded `head` in its manifest: the anchor remembers it, for the integrity check. */
  noteBackupHead(head: AuditHeadRef): void {
    const open = this.requireOpen();
    this.history?.noteBackup(open.db, head);
  }

  /** The history's state for the integrity check: what the unlock found, and the backup heads gone from the chain. */
  historyCheck(): { problem: HistoryProblem | null; backupHeadsChecked: number; backupHeadsMissing: number } {
    const open = this.requireOpen();
    const heads = this.history?.backupHeads ?? [];
    const missing = heads.filter((head) => auditHashAt(open.db, head.id) !== head.hash).length;
    return { problem: this.history?.problem?.problem ?? null, backupHeadsChecked: heads.length, backupHeadsMissing: missing };
  }

  private dropHistory(): void {
    this.history?.close();
    this.history = null;
    this.chainKey?.fill(0);
    this.chainKey = null;
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
      const file = this.slots.read();
      const candidates = candidateSlots(file, kind, name);
      // An unknown name costs the same time as a wrong passphrase: the answer says nothing about who exists.
      if (candidates.length === 0) (await deriveKek(secret, randomBytes(16), this.options.kdf)).fill(0);
      for (const slot of candidates) {
        const key = await openSlot(slot, secret, file.vaultId);
        if (!key) continue;
        const opened = await this.openAfterUnwrap(file, slot, key, secret);
        if (kind === 'passphrase') await this.openCompartment(secret);
        // Only a hint for the next unlock without a name: a disk that refuses it (full, failing, read-only) does not
        // refuse the unlock that succeeded.
        if (kind === 'passphrase' && file.lastSlotId !== slot.id)
          unlessDiskFails('vault.lastSlot', () => this.slots.rememberLastSlot(slot.id));
        return opened;
      }
    } finally {
      secret.fill(0);
    }
    this.countFailedAttempt();
    throw new AppError(kind === 'passphrase' ? 'wrong_passphrase' : 'wrong_recovery_code', this.retryDetails());
  }

  /**
   * Opens the database with a key from `slot`. While a master-key rotation is unfinished (the slot file holds two
   * generations), the old key opens the database if the rekey did not commit: the rotation is undone. Otherwise the
   * new key opens it: the rotation is finished first (finishRotation). Either key is found from a slot of either
   * generation: the same secret opens the owner's other slot, and the old key unwraps the new one from the bridge.
   */
  private async openAfterUnwrap(file: SlotFile, slot: KeySlot, key: Buffer, secret: Buffer): Promise<SessionInfo> {
    const mustChangePassphrase = slot.kind === 'recovery';
    const openWith = (k: Buffer) => this.openDatabase(k, slot.userId, { mustChangePassphrase }).session;
    const failed = (error: unknown, ...keys: (Buffer | null)[]) => {
      for (const k of keys) k?.fill(0);
      if (error instanceof AppError && DATABASE_PROBLEMS.has(error.code)) this.problem = error.code;
      return error;
    };
    if (!file.slots.some((s) => s.generation < file.generation)) {
      try {
        return openWith(key);
      } catch (error) {
        throw failed(error, key);
      }
    }
    const { older, newer } = await this.rotationKeys(file, slot, key, secret);
    let firstError: unknown = null;
    if (older) {
      try {
        const session = openWith(older.key);
        newer?.fill(0);
        this.slots.undoRotation(older.generation, slot);
        return session;
      } catch (error) {
        firstError = error;
      }
    }
    if (newer) {
      try {
        this.finishRotation(older?.key ?? null, newer);
        older?.key.fill(0);
        return openWith(newer);
      } catch (error) {
        // The old key opened the file but something else failed (a newer schema, say): that is the answer to report.
        const foreign = firstError instanceof AppError && firstError.code === 'db_foreign';
        throw failed(firstError && !foreign ? firstError : error, older?.key ?? null, newer);
      }
    }
    throw failed(firstError ?? new AppError('db_foreign'), older?.key ?? null);
  }

  /** The old and the new key of an unfinished rotation, as far as `slot`'s secret reaches them. */
  private async rotationKeys(
    file: SlotFile,
    slot: KeySlot,
    key: Buffer,
    secret: Buffer,
  ): Promise<{ older: { key: Buffer; generation: number } | null; newer: Buffer | null }> {
    if (slot.generation < file.generation) {
      return { older: { key, generation: slot.generation }, newer: openRotationBridge(file, key, slot.generation) };
    }
    for (const previous of earlierGenerationsOf(file, slot)) {
      const previousKey = await openSlot(previous, secret, file.vaultId);
      if (previousKey) return { older: { key: previousKey, generation: previous.generation }, newer: key };
    }
    return { older: null, newer: key };
  }

  /** Opens polku.db with an unwrapped key, migrates it and starts the session. Keeps `key` on success. */
  private openDatabase(key: Buffer, userId: string, flags: { mustChangePassphrase: boolean; isUnlock?: boolean }): OpenVault {
    const { db, alone } = this.openVaultFile(key);
    const vaultId = this.slots.read().vaultId;
    const chainKey = deriveChainKey(key, vaultId);
    useChainKey(db, chainKey);
    let history: HistoryKeeper | null = null;
    try {
      assertNotTruncated(db, this.files.db);
      migrate(db, MIGRATIONS);
      if (readSetting(db, VAULT_ID) !== vaultId) throw new AppError('db_foreign');
      const user = findUser(db, userId);
      if (!user?.active) throw new AppError('forbidden');
      const attempts = this.attempts();
      const isUnlock = flags.isUnlock !== false;
      const now = new Date(this.options.now());
      history = HistoryKeeper.open(db, this.slots, { masterKey: key, userId: user.id, atUnlock: isUnlock, now });
      const session: SessionInfo = {
        userId: user.id,
        displayName: user.displayName,
        role: user.role satisfies Role,
        mustChangePassphrase: flags.mustChangePassphrase || user.mustChangePassphrase,
        recoveryPending: readSetting(db, RECOVERY_CONFIRMED) === false,
        ...(history.problem ? { historyProblem: history.problem.problem } : {}),
      };
      // On a full disk the vault opens all the same, for reading: what the unlock could not write waits in memory.
      const deferred: { record: AuditEntry; at: Date }[] = [];
      let counterPending = false;
      let diskFull = false;
      if (isUnlock) {
        try {
          auditUnlock(db, user.id, attempts.failures, flags.mustChangePassphrase, now);
        } catch (error) {
          if (!isDiskFull(error)) throw error;
          const records = unlockRecords(user.id, attempts.failures, flags.mustChangePassphrase);
          deferred.push(...records.map((record) => ({ record, at: now })));
        }
      }
      try {
        history.advance(db, { nextCounter: isUnlock });
      } catch (error) {
        // Full, failing or read-only: the database's counter is at most ahead of the anchor's, never behind.
        if (!isDiskFailure(error)) throw error;
        if (isDiskFull(error)) diskFull = true;
        else logEvent('internal-error', { channel: 'vault.anchor', error });
        counterPending = isUnlock;
      }
      // A failing disk was logged as such above; only a full one is named so.
      if (deferred.length > 0 || diskFull) logEvent('disk-full', { channel: 'vault.unlock' });
      this.forgetFailures();
      this.dropHistory();
      this.deferred.push(...deferred);
      this.counterPending ||= counterPending;
      this.heldAlone = alone;
      this.db = db;
      this.masterKey = key;
      this.session = session;
      this.history = history;
      this.chainKey = chainKey;
      return { db, session };
    } catch (error) {
      history?.close();
      chainKey.fill(0);
      db.close();
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
        throw new AppError('db_corrupt');
      throw error;
    }
  }

  /**
   * Opens polku.db with `key`. When the disk has no room for the `-shm` index beside it, the file is opened for this
   * connection alone, its index in memory (cipher.ts): reading works, writes answer `disk_full` until there is room.
   */
  private openVaultFile(key: Buffer): { db: Db; alone: boolean } {
    try {
      return { db: openVaultDatabase(this.files.db, key, this.driverOptions()), alone: false };
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      logEvent('disk-full', { channel: 'vault.open' });
      return { db: openVaultDatabase(this.files.db, key, this.driverOptions(), true), alone: true };
    }
  }

  /**
   * A connection opened on a full disk lets other connections (a backup's) in again, once there is room: SQLite
   * leaves exclusive locking only outside WAL mode, so the journal goes back to a rollback file for a moment and
   * then to WAL with its `-shm` index. A step that still finds no room leaves the database readable and consistent
   * in the mode it reached (exclusive WAL, or a rollback journal), and the next request tries again.
   */
  private shareAgain(db: Db): void {
    if (db.pragma('locking_mode', { simple: true }) === 'exclusive') {
      db.pragma('journal_mode=DELETE');
      db.pragma('locking_mode=NORMAL');
    }
    if (db.pragma('journal_mode=WAL', { simple: true }) !== 'wal') return;
    this.heldAlone = false;
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

/**
 * Runs a write of a hint whose failure the caller can live with whatever the disk answered (isDiskFailure); logs
 * it. A failure of Polku's own (no such code) still throws.
 */
function unlessDiskFails(channel: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!isDiskFailure(error)) throw error;
    logEvent(isDiskFull(error) ? 'disk-full' : 'internal-error', { channel, error });
  }
}
