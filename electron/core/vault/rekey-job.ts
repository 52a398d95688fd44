import { copyFileSync } from 'node:fs';
import { rekeyCipher } from '../db/cipher';
import { openEncrypted, type Db, type OpenOptions } from '../db/open';
import { removeIfExists } from '../fs/atomic';
import { fileOps, injectFault, type FileFault } from '../fs/file-ops';
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
 * under one of the two keys: its WAL is checkpointed away, the file is copied beside itself, the copy is rekeyed
 * (out of WAL mode, which SQLCipher cannot rekey in, and back), flushed, and renamed over the database. An
 * in-place rekey is not safe against a crash: the cipher takes a new salt for page 1, so a file cut off part-way
 * opens under neither key, its journal notwithstanding. Both keys are zeroed whatever happens.
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
      injectFault(input.faults ?? [], 'create', input.temp);
      copyFileSync(input.path, input.temp);
      const db: Db = openEncrypted(input.temp, oldKey, { ...input.driver, mustExist: true });
      try {
        db.pragma('journal_mode=DELETE');
        const bytes =
          (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
        job.span(0.05, 0.95).watchFile(`${input.temp}-journal`, bytes);
        rekeyCipher(db, { kind: 'raw', key: newKey });
        db.pragma('journal_mode=WAL');
        job.span(0.95, 1);
      } finally {
        db.close();
      }
      fileOps(input.faults).fsyncFile(input.temp);
      fileOps(input.faults).renameDurably(input.temp, input.path);
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
