import {
  copyFileSync,
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

  it('removes a slot-file temp of the generation before, and the vault opens with the slot file in use', async () => {
    f.t.core.close();
    const slots = vaultFiles(f.t.dataDir).slots;
    const inUse = readFileSync(slots);
    const temp = join(f.t.dataDir, 'polku.keys.tmp-0123456789abcdef');
    copyFileSync(slots, temp);
    f.t = f.t.restart();
    expect(existsSync(temp)).toBe(false);
    expect(readFileSync(slots).equals(inUse)).toBe(true);
    await f.t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
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

  it('removes the journal files an undo cut short left beside polku.previous.db, once that file is gone', () => {
    const previous = backupFiles(dir).previousDb;
    writeFileSync(join(dir, 'polku.keys'), '{}');
    writeFileSync(join(dir, 'polku.db'), 'the vault');
    for (const sidecar of ['-wal', '-shm', '-journal']) writeFileSync(`${previous}${sidecar}`, '');
    recoverInterruptedWork(dir);
    expect(readdirSync(dir).sort()).toEqual(['polku.db', 'polku.keys']);
  });

  it('leaves the journal files of a kept database awaiting its decision alone', () => {
    const previous = backupFiles(dir).previousDb;
    for (const name of ['polku.keys', 'polku.db', 'polku.previous.db', 'polku.previous.db-wal', 'polku.previous.db-shm'])
      writeFileSync(join(dir, name), 'keep me');
    recoverInterruptedWork(dir);
    expect(readdirSync(dir).sort()).toEqual([
      'polku.db',
      'polku.keys',
      'polku.previous.db',
      'polku.previous.db-shm',
      'polku.previous.db-wal',
    ]);
    expect(readFileSync(`${previous}-wal`, 'utf8')).toBe('keep me');
  });

  it('removes the temp of a slot-file write cut before its rename, never the slot file itself', () => {
    const slots = join(dir, 'polku.keys');
    writeFileSync(slots, 'the slots in use');
    writeFileSync(join(dir, 'polku.db'), 'the vault');
    writeFileSync(join(dir, 'polku.keys.tmp-0123456789abcdef'), 'slots of the generation before');
    writeFileSync(join(dir, 'polku.keys.tmp-fedcba98'), 'not a name Polku makes');
    writeFileSync(join(dir, 'polku.prefs.json'), '{"locale":"fi"}');
    writeFileSync(join(dir, 'polku.prefs.json.tmp-00112233445566ff'), '{"locale":"sv"}');
    recoverInterruptedWork(dir);
    expect(readdirSync(dir).sort()).toEqual(['polku.db', 'polku.keys', 'polku.keys.tmp-fedcba98', 'polku.prefs.json']);
    expect(readFileSync(slots, 'utf8')).toBe('the slots in use');
  });

  it('keeps a slot-file temp when there is no slot file: it could be the only copy of the slots', () => {
    writeFileSync(join(dir, 'polku.db'), 'the vault');
    writeFileSync(join(dir, 'polku.keys.tmp-0123456789abcdef'), 'the only slots there are');
    recoverInterruptedWork(dir);
    expect(readdirSync(dir).sort()).toEqual(['polku.db', 'polku.keys.tmp-0123456789abcdef']);
  });

  it('removes the temp of a first write of the temp list, the preferences or the attempts cut before its rename', () => {
    // A kill during the first write of the list a backup makes before its temps: the list never existed.
    writeFileSync(join(dir, 'polku.db'), 'the vault');
    writeFileSync(join(dir, 'polku.keys'), 'the slots in use');
    writeFileSync(join(dir, 'polku.temp-files.json.tmp-0123456789abcdef'), '{"temps":[]}');
    writeFileSync(join(dir, 'polku.prefs.json.tmp-00112233445566ff'), '{"locale":"sv"}');
    writeFileSync(join(dir, 'polku.attempts.tmp-ffeeddccbbaa9988'), '{"failures":1}');
    recoverInterruptedWork(dir);
    expect(readdirSync(dir).sort()).toEqual(['polku.db', 'polku.keys']);
  });

  it('follows no symbolic link named as a slot-file temp', () => {
    const precious = join(elsewhere, 'thesis.odt');
    writeFileSync(precious, 'keep me');
    writeFileSync(join(dir, 'polku.keys'), '{}');
    symlinkSync(precious, join(dir, 'polku.keys.tmp-0123456789abcdef'));
    symlinkSync(precious, join(dir, 'polku.previous.db-wal'));
    recoverInterruptedWork(dir);
    expect(readFileSync(precious, 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'polku.keys.tmp-0123456789abcdef')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'polku.previous.db-wal')).isSymbolicLink()).toBe(true);
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
