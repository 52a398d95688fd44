import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_PASSPHRASE,
  BOOKKEEPING_TABLES,
  backupFixture,
  vaultDigest,
  type BackupFixture,
} from '../../../tests/support/backup';
import { PASSPHRASE } from '../../../tests/support/core';
import { backupFiles } from './files';

let f: BackupFixture;
let backedUp: string;
let current: string;
let previousDb: string;

beforeAll(async () => {
  f = await backupFixture(2);
  f.shell.savePath = join(f.outDir, 'before.polkubackup');
  f.shell.openPath = f.shell.savePath;
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
  backedUp = await vaultDigest(f.t, BOOKKEEPING_TABLES);
  await f.as('caseworker');
  await f.t.ok('participants.create', { firstName: 'Myöhemmin', confirmDuplicate: true });
  await f.as('coordinator');
  current = await vaultDigest(f.t, BOOKKEEPING_TABLES);
  previousDb = backupFiles(f.t.dataDir).previousDb;
}, 120_000);
afterAll(() => f.cleanup());

async function inspect(): Promise<string> {
  const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
  if (inspected.status !== 'ready') throw new Error('not inspected');
  expect(inspected.coordinators).toEqual([]);
  return inspected.token;
}

function dataFolderLeftovers(): string[] {
  return readdirSync(f.t.dataDir).filter((name) => /restore-|temp-files|-journal$/.test(name));
}

/** The kept database and any journal file beside it. */
function previousFiles(): string[] {
  return readdirSync(f.t.dataDir).filter((name) => name.startsWith('polku.previous.db'));
}

describe('restoring over the vault in use', () => {
  it('needs a backup inspected in this session', async () => {
    expect(await f.t.call('backup.restore', { token: 'ab'.repeat(16) })).toMatchObject({
      ok: false,
      code: 'backup_not_inspected',
    });
  });

  it('refuses a backup damaged after it was inspected, changing nothing', async () => {
    const pages = statSync(f.shell.savePath!).size / 4096;
    for (const offset of [Math.floor(pages / 2) * 4096 + 1000, (pages - 1) * 4096 + 100]) {
      const damaged = join(f.outDir, `damaged-${offset}.polkubackup`);
      copyFileSync(f.shell.savePath!, damaged);
      f.shell.openPath = damaged;
      const token = await inspect();
      const bytes = readFileSync(damaged);
      bytes[offset]! ^= 0x01;
      writeFileSync(damaged, bytes);
      expect(await f.t.call('backup.restore', { token }), `byte ${offset}`).toMatchObject({ ok: false, code: 'backup_damaged' });
      expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(current);
      expect(dataFolderLeftovers()).toEqual([]);
      expect(previousFiles()).toEqual([]);
    }
    f.shell.openPath = f.shell.savePath;
  });

  it('puts the backup in place, keeps the previous vault, and stays unlocked as the same coordinator', async () => {
    const session = (await f.t.ok('vault.status', {})).session;
    const status = await f.t.ok('backup.restore', { token: await inspect() });
    expect(status.pendingRestore).toEqual({
      restoredAt: '2026-11-28T09:00:00.000Z',
      backupCreatedAt: '2026-11-28T09:00:00.000Z',
    });
    expect((await f.t.ok('vault.status', {})).session).toEqual(session);
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(backedUp);
    expect((await f.t.ok('participants.list', {})).total).toBe(2);
    expect(existsSync(previousDb)).toBe(true);
    expect(dataFolderLeftovers()).toEqual([]);
    expect(await f.t.ok('vault.verify', {})).toMatchObject({ firstBadPage: null, integrity: true, auditFirstBadRow: null });
    const { entries } = await f.t.ok('audit.list', { action: 'backup.restore' });
    expect(entries[0]!.detail).toMatch(/^backup of 2026-11-28T09:00:00.000Z, schema \d+, audit chain kept$/);
  });

  it('takes this laptop’s backup record over, not the backup’s', async () => {
    expect(await f.t.ok('backup.status', {})).toMatchObject({
      lastBackupAt: '2026-11-28T09:00:00.000Z',
      lastBackupFolder: f.outDir,
    });
  });

  it('refuses another restore and a master-key rotation until the restore is kept or undone', async () => {
    expect(await f.t.call('backup.restore', { token: await inspect() })).toMatchObject({ ok: false, code: 'restore_pending' });
    expect(await f.t.call('vault.rotateMasterKey', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      code: 'restore_pending',
    });
  });

  it('stays restored, still waiting for the decision, after a restart', async () => {
    const t = f.t.restart();
    f.t = t;
    await t.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
    expect((await t.ok('backup.status', {})).pendingRestore).not.toBeNull();
    expect(await vaultDigest(t, BOOKKEEPING_TABLES)).toBe(backedUp);
  });

  it('undo refused by the disk answers its code and changes nothing: the restore still awaits the decision', async () => {
    f.faults.push({ op: 'rename', code: 'EACCES', pathIncludes: '/polku.db' });
    expect(await f.t.call('backup.undoRestore', {})).toMatchObject({ ok: false, code: 'backup_not_writable' });
    f.faults.length = 0;
    expect((await f.t.ok('vault.status', {})).state).toBe('unlocked');
    expect((await f.t.ok('backup.status', {})).pendingRestore).not.toBeNull();
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(backedUp);
  });

  it('undo puts the previous vault back, with what was added after the backup', async () => {
    const status = await f.t.ok('backup.undoRestore', {});
    expect(status.pendingRestore).toBeNull();
    expect(existsSync(previousDb)).toBe(false);
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(current);
    expect((await f.t.ok('audit.list', { action: 'backup.undoRestore' })).entries).toHaveLength(1);
    expect(await f.t.call('backup.undoRestore', {})).toMatchObject({ ok: false, code: 'not_found' });
    expect(previousFiles()).toEqual([]);
  });

  it('undo leaves nothing of the previous vault in the data folder, after a restart too', async () => {
    f.t = f.t.restart();
    await f.t.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
    expect(previousFiles()).toEqual([]);
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(current);
  });

  it('keep deletes the previous vault for good', async () => {
    await f.t.ok('backup.restore', { token: await inspect() });
    const status = await f.t.ok('backup.keepRestore', {});
    expect(status.pendingRestore).toBeNull();
    expect(existsSync(previousDb)).toBe(false);
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(backedUp);
    expect((await f.t.ok('audit.list', { action: 'backup.keepRestore' })).entries).toHaveLength(1);
    expect(dataFolderLeftovers()).toEqual([]);
  });

  it('undo whose flush of the folder fails stands: the kept vault is back under its name', async () => {
    await f.t.ok('backup.restore', { token: await inspect() });
    f.faults.push({ op: 'fsyncFolder', code: 'EINVAL' });
    const status = await f.t.ok('backup.undoRestore', {});
    f.faults.length = 0;
    expect(status.pendingRestore).toBeNull();
    expect(previousFiles()).toEqual([]);
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(backedUp);
  });

  it('refuses a backup in which the restoring coordinator is not an active coordinator, changing nothing', async () => {
    const { user, oneTimePassphrase } = await f.t.ok('users.create', {
      displayName: 'Uusi Koordinaattori',
      role: 'coordinator',
      currentPassphrase: PASSPHRASE,
    });
    f.t.core.lock('manual');
    await f.t.ok('vault.unlock', { name: user.displayName, passphrase: oneTimePassphrase });
    await f.t.ok('vault.changePassphrase', { next: 'uuden koordinaattorin oma lause' });
    const before = await vaultDigest(f.t, BOOKKEEPING_TABLES);
    expect(await f.t.call('backup.restore', { token: await inspect() })).toMatchObject({
      ok: false,
      code: 'backup_user_missing',
    });
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(before);
    expect(existsSync(previousDb)).toBe(false);
    expect(dataFolderLeftovers()).toEqual([]);
    expect((await f.t.ok('vault.status', {})).session?.userId).toBe(user.id);
  });

  it('is refused to staff other than coordinators', async () => {
    await f.as('caseworker');
    expect(await f.t.call('backup.inspect', { passphrase: BACKUP_PASSPHRASE })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await f.t.call('backup.restore', { token: 'ab'.repeat(16) })).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await f.t.ok('backup.status', {})).pendingRestore).toBeNull();
  });
});
