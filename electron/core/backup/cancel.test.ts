import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_PASSPHRASE,
  BOOKKEEPING_TABLES,
  COORDINATOR,
  backupFixture,
  vaultDigest,
  type BackupFixture,
} from '../../../tests/support/backup';
import { PASSPHRASE } from '../../../tests/support/core';
import { backupFiles } from './files';

let f: BackupFixture;
let untouched: string;
let untouchedCases: string;

beforeAll(async () => {
  f = await backupFixture(2);
  f.shell.savePath = join(f.outDir, 'b.polkubackup');
  f.shell.openPath = f.shell.savePath;
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
  untouched = await vaultDigest(f.t);
  untouchedCases = await vaultDigest(f.t, BOOKKEEPING_TABLES);
}, 120_000);
afterAll(() => f.cleanup());

/** Resolves at the first progress event of `task` after now. */
function nextProgress(task: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = f.t.core.subscribe((event, payload) => {
      if (event === 'progress' && (payload as { task: string }).task === task) {
        stop();
        resolve();
      }
    });
  });
}

function noTemps(): void {
  expect(readdirSync(f.outDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(readdirSync(f.t.dataDir).filter((name) => /restore-|temp-files|previous/.test(name))).toEqual([]);
}

describe('stopping long work', () => {
  it('backup.cancel stops a backup under way (it does not wait behind it) and leaves no file', async () => {
    f.shell.savePath = join(f.outDir, 'cancelled.polkubackup');
    const started = nextProgress('backup');
    const backup = f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    await started;
    expect(await f.t.ok('backup.cancel', {})).toBeNull();
    expect(await backup).toEqual({ status: 'cancelled' });
    expect(existsSync(join(f.outDir, 'cancelled.polkubackup'))).toBe(false);
    noTemps();
    expect(await vaultDigest(f.t)).toBe(untouched);
  });

  it('locking the vault stops a backup and cleans up', async () => {
    f.shell.savePath = join(f.outDir, 'locked.polkubackup');
    const started = nextProgress('backup');
    const backup = f.t.call('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    await started;
    f.t.core.lock('manual');
    expect(await backup).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect(existsSync(join(f.outDir, 'locked.polkubackup'))).toBe(false);
    noTemps();
    await f.t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
  });

  it('backup.cancel stops a restore before the swap: nothing changes, no restore waits', async () => {
    f.shell.openPath = join(f.outDir, 'b.polkubackup');
    const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    if (inspected.status !== 'ready') throw new Error('not inspected');
    const started = nextProgress('restore');
    const restore = f.t.ok('backup.restore', { token: inspected.token });
    await started;
    await f.t.ok('backup.cancel', {});
    expect((await restore).pendingRestore).toBeNull();
    expect(existsSync(backupFiles(f.t.dataDir).previousDb)).toBe(false);
    noTemps();
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(untouchedCases);
    expect((await f.t.ok('vault.status', {})).state).toBe('unlocked');
  });

  it('locking forgets the backup chosen for a restore', async () => {
    const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    if (inspected.status !== 'ready') throw new Error('not inspected');
    f.t.core.lock('manual');
    await f.t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
    expect(await f.t.call('backup.restore', { token: inspected.token })).toMatchObject({
      ok: false,
      code: 'backup_not_inspected',
    });
  });

  it('backup.cancel with nothing running does nothing', async () => {
    expect(await f.t.ok('backup.cancel', {})).toBeNull();
  });
});
