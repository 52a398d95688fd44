import { rekeyCipher } from '../db/cipher';
import { openEncrypted, type Db, type OpenOptions } from '../db/open';
import type { JobContext } from '../jobs/context';

export interface RekeyInput {
  /** The vault database; no other connection may be open on it. */
  path: string;
  /** The raw master key the file is under now. */
  oldKey: Uint8Array;
  /** The raw master key it is to be under. */
  newKey: Uint8Array;
  driver: OpenOptions;
}

/**
 * Re-encrypts the vault database under a new raw master key: the WAL is checkpointed away, the file leaves
 * WAL mode (SQLCipher cannot rekey in it; the rollback journal keeps the rekey itself atomic), every page is
 * rewritten under the new key, and the file goes back to WAL mode. Both keys are zeroed whatever happens.
 */
export function rekeyDatabase(input: RekeyInput, job: JobContext): null {
  const oldKey = Buffer.from(input.oldKey.buffer, input.oldKey.byteOffset, input.oldKey.byteLength);
  const newKey = Buffer.from(input.newKey.buffer, input.newKey.byteOffset, input.newKey.byteLength);
  try {
    // A missing file is db_missing: created, it would be an empty database rekeyed in its place.
    const db: Db = openEncrypted(input.path, oldKey, { ...input.driver, mustExist: true });
    try {
      job.span(0, 0.05);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode=DELETE');
      const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
      job.span(0.05, 0.95).watchFile(`${input.path}-journal`, bytes);
      rekeyCipher(db, { kind: 'raw', key: newKey });
      db.pragma('journal_mode=WAL');
      job.span(0.95, 1);
    } finally {
      db.close();
    }
    return null;
  } finally {
    oldKey.fill(0);
    newKey.fill(0);
  }
}
