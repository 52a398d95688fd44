import { exportDatabase } from '../backup/export';
import { openEncrypted, type Db, type OpenOptions } from '../db/open';
import { removeIfExists } from '../fs/atomic';
import { fileOps, type FileFault } from '../fs/file-ops';
import type { JobContext } from '../jobs/context';

export interface RekeyInput {
  /** The vault database; no other connection may be open on it. */
  path: string;
  /** Where the copy is rekeyed (rekeyTargetPath), beside `path` so that putting it in place is one rename. */
  temp: string;
  /** The raw master key the file is under now. */
  oldKey: Uint8Array;
  /** The raw master key it is to be under. */
  newKey: Uint8Array;
  driver: OpenOptions;
  /** Injected failures of the copy's writes (tests only). */
  faults?: FileFault[];
}

/**
 * Re-encrypts the vault database under a new raw master key, so that a crash at any moment leaves the file whole
 * under one of the two keys: its WAL is checkpointed away, the database is written once beside itself under the
 * new key (backup/export.ts, as VACUUM INTO would), opened under it and put in WAL mode, flushed, and renamed over
 * the database. An in-place rekey is not safe against a crash: the cipher takes a new salt for page 1, so a file
 * cut off part-way opens under neither key, its journal notwithstanding. Both keys are zeroed whatever happens.
 */
export function rekeyDatabase(input: RekeyInput, job: JobContext): null {
  const oldKey = Buffer.from(input.oldKey.buffer, input.oldKey.byteOffset, input.oldKey.byteLength);
  const newKey = Buffer.from(input.newKey.buffer, input.newKey.byteOffset, input.newKey.byteLength);
  try {
    // A missing file is db_missing: created, it would be an empty database rekeyed in its place.
    const source: Db = openEncrypted(input.path, oldKey, { ...input.driver, mustExist: true });
    try {
      source.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      // The last connection closing removes the emptied WAL: the file alone holds the whole database.
      source.close();
    }
    job.span(0, 0.05);
    removeRekeyTarget(input.temp);
    try {
      // One pass: the database written anew under the new key (backup/export.ts), not a copy rekeyed in place,
      // which reads and writes every page again and with its journal writes it twice.
      const ops = fileOps(input.faults);
      const source: Db = openEncrypted(input.path, oldKey, { ...input.driver, mustExist: true });
      try {
        ops.createExclusive(input.temp);
        const bytes =
          (source.pragma('page_count', { simple: true }) as number) * (source.pragma('page_size', { simple: true }) as number);
        job.span(0.05, 0.95).watchFile(input.temp, bytes);
        exportDatabase(source, input.temp, { kind: 'raw', key: newKey });
      } finally {
        source.close();
      }
      // Opening under the new key proves it, and puts the file in WAL mode as the vault's database is.
      openEncrypted(input.temp, newKey, { ...input.driver, mustExist: true }).close();
      job.span(0.95, 1);
      ops.fsyncFile(input.temp);
      ops.renameDurably(input.temp, input.path);
    } catch (error) {
      removeRekeyTarget(input.temp);
      throw error;
    }
    return null;
  } finally {
    oldKey.fill(0);
    newKey.fill(0);
  }
}

/** The rekeyed copy and what SQLite keeps beside it. */
function removeRekeyTarget(temp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) removeIfExists(`${temp}${suffix}`);
}
