import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_PASSPHRASE,
  BOOKKEEPING_TABLES,
  COORDINATOR,
  backupFixture,
  vaultDigest,
  type BackupFixture,
} from '../../../tests/support/backup';
import { PASSPHRASE } from '../../../tests/support/core';
import { backupTempPath, handoverCopyPath } from '../fs/temp-files';
import { vaultFiles } from '../vault/files';
import { backupFiles } from './files';
import { recordTemps, recoverInterruptedWork } from './leftovers';

let f: BackupFixture;
/** The case data (unlocks add audit rows; those are left out). */
let untouched: string;

beforeAll(async () => {
  f = await backupFixture(1);
  f.shell.savePath = join(f.outDir, 'b.polkubackup');
  f.shell.openPath = f.shell.savePath;
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
  untouched = await vaultDigest(f.t, BOOKKEEPING_TABLES);
}, 120_000);
afterAll(() => f.cleanup());
beforeEach(() => {
  f.faults.length = 0;
});

/** Starts Polku again over the same folder and unlocks as the coordinator. */
async function restartAndUnlock(): Promise<void> {
  f.t = f.t.restart();
  await f.t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
}

describe('the next start after an interruption', () => {
  it('puts polku.db back when a restore was cut between its two renames', async () => {
    f.t.core.close();
    const vault = vaultFiles(f.t.dataDir);
    renameSync(vault.db, backupFiles(f.t.dataDir).previousDb);
    writeFileSync(join(f.t.dataDir, 'polku.db.restore-0123456789abcdef'), 'half a restored database');
    await restartAndUnlock();
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(untouched);
    expect(readdirSync(f.t.dataDir).filter((name) => /previous|restore-/.test(name))).toEqual([]);
  });

  it('after a swap that could neither finish nor be undone, the vault locks and comes back whole at the next start', async () => {
    const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    if (inspected.status !== 'ready') throw new Error('not inspected');
    f.faults.push({ op: 'rename', code: 'EIO', pathIncludes: '/polku.db' });
    expect(await f.t.call('backup.restore', { token: inspected.token })).toMatchObject({ ok: false });
    expect((await f.t.ok('vault.status', {})).state).not.toBe('unlocked');
    expect(existsSync(vaultFiles(f.t.dataDir).db)).toBe(false);
    f.faults.length = 0;
    await restartAndUnlock();
    expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(untouched);
  });

  it('removes the temp files a job had listed, wherever they are, and the database of a setup that never finished', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polku-leftovers-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'polku-leftovers-out-'));
    try {
      const temp = backupTempPath(join(elsewhere, 'b.polkubackup'));
      writeFileSync(temp, 'partial');
      writeFileSync(`${temp}-journal`, 'partial');
      writeFileSync(join(elsewhere, 'other.polkubackup'), 'a backup of its own');
      recordTemps(backupFiles(dir).tempList, [temp]);
      writeFileSync(vaultFiles(dir).dbDuringSetup, 'a setup cut short');
      recoverInterruptedWork(dir);
      expect(readdirSync(elsewhere)).toEqual(['other.polkubackup']);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('ignores a temp list it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polku-leftovers-'));
    try {
      writeFileSync(backupFiles(dir).tempList, '{"temps": "not a list"');
      expect(() => recoverInterruptedWork(dir)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the start-up sweep', () => {
  let dir: string;
  let elsewhere: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-sweep-'));
    elsewhere = mkdtempSync(join(tmpdir(), 'polku-sweep-out-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('removes the encrypted copy a handover inspect left behind when Polku stopped in the middle', () => {
    const copy = handoverCopyPath(dir);
    writeFileSync(copy, 'an encrypted copy of a handover file');
    writeFileSync(`${copy}-journal`, 'its journal');
    writeFileSync(join(dir, 'polku.keys'), '{}');
    recoverInterruptedWork(dir);
    expect(readdirSync(dir)).toEqual(['polku.keys']);
  });

  it('deletes no listed path that is not a temp file Polku makes, inside the data folder or elsewhere', () => {
    const precious = join(elsewhere, 'thesis.odt');
    const lookalike = join(elsewhere, 'polku.db.restore-0123456789abcdef');
    const vaultDb = vaultFiles(dir).db;
    for (const path of [precious, lookalike, vaultDb, vaultFiles(dir).slots]) writeFileSync(path, 'keep me');
    recordTemps(backupFiles(dir).tempList, [
      precious,
      lookalike,
      vaultDb,
      `${dir}/../${basename(elsewhere)}/thesis.odt`,
      'thesis.odt',
    ]);
    recoverInterruptedWork(dir);
    expect(readdirSync(elsewhere).sort()).toEqual(['polku.db.restore-0123456789abcdef', 'thesis.odt']);
    expect(readdirSync(dir).sort()).toEqual(['polku.db', 'polku.keys']);
  });

  it('follows no symbolic link, neither a listed one nor a folder on the way', () => {
    const precious = join(elsewhere, 'polku.db.restore-0123456789abcdef');
    writeFileSync(precious, 'keep me');
    writeFileSync(join(dir, 'polku.keys'), '{}');
    symlinkSync(precious, join(dir, 'polku.db.restore-fedcba9876543210'));
    symlinkSync(elsewhere, join(dir, 'linked'));
    recordTemps(backupFiles(dir).tempList, [join(dir, 'linked', 'polku.db.restore-0123456789abcdef')]);
    recoverInterruptedWork(dir);
    expect(readFileSync(precious, 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'polku.db.restore-fedcba9876543210')).isSymbolicLink()).toBe(true);
  });
});
