import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { PASSPHRASE } from '../../../tests/support/core';
import { runJob, type RunningJob } from '../jobs/runner';
import { writeSetting } from '../settings/repo';
import type { JobName, JobOutput } from '../jobs/table';
import { vaultFiles } from './files';
import { TEST_KDF } from './kdf';
import { readSlotFile } from './keyslots';
import type { RekeyInput } from './rekey-job';
import { verifyDatabaseFile } from './verifier';
import { RECOVERY_CONFIRMED } from './vault-database';
import { Vault } from './vault';

const FILLER_ROWS = 3000;
const dirs: string[] = [];
const vaults: Vault[] = [];
afterEach(() => {
  for (const vault of vaults.splice(0)) vault.lock();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A vault of a few megabytes whose jobs go through `run`, which gets the real runner to call. */
async function vaultWith(run: (next: typeof runJob) => typeof runJob): Promise<Vault> {
  const dataDir = mkdtempSync(join(tmpdir(), 'polku-rotate-'));
  dirs.push(dataDir);
  const vault = new Vault({ dataDir, now: Date.now, kdf: TEST_KDF, runJob: run(runJob) });
  vaults.push(vault);
  await vault.setup({ displayName: 'Aino Coordinator', passphrase: PASSPHRASE });
  const db = vault.current!.db;
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < FILLER_ROWS; i++) insert.run(randomBytes(1000));
  })();
  return vault;
}

function fillerRows(vault: Vault): number {
  return (vault.current!.db.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n;
}

function rotationsAudited(vault: Vault): number {
  const row = vault.current!.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'vault.rotateMasterKey'`).get();
  return (row as { n: number }).n;
}

describe('master-key rotation in a worker thread', () => {
  it('rekeys in the job runner while the main thread stays free, then opens the vault again under the new key', async () => {
    const started: JobName[] = [];
    let movedKeys: number[] = [];
    let freeDuringRekey = false;
    let openDuringRekey = true;
    const vault = await vaultWith(
      (next) =>
        <N extends JobName>(name: N, input: Parameters<typeof runJob<N>>[1], options: Parameters<typeof runJob<N>>[2]) => {
          started.push(name);
          const job = next(name, input, options);
          let settled = false;
          void job.outcome.finally(() => (settled = true)).catch(() => undefined);
          // One turn of the event loop while the rekey runs: only possible when it runs off this thread.
          setImmediate(() => (freeDuringRekey = !settled));
          openDuringRekey = vault.current !== null;
          const rekey = input as RekeyInput;
          movedKeys = [rekey.oldKey.byteLength, rekey.newKey.byteLength];
          return job;
        },
    );
    const oldKey = Buffer.from(vault.requireKey());
    const { userId } = vault.current!.session;

    const code = await vault.rotateMasterKey(PASSPHRASE);

    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    expect(started).toEqual(['vault.rekey']);
    expect(freeDuringRekey).toBe(true);
    // The live connection was closed for the rekey, and both keys were moved to the worker, not copied.
    expect(openDuringRekey).toBe(false);
    expect(movedKeys).toEqual([0, 0]);
    const open = vault.current!;
    expect(open.session).toMatchObject({ userId, recoveryPending: true });
    expect(fillerRows(vault)).toBe(FILLER_ROWS);
    expect(open.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const newKey = vault.requireKey();
    expect(newKey.equals(oldKey)).toBe(false);
    open.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(verifyDatabaseFile(vault.databasePath, newKey).firstBadPage).toBeNull();
    expect(verifyDatabaseFile(vault.databasePath, oldKey).firstBadPage).toBe(1);
    expect(readSlotFile(vaultFiles(join(vault.databasePath, '..')).slots).slots.every((s) => s.generation === 2)).toBe(true);
  }, 60_000);

  it('opens the vault again under the old key, with the old slots, when the rekey fails', async () => {
    const vault = await vaultWith(
      (next) =>
        <N extends JobName>(name: N, input: Parameters<typeof runJob<N>>[1], options: Parameters<typeof runJob<N>>[2]) =>
          // The real job, given a key the file is not under: it fails before changing anything.
          next('vault.rekey', { ...(input as RekeyInput), oldKey: new Uint8Array(randomBytes(32)) }, options) as RunningJob<
            JobOutput<N>
          >,
    );
    writeSetting(vault.current!.db, RECOVERY_CONFIRMED, true);
    const oldKey = Buffer.from(vault.requireKey());
    const slotsPath = vaultFiles(join(vault.databasePath, '..')).slots;
    const slotsBefore = readSlotFile(slotsPath);

    await expect(vault.rotateMasterKey(PASSPHRASE)).rejects.toEqual(new AppError('db_corrupt'));

    expect(vault.current).not.toBeNull();
    expect(vault.requireKey().equals(oldKey)).toBe(true);
    expect(fillerRows(vault)).toBe(FILLER_ROWS);
    expect(readSlotFile(slotsPath)).toEqual(slotsBefore);
    expect(vault.current!.session.recoveryPending).toBe(false);
    expect(rotationsAudited(vault)).toBe(0);
  }, 60_000);

  it('stops cleanly when the vault is locked during the rekey; the passphrase opens it under the new key', async () => {
    let lockedDuringRekey = false;
    const vault = await vaultWith(
      (next) =>
        <N extends JobName>(name: N, input: Parameters<typeof runJob<N>>[1], options: Parameters<typeof runJob<N>>[2]) => {
          const job = next(name, input, options);
          lockedDuringRekey = vault.lock();
          return job;
        },
    );
    writeSetting(vault.current!.db, RECOVERY_CONFIRMED, true);

    await expect(vault.rotateMasterKey(PASSPHRASE)).rejects.toEqual(new AppError('locked'));

    expect(lockedDuringRekey).toBe(true);
    expect(vault.current).toBeNull();
    const session = await vault.unlock(PASSPHRASE);
    // The new recovery code was never shown: the vault asks for one.
    expect(session.recoveryPending).toBe(true);
    expect(fillerRows(vault)).toBe(FILLER_ROWS);
    const slots = readSlotFile(vaultFiles(join(vault.databasePath, '..')).slots);
    expect(slots.generation).toBe(2);
    expect(slots.slots.every((s) => s.generation === 2)).toBe(true);
    expect(rotationsAudited(vault)).toBe(1);
  }, 60_000);
});
