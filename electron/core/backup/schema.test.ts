/**
 * A backup's schema must be exactly what this version's migrations make at the backup's schema version: someone who
 * knows a backup's passphrase can otherwise plant a trigger (say, one copying every new private psychosocial note
 * into the caseworkers' notes) and re-seal the manifest, and a restore would carry it into the vault for good.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_PASSPHRASE,
  BOOKKEEPING_TABLES,
  backupFixture,
  vaultDigest,
  type BackupFixture,
} from '../../../tests/support/backup';
import { openWithPassphrase, passphraseBytes } from './cipher-file';
import { contentDigest, contentTables, countRows } from './content';
import { backupFiles } from './files';
import { MANIFEST_TABLE } from './manifest';
import { PASSPHRASE } from '../../../tests/support/core';
import { openVaultDb } from '../../../tests/support/raw-db';
import { bundles } from '@shared/i18n/bundles';

let f: BackupFixture;
let clean: string;

beforeAll(async () => {
  f = await backupFixture(2);
  clean = join(f.outDir, 'clean.polkubackup');
  f.shell.savePath = clean;
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
}, 120_000);
afterAll(() => f.cleanup());

/**
 * A copy of the clean backup changed by `sql` and re-sealed as only the passphrase's holder could: counts and digest
 * recomputed and written into the manifest, so that every page, the integrity check, the counts and the digest pass.
 */
function resealed(name: string, sql: string): string {
  const path = join(f.outDir, `${name}.polkubackup`);
  copyFileSync(clean, path);
  const db = openWithPassphrase(path, passphraseBytes(BACKUP_PASSPHRASE), {});
  try {
    db.exec(sql);
    const tables = contentTables(db);
    db.prepare(`UPDATE ${MANIFEST_TABLE} SET counts = ?, digest = ?`).run(
      JSON.stringify(countRows(db, tables)),
      contentDigest(db, tables),
    );
  } finally {
    db.close();
  }
  return path;
}

async function inspect(path: string) {
  f.shell.openPath = path;
  return f.t.call('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
}

describe('a backup whose schema is not what the migrations make', () => {
  it('is still read when only its rows were changed and re-sealed (the test’s re-sealing is sound)', async () => {
    const path = resealed('rows', `UPDATE settings SET value = value WHERE 0`);
    expect(await inspect(path)).toMatchObject({ ok: true, value: { status: 'ready' } });
  });

  const planted: [what: string, sql: string][] = [
    [
      'a trigger copying private notes where caseworkers read them',
      `CREATE TRIGGER polku_copy AFTER INSERT ON psychosocial_private BEGIN
         UPDATE participants SET first_name = first_name || NEW.notes
         WHERE id = (SELECT participant_id FROM psychosocial_entries WHERE id = NEW.entry_id);
       END;`,
    ],
    ['an extra table', `CREATE TABLE polku_extra (x TEXT) STRICT;`],
    ['an extra index', `CREATE INDEX polku_extra_index ON notes (created_at);`],
    ['a view', `CREATE VIEW polku_private_view AS SELECT notes FROM psychosocial_private;`],
    ['an existing table’s SQL altered', `ALTER TABLE settings ADD COLUMN extra TEXT;`],
    [
      'a trigger on the backup’s own manifest table',
      `CREATE TRIGGER polku_on_manifest AFTER DELETE ON ${MANIFEST_TABLE} BEGIN SELECT 1; END;`,
    ],
  ];

  for (const [what, sql] of planted) {
    it(`is refused at inspect, with its own sentence and nothing changed: ${what}`, async () => {
      const before = await vaultDigest(f.t, BOOKKEEPING_TABLES);
      const failure = await inspect(resealed(what.replaceAll(/\W+/g, '-'), sql));
      expect(failure).toMatchObject({ ok: false, code: 'backup_schema_foreign', i18nKey: 'errors.backup_schema_foreign' });
      expect(await vaultDigest(f.t, BOOKKEEPING_TABLES)).toBe(before);
      expect(existsSync(backupFiles(f.t.dataDir).previousDb)).toBe(false);
      expect((await f.t.ok('backup.status', {})).pendingRestore).toBeNull();
    });
  }

  it('leaves a clean backup restorable', async () => {
    const inspected = await inspect(clean);
    if (!inspected.ok || inspected.value.status !== 'ready') throw new Error('not inspected');
    const status = await f.t.ok('backup.restore', { token: inspected.value.token });
    expect(status.pendingRestore).not.toBeNull();
    expect((await f.t.ok('backup.keepRestore', {})).pendingRestore).toBeNull();
  });
});

describe('a vault whose own schema was changed outside Polku', () => {
  it('is not backed up, with a sentence that says so instead of blaming the drive, and leaves no file', async () => {
    const db = await openVaultDb(f.t);
    db.exec('CREATE TABLE stray (x TEXT)');
    db.close();
    const folder = join(f.outDir, 'foreign-vault');
    mkdirSync(folder);
    f.shell.savePath = join(folder, 'b.polkubackup');
    const failure = await f.t.call('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    expect(failure).toMatchObject({ ok: false, code: 'vault_schema_foreign', i18nKey: 'errors.vault_schema_foreign' });
    expect(bundles.fi.errors.vault_schema_foreign).toContain('varmuuskopiota ei tehty');
    expect(readdirSync(folder)).toEqual([]);
  });
});
