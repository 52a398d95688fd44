import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import { JobStopped, runJob, type JobOptions, type RunningJob } from '../jobs/runner';
import type { JobInput, JobName, JobOutput } from '../jobs/table';
import type { Vault } from '../vault/vault';
import type { VerifiedBackup } from './verify';

/** A backup file verified by backup.inspect, waiting for the restore; only its token leaves the main side. */
export interface ChosenBackup {
  path: string;
  /** passphraseBytes() of its passphrase, zeroed when forgotten. */
  passphrase: Buffer;
  verified: VerifiedBackup;
  /** Chosen on a laptop without a vault (for vault.restoreFresh), or by this coordinator for backup.restore. */
  chosenBy: { freshInstall: true } | { freshInstall: false; userId: string };
}

const CHOSEN_FOR_MS = 30 * 60 * 1000;

/**
 * The backup work of one vault: at most one job at a time (stopped when the vault locks), and the one backup
 * chosen for a restore (forgotten when the vault locks or after half an hour).
 */
export class BackupWork {
  private running: RunningJob<unknown> | null = null;
  private busy = false;
  private chosen: (ChosenBackup & { token: string; until: number }) | null = null;

  constructor(
    vault: Vault,
    private readonly now: () => number,
  ) {
    vault.onLock(() => {
      this.stop();
      if (this.chosen && !this.chosen.chosenBy.freshInstall) this.forget();
    });
  }

  /** Runs `work` unless other backup work is under way (`backup_busy`). */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new AppError('backup_busy');
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  /** Runs a job in a worker thread; null when it was stopped (backup.cancel, or the vault locked). */
  async run<N extends JobName>(name: N, input: JobInput<N>, options: JobOptions): Promise<JobOutput<N> | null> {
    const job = runJob(name, input, options);
    this.running = job;
    try {
      return await job.outcome;
    } catch (error) {
      if (error instanceof JobStopped) return null;
      throw error;
    } finally {
      this.running = null;
    }
  }

  /** Asks the running job, if any, to stop. */
  stop(): void {
    this.running?.stop();
  }

  /** Keeps a verified backup for the restore; returns the token that stands for it. */
  choose(backup: ChosenBackup): string {
    this.forget();
    const token = randomBytes(16).toString('hex');
    this.chosen = { ...backup, token, until: this.now() + CHOSEN_FOR_MS };
    return token;
  }

  /** The backup `token` stands for, if it was chosen the same way (fresh install, or by this user) and is recent. */
  chosenBackup(token: string, by: ChosenBackup['chosenBy']): ChosenBackup | null {
    const chosen = this.chosen;
    if (!chosen || chosen.token !== token || chosen.until < this.now()) return null;
    const sameWay =
      chosen.chosenBy.freshInstall === by.freshInstall &&
      (by.freshInstall || (!chosen.chosenBy.freshInstall && chosen.chosenBy.userId === by.userId));
    return sameWay ? chosen : null;
  }

  forget(): void {
    this.chosen?.passphrase.fill(0);
    this.chosen = null;
  }
}

const works = new WeakMap<Vault, BackupWork>();

/** The backup work of this vault (one core has one vault). */
export function backupWorkOf(vault: Vault, now: () => number = Date.now): BackupWork {
  let work = works.get(vault);
  if (!work) {
    work = new BackupWork(vault, now);
    works.set(vault, work);
  }
  return work;
}

/** A copy of `bytes` in memory of its own, to move to a worker (a pooled Buffer must never be transferred). */
export function ownedCopy(bytes: Buffer): Uint8Array {
  const copy = new Uint8Array(new ArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

/** Zeroes a copy made by ownedCopy(), unless it was moved to a worker (then nothing of it is left here). */
export function wipe(bytes: Uint8Array): void {
  if (bytes.byteLength > 0) bytes.fill(0);
}
