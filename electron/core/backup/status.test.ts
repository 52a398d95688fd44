import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_PASSPHRASE, backupFixture, type BackupFixture } from '../../../tests/support/backup';
import { PASSPHRASE } from '../../../tests/support/core';

const DAY = 24 * 60 * 60 * 1000;
let f: BackupFixture;

beforeAll(async () => {
  f = await backupFixture(1);
}, 120_000);
afterAll(() => f.cleanup());

describe('the backup reminder and the last backup', () => {
  it('reminds weekly by default, and from the start when there has been no backup', async () => {
    expect(await f.t.ok('backup.status', {})).toEqual({
      lastBackupAt: null,
      lastBackupFolder: null,
      reminderDays: 7,
      due: true,
      pendingRestore: null,
    });
  });

  it('asks for a passphrase that is hard to guess and typeable in other tools', async () => {
    expect(await f.t.call('backup.create', { passphrase: 'aaaaaaaaaaaaaaaa', currentPassphrase: PASSPHRASE })).toMatchObject({
      code: 'passphrase_too_weak',
    });
    expect(
      await f.t.call('backup.create', { passphrase: 'rivi yksi\nrivi kaksi ja kolme', currentPassphrase: PASSPHRASE }),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(f.shell.asked).toEqual([]);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    f.shell.savePath = null;
    expect(await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE })).toEqual({
      status: 'cancelled',
    });
    expect((await f.t.ok('audit.list', { action: 'backup.create' })).entries).toEqual([]);
  });

  it('is not due after a backup, until the reminder days have passed', async () => {
    f.shell.savePath = join(f.outDir, 'b.polkubackup');
    await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    expect(await f.t.ok('backup.status', {})).toMatchObject({ lastBackupFolder: f.outDir, due: false });
    // Days later Polku has locked itself for being idle: the coordinator unlocks again.
    f.t.clock.advance(7 * DAY - 1000);
    await f.as('coordinator');
    expect((await f.t.ok('backup.status', {})).due).toBe(false);
    f.t.clock.advance(1000);
    await f.as('coordinator');
    expect((await f.t.ok('backup.status', {})).due).toBe(true);
  });

  it('can be set to other days, or off, by the coordinator; every change is audited', async () => {
    expect(await f.t.ok('backup.setReminder', { days: 30 })).toMatchObject({ reminderDays: 30, due: false });
    expect(await f.t.ok('backup.setReminder', { days: 0 })).toMatchObject({ reminderDays: 0, due: false });
    expect(await f.t.call('backup.setReminder', { days: 366 })).toMatchObject({ code: 'invalid_input' });
    const { entries } = await f.t.ok('audit.list', { action: 'backup.setReminder' });
    expect(entries.map((e) => e.detail)).toEqual(['0 days', '30 days']);
  });

  it('shows other staff the state, and lets only the coordinator act', async () => {
    await f.as('caseworker');
    expect(await f.t.ok('backup.status', {})).toMatchObject({ reminderDays: 0, pendingRestore: null });
    for (const call of [
      f.t.call('backup.setReminder', { days: 7 }),
      f.t.call('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE }),
      f.t.call('backup.cancel', {}),
      f.t.call('backup.keepRestore', {}),
    ]) {
      expect(await call).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });
});
