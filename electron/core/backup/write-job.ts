import { existsSync } from 'node:fs';
import { BACKUP_FORMAT_VERSION, type BackupSummary } from '@shared/backup';
import { AppError } from '@shared/errors';
import { schemaVersion } from '../db/migrate';
import type { OpenOptions } from '../db/open';
import type { JobContext } from '../jobs/context';
import { openWithRawKey } from './cipher-file';
import { contentDigest, contentTables, countRows, totalRows } from './content';
import { asWriteError } from './errors';
import { fileOps, type FileFault, type FileOps } from '../fs/file-ops';
import { recordTemps } from './leftovers';
import { writeManifest, type Manifest } from './manifest';
import { cacheWholeFile, exportDatabase } from './export';
import { auditHead } from '../audit/audit';
import type { AuditHeadRef } from '../vault/keyslots';
import { verifyBackupFile } from './verify';

export interface WriteBackupInput {
  /** The live vault database. */
  source: string;
  /** The temp file beside the destination, renamed to `destination` once written and verified. */
  target: string;
  destination: string;
  /** Where the temp file is written down first, so that the next start removes it after a crash. */
  tempList: string;
  masterKey: Uint8Array;
  /** passphraseBytes() of the backup passphrase. */
  passphrase: Uint8Array;
  createdAt: string;
  appVersion: string;
  vaultId: string;
  driver: OpenOptions;
  faults: FileFault[];
}

export interface WrittenBackup {
  summary: BackupSummary;
  tables: number;
  /** The newest audit row of the copy, as its manifest records it. */
  auditHead: AuditHeadRef | null;
}

/**
 * Writes a backup into `target` and verifies it: the digest and counts of the vault and, in the same read
 * transaction, one copy of it written under the passphrase (SQLCipher's own PBKDF2) with its manifest
 * (export.ts), fsync; then the whole check a restore makes, on a fresh connection with the passphrase alone, whose
 * digest must be the one read from the vault; then renames it to `destination`. Every write happens here, off the
 * main thread.
 */
export function writeBackup(input: WriteBackupInput, job: JobContext): WrittenBackup {
  const masterKey = Buffer.from(input.masterKey.buffer, input.masterKey.byteOffset, input.masterKey.byteLength);
  const passphrase = Buffer.from(input.passphrase.buffer, input.passphrase.byteOffset, input.passphrase.byteLength);
  try {
    const ops = fileOps(input.faults);
    let written: { digest: string; tables: number; auditHead: AuditHeadRef | null };
    try {
      recordTemps(input.tempList, [input.target]);
      written = writeCopy(input, ops, masterKey, passphrase, job);
    } catch (error) {
      throw asWriteError(error);
    }
    let verified;
    try {
      verified = verifyBackupFile(input.target, passphrase, {
        driver: input.driver,
        job,
        from: 0.62,
        to: 1,
        listCoordinators: false,
        justWritten: true,
      });
    } catch (error) {
      // A schema the migrations do not make came from the vault itself (changed outside Polku), not from the drive.
      if (error instanceof AppError && error.code === 'backup_schema_foreign') throw new AppError('vault_schema_foreign');
      // Otherwise the file just written does not read back as written: the drive lost or changed something.
      throw error instanceof AppError ? new AppError('backup_write_failed') : error;
    }
    if (verified.digest !== written.digest) throw new AppError('backup_write_failed');
    job.stopIfCancelled();
    publish(input, ops);
    return { summary: verified.summary, tables: written.tables, auditHead: written.auditHead };
  } finally {
    masterKey.fill(0);
    passphrase.fill(0);
  }
}

/** Renames the verified file into place. */
function publish(input: WriteBackupInput, ops: FileOps): void {
  try {
    ops.renameDurably(input.target, input.destination);
  } catch (error) {
    // Renamed but not flushed: a backup reported as failed must not be left looking whole.
    if (!existsSync(input.target)) {
      try {
        ops.remove(input.destination);
      } catch {
        // The first failure is the one to report.
      }
    }
    throw asWriteError(error);
  }
}

function writeCopy(
  input: WriteBackupInput,
  ops: FileOps,
  masterKey: Buffer,
  passphrase: Buffer,
  job: JobContext,
): { digest: string; tables: number; auditHead: AuditHeadRef | null } {
  job.span(0, 0.02);
  ops.createExclusive(input.target);
  // Read-write only because the target is attached to it: nothing is written to the vault.
  const source = openWithRawKey(input.source, masterKey, input.driver);
  let written: { digest: string; tables: number; auditHead: AuditHeadRef | null } | null = null;
  try {
    cacheWholeFile(source);
    const bytes =
      (source.pragma('page_count', { simple: true }) as number) * (source.pragma('page_size', { simple: true }) as number);
    let manifest: Manifest | null = null;
    exportDatabase(
      source,
      input.target,
      { kind: 'passphrase', bytes: passphrase },
      {
        // The digest and counts of the very snapshot that is copied, read before the copy (which then finds the
        // pages decrypted in the cache).
        inside: () => {
          const tables = contentTables(source);
          const total = Math.max(1, totalRows(source, tables));
          const span = job.span(0.02, 0.3);
          const digest = contentDigest(source, tables, (rows) => {
            job.stopIfCancelled();
            span.set(rows / total);
          });
          manifest = {
            formatVersion: BACKUP_FORMAT_VERSION,
            schemaVersion: schemaVersion(source),
            appVersion: input.appVersion,
            createdAt: input.createdAt,
            vaultId: input.vaultId,
            counts: countRows(source, tables),
            digest,
            auditHead: auditHead(source),
          };
          job.stopIfCancelled();
          job.span(0.3, 0.6).watchFile(input.target, bytes);
        },
        between: () => job.stopIfCancelled(),
        after: (schema) => {
          if (!manifest) throw new Error('the manifest is made before the copy');
          writeManifest(source, manifest, schema);
          written = { digest: manifest.digest, tables: Object.keys(manifest.counts).length, auditHead: manifest.auditHead };
        },
      },
    );
  } finally {
    source.close();
  }
  if (!written) throw new Error('the copy ends with its manifest');
  job.span(0.6, 0.62);
  ops.fsyncFile(input.target);
  return written;
}
