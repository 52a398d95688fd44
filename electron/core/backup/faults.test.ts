/**
 * Bad backup files and failing disks: each gets its own clear error code, and the vault in use is untouched
 * (every table digests the same), with no file at the destination and no temp file anywhere.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '@shared/errors';
import { bundles, lookup } from '@shared/i18n/bundles';
import { latestVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { BACKUP_PASSPHRASE, backupFixture, vaultDigest, type BackupFixture } from '../../../tests/support/backup';
import { openWithPassphrase, passphraseBytes } from './cipher-file';
import type { FileFault } from '../fs/file-ops';
import { backupFiles } from './files';
import { createManifestTable, MANIFEST_TABLE } from './manifest';
import { verifyBackupFile } from './verify';
import { AppError } from '@shared/errors';
import { QUIET_JOB } from '../jobs/context';
import { BACKUP_FORMAT_VERSION } from '@shared/backup';
import { PASSPHRASE } from '../../../tests/support/core';

const PAGE = 4096;
let f: BackupFixture;
let good: string;
let untouched: string;
let pages: number;

beforeAll(async () => {
  f = await backupFixture(2);
  good = join(f.outDir, 'good.polkubackup');
  f.shell.savePath = good;
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
  untouched = await vaultDigest(f.t);
  pages = statSync(good).size / PAGE;
}, 120_000);
afterAll(() => f.cleanup());
beforeEach(() => {
  f.faults.length = 0;
});

let copies = 0;
/** A changed copy of the good backup. */
function variant(change: (path: string) => void): string {
  const path = join(f.outDir, `variant-${++copies}.polkubackup`);
  copyFileSync(good, path);
  change(path);
  return path;
}

/** Bytes in pages after the first, from the second page to the last one's end, where a flip is damage. */
const damageOffsets = () => [
  PAGE + 10,
  2 * PAGE - 1,
  Math.floor(pages / 2) * PAGE + 2000,
  (pages - 1) * PAGE + 4000,
  (pages - 1) * PAGE + 20,
];

function flip(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset]! ^= 0x01;
  writeFileSync(path, bytes);
}

/** Edits a backup as someone holding its passphrase could, in any SQLCipher tool. */
function editWithPassphrase(path: string, sql: string): void {
  const db = openWithPassphrase(path, passphraseBytes(BACKUP_PASSPHRASE), {});
  db.exec(sql);
  db.close();
}

async function expectVaultUntouched(): Promise<void> {
  expect(await vaultDigest(f.t)).toBe(untouched);
  expect(readdirSync(f.t.dataDir).filter((name) => !/^polku\.(db|keys|prefs\.json|db-wal|db-shm)$/.test(name))).toEqual([]);
}

async function inspectFails(path: string, code: ErrorCode, passphrase = BACKUP_PASSPHRASE): Promise<void> {
  f.shell.openPath = path;
  expect(await f.t.call('backup.inspect', { passphrase }), path).toMatchObject({ ok: false, code });
  await expectVaultUntouched();
}

describe('a backup file that cannot be restored', () => {
  it('wrong passphrase', () => inspectFails(good, 'backup_wrong_passphrase', 'Syksyn varmuuskopio: hämärä & sade 2025'));
  it('cut at a page boundary', () =>
    inspectFails(
      variant((p) => truncateSync(p, (pages - 1) * PAGE)),
      'backup_damaged',
    ));
  it('cut inside a page', () =>
    inspectFails(
      variant((p) => truncateSync(p, pages * PAGE - 100)),
      'backup_damaged',
    ));
  it('cut to less than one page: nothing tells it from another file', () =>
    inspectFails(
      variant((p) => truncateSync(p, 2000)),
      'backup_wrong_passphrase',
    ));

  it('one flipped byte in any page after the first: damaged', async () => {
    for (const offset of damageOffsets())
      await inspectFails(
        variant((p) => flip(p, offset)),
        'backup_damaged',
      );
  });

  it('one flipped byte in any page, checked as a backup just written (no separate page pass): damaged', () => {
    const check = (path: string) =>
      verifyBackupFile(path, passphraseBytes(BACKUP_PASSPHRASE), {
        driver: {},
        job: QUIET_JOB,
        from: 0,
        to: 1,
        listCoordinators: false,
        justWritten: true,
      });
    expect(check(good).digest).toMatch(/^[0-9a-f]{64}$/);
    for (const offset of damageOffsets()) {
      const damaged = variant((p) => flip(p, offset));
      expect(() => check(damaged), `byte ${offset}`).toThrow(AppError);
      try {
        check(damaged);
      } catch (error) {
        expect((error as AppError).code, `byte ${offset}`).toBe('backup_damaged');
      }
    }
  });

  it('one flipped byte in the first page, salt included: the passphrase cannot be told from the damage', async () => {
    for (const offset of [3, 100, PAGE - 40])
      await inspectFails(
        variant((p) => flip(p, offset)),
        'backup_wrong_passphrase',
      );
  });

  it('rows changed with the passphrase after the backup was written: damaged', () =>
    inspectFails(
      variant((p) => editWithPassphrase(p, `UPDATE participants SET first_name = 'Toinen'`)),
      'backup_damaged',
    ));

  it('from a newer version of Polku: by its format or by its schema', async () => {
    await inspectFails(
      variant((p) => editWithPassphrase(p, `UPDATE ${MANIFEST_TABLE} SET format_version = ${BACKUP_FORMAT_VERSION + 1}`)),
      'backup_newer',
    );
    const newer = latestVersion(MIGRATIONS) + 1;
    await inspectFails(
      variant((p) =>
        editWithPassphrase(p, `UPDATE ${MANIFEST_TABLE} SET schema_version = ${newer}; PRAGMA user_version = ${newer};`),
      ),
      'backup_newer',
    );
  });

  it('of the earlier format, whose manifest has no audit head, is still read', async () => {
    const earlier = variant((p) => {
      const db = openWithPassphrase(p, passphraseBytes(BACKUP_PASSPHRASE), {});
      const row = db.prepare(`SELECT * FROM ${MANIFEST_TABLE}`).get() as Record<string, unknown>;
      db.exec(`DROP TABLE ${MANIFEST_TABLE}`);
      createManifestTable(db, 1);
      db.prepare(`INSERT INTO ${MANIFEST_TABLE} VALUES (1, ?, ?, ?, ?, ?, ?)`).run(
        row.schema_version,
        row.app_version,
        row.created_at,
        row.vault_id,
        row.counts,
        row.digest,
      );
      db.close();
    });
    f.shell.openPath = earlier;
    expect(await f.t.call('backup.inspect', { passphrase: BACKUP_PASSPHRASE })).toMatchObject({
      ok: true,
      value: { status: 'ready', summary: { formatVersion: 1 } },
    });
  });

  it('an SQLCipher database with that passphrase but no manifest: not a Polku backup', () =>
    inspectFails(
      variant((p) => editWithPassphrase(p, `DROP TABLE ${MANIFEST_TABLE}`)),
      'backup_wrong_passphrase',
    ));

  it('a plain SQLite file', () => {
    const path = join(f.outDir, 'plain.polkubackup');
    const db = new Database(path);
    db.exec('CREATE TABLE participants (id TEXT); INSERT INTO participants VALUES (1)');
    db.close();
    return inspectFails(path, 'backup_not_encrypted');
  });

  it('random bytes, and an empty file', async () => {
    const random = join(f.outDir, 'random.polkubackup');
    writeFileSync(random, randomBytes(20 * PAGE));
    await inspectFails(random, 'backup_wrong_passphrase');
    const empty = join(f.outDir, 'empty.polkubackup');
    writeFileSync(empty, '');
    await inspectFails(empty, 'backup_wrong_passphrase');
  });

  it('a file that is gone, or a folder', async () => {
    await inspectFails(join(f.outDir, 'missing.polkubackup'), 'backup_unreadable');
    mkdirSync(join(f.outDir, 'folder.polkubackup'));
    await inspectFails(join(f.outDir, 'folder.polkubackup'), 'backup_unreadable');
  });
});

describe('writing a backup where the disk fails', () => {
  const cases: [FileFault, ErrorCode][] = [
    [{ op: 'create', code: 'EACCES' }, 'backup_not_writable'],
    [{ op: 'create', code: 'EROFS' }, 'backup_not_writable'],
    [{ op: 'create', code: 'ENOSPC' }, 'backup_disk_full'],
    [{ op: 'fsync', code: 'ENOSPC' }, 'backup_disk_full'],
    [{ op: 'fsync', code: 'EIO' }, 'backup_write_failed'],
    [{ op: 'rename', code: 'EROFS' }, 'backup_not_writable'],
    [{ op: 'rename', code: 'EDQUOT' }, 'backup_disk_full'],
    [{ op: 'fsyncFolder', code: 'EIO' }, 'backup_write_failed'],
  ];
  for (const [fault, code] of cases) {
    it(`${fault.op} failing with ${fault.code}: ${code}, and no file left`, async () => {
      const folder = join(f.outDir, `${fault.op}-${fault.code}`);
      mkdirSync(folder);
      f.shell.savePath = join(folder, 'b.polkubackup');
      f.faults.push(fault);
      expect(await f.t.call('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        code,
      });
      expect(readdirSync(folder)).toEqual([]);
      await expectVaultUntouched();
    });
  }

  it('a read-only folder', async () => {
    const folder = join(f.outDir, 'read-only');
    mkdirSync(folder);
    chmodSync(folder, 0o500);
    // Running as root, permission bits do not stop writes: the file system's answer is injected instead.
    if (process.getuid?.() === 0) f.faults.push({ op: 'create', code: 'EACCES' });
    f.shell.savePath = join(folder, 'b.polkubackup');
    expect(await f.t.call('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      code: 'backup_not_writable',
    });
    chmodSync(folder, 0o700);
    expect(readdirSync(folder)).toEqual([]);
    await expectVaultUntouched();
  });
});

describe('restoring where the disk fails', () => {
  const target = 'polku.db.restore-';
  const cases: [FileFault, ErrorCode][] = [
    [{ op: 'create', code: 'EROFS', pathIncludes: target }, 'backup_not_writable'],
    [{ op: 'create', code: 'ENOSPC', pathIncludes: target }, 'restore_disk_full'],
    [{ op: 'fsync', code: 'ENOSPC', pathIncludes: target }, 'restore_disk_full'],
    [{ op: 'rename', code: 'EACCES', pathIncludes: 'polku.previous.db' }, 'backup_not_writable'],
    [{ op: 'rename', code: 'EROFS', pathIncludes: '/polku.db', times: 1 }, 'backup_not_writable'],
  ];
  for (const [fault, code] of cases) {
    it(`${fault.op} of ${fault.pathIncludes} failing with ${fault.code}: ${code}, the vault as it was and open`, async () => {
      f.shell.openPath = good;
      const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
      if (inspected.status !== 'ready') throw new Error('not inspected');
      f.faults.push(fault);
      expect(await f.t.call('backup.restore', { token: inspected.token })).toMatchObject({ ok: false, code });
      expect((await f.t.ok('vault.status', {})).state).toBe('unlocked');
      expect((await f.t.ok('backup.status', {})).pendingRestore).toBeNull();
      await expectVaultUntouched();
    });
  }

  // Flushing the folder after a rename fails however the file system answers: the put-back is flushed the same
  // way and fails too, and the answer is still the documented code, with the vault as it was.
  const flushCases: [FileFault['code'], ErrorCode][] = [
    ['ENOSPC', 'restore_disk_full'],
    ['EDQUOT', 'restore_disk_full'],
    ['EROFS', 'backup_not_writable'],
    ['EACCES', 'backup_not_writable'],
    ['EPERM', 'backup_not_writable'],
    ['EIO', 'backup_write_failed'],
    ['EINVAL', 'backup_write_failed'],
  ];
  for (const [errno, code] of flushCases) {
    it(`every flush of the data folder failing with ${errno}: ${code}, the vault as it was and open`, async () => {
      f.shell.openPath = good;
      const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
      if (inspected.status !== 'ready') throw new Error('not inspected');
      f.faults.push({ op: 'fsyncFolder', code: errno });
      expect(await f.t.call('backup.restore', { token: inspected.token })).toMatchObject({ ok: false, code });
      f.faults.length = 0;
      expect((await f.t.ok('vault.status', {})).state).toBe('unlocked');
      expect((await f.t.ok('backup.status', {})).pendingRestore).toBeNull();
      await expectVaultUntouched();
    });
  }

  it('a full disk in a restore asks for room on this computer, not for another place to write to', async () => {
    f.shell.openPath = good;
    const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    if (inspected.status !== 'ready') throw new Error('not inspected');
    f.faults.push({ op: 'create', code: 'ENOSPC', pathIncludes: 'polku.db.restore-' });
    expect(await f.t.call('backup.restore', { token: inspected.token })).toMatchObject({
      ok: false,
      code: 'restore_disk_full',
      i18nKey: 'errors.restore_disk_full',
    });
    expect(lookup(bundles.fi, 'errors.restore_disk_full')).toBe(
      'Levyllä ei ole tarpeeksi vapaata tilaa palautukselle: palautettu tietokanta kirjoitetaan tämän tietokoneen levylle Polun tietojen viereen. Vapauta tilaa tämän tietokoneen levyltä ja yritä uudelleen. Mitään ei muutettu.',
    );
    expect(lookup(bundles.sv, 'errors.restore_disk_full')).toBe(
      'Det finns inte tillräckligt med ledigt utrymme på disken för återställningen: den återställda databasen skrivs på den här datorns disk bredvid Polkus data. Frigör utrymme på datorns disk och försök igen. Ingenting ändrades.',
    );
    expect(lookup(bundles.en, 'errors.restore_disk_full')).toBe(
      "There is not enough free space on the disk for the restore: the restored database is written to this computer's disk, beside Polku's data. Free some space on this computer's disk, then try again. Nothing was changed.",
    );
  });

  it('a previous restore that cannot be found any more is not offered for undo', async () => {
    expect(backupFiles(f.t.dataDir).previousDb).toMatch(/polku\.previous\.db$/);
    expect(await f.t.call('backup.undoRestore', {})).toMatchObject({ ok: false, code: 'not_found' });
    expect(await f.t.call('backup.keepRestore', {})).toMatchObject({ ok: false, code: 'not_found' });
  });
});
