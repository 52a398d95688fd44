import type { OpenOptions } from '../db/open';
import type { JobContext } from '../jobs/context';
import { verifyBackupFile, type VerifiedBackup } from './verify';

export interface InspectBackupInput {
  path: string;
  /** passphraseBytes() of the passphrase typed. */
  passphrase: Uint8Array;
  /** On a laptop without a vault: list the backup's coordinators, one of whom takes the restored vault over. */
  listCoordinators: boolean;
  driver: OpenOptions;
}

/** Verifies a backup file before a restore and tells what it holds. */
export function inspectBackup(input: InspectBackupInput, job: JobContext): VerifiedBackup {
  const passphrase = Buffer.from(input.passphrase.buffer, input.passphrase.byteOffset, input.passphrase.byteLength);
  try {
    return verifyBackupFile(input.path, passphrase, {
      driver: input.driver,
      job,
      from: 0,
      to: 1,
      listCoordinators: input.listCoordinators,
    });
  } finally {
    passphrase.fill(0);
  }
}
