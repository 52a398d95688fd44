import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '@shared/app-version';
import { BACKUP_FORMAT_VERSION } from '@shared/backup';
import { latestVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { BACKUP_PASSPHRASE, backupFixture, type BackupFixture } from '../../../tests/support/backup';
import { MANIFEST_TABLE } from './manifest';
import { PASSPHRASE } from '../../../tests/support/core';

let f: BackupFixture;
beforeAll(async () => {
  f = await backupFixture();
}, 120_000);
afterAll(() => f.cleanup());

/** What any SQLCipher 4 tool does with the passphrase: three pragmas, nothing of Polku's. */
function openAsAnySqlCipherTool(path: string, passphrase: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key='${passphrase.replaceAll("'", "''")}'`);
  return db;
}

describe('backup.create', () => {
  let path: string;
  let result: Awaited<ReturnType<typeof f.t.ok<'backup.create'>>>;
  beforeAll(async () => {
    f.shell.savePath = join(f.outDir, 'polku-marraskuu');
    f.t.events.length = 0;
    result = await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    path = join(f.outDir, 'polku-marraskuu.polkubackup');
  }, 60_000);

  it('writes one file at the chosen place, with the extension added, and nothing else', () => {
    expect(result).toMatchObject({ status: 'done', fileName: 'polku-marraskuu.polkubackup' });
    expect(readdirSync(f.outDir)).toEqual(['polku-marraskuu.polkubackup']);
    expect(result.status === 'done' && result.bytes).toBe(statSync(path).size);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(f.shell.asked.at(-1)).toEqual({ purpose: 'backup', defaultName: 'polku-2026-11-28.polkubackup' });
  });

  it('is an encrypted file from its first byte', () => {
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Amal'))).toBe(false);
    expect(bytes.includes(Buffer.from('PRIVATE-BACKUP-MARKER'))).toBe(false);
  });

  it('opens in a fresh connection with only cipher, legacy=4 and the passphrase, as any SQLCipher 4 tool would', () => {
    const db = openAsAnySqlCipherTool(path, BACKUP_PASSPHRASE);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const manifest = db.prepare(`SELECT * FROM ${MANIFEST_TABLE}`).get() as Record<string, unknown>;
      expect(manifest).toMatchObject({
        format_version: BACKUP_FORMAT_VERSION,
        schema_version: latestVersion(MIGRATIONS),
        app_version: APP_VERSION,
        created_at: '2026-11-28T09:00:00.000Z',
      });
      const counts = JSON.parse(manifest.counts as string) as Record<string, number>;
      expect(counts.participants).toBe(3);
      expect(counts.psychosocial_private).toBe(1);
      expect(counts).not.toHaveProperty('notes_fts_data');
      expect(counts).not.toHaveProperty(MANIFEST_TABLE);
      expect(db.prepare('SELECT count(*) AS n FROM participants').get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
  });

  it('does not open with another passphrase', () => {
    const db = openAsAnySqlCipherTool(path, 'Syksyn varmuuskopio: hamara & sade 2026');
    expect(() => db.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    db.close();
  });

  it('reports progress as it goes, ending complete', () => {
    const progress = f.t.events
      .filter((e) => e.event === 'progress')
      .map((e) => e.payload as { task: string; done: number; total: number });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.task === 'backup')).toBe(true);
    const fractions = progress.map((p) => p.done / p.total);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('records when and where (the folder only), and audits without the path', async () => {
    const status = await f.t.ok('backup.status', {});
    expect(status).toMatchObject({ lastBackupAt: '2026-11-28T09:00:00.000Z', lastBackupFolder: f.outDir, due: false });
    const { entries } = await f.t.ok('audit.list', { action: 'backup.create' });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toMatch(/^\d+ bytes, \d+ tables, audit head \d+ [0-9a-f]{16}$/);
  });

  it('leaves no temp files or temp list behind', () => {
    expect(existsSync(join(f.t.dataDir, 'polku.temp-files.json'))).toBe(false);
    expect(readdirSync(f.t.dataDir).filter((n) => n.includes('tmp') || n.includes('restore'))).toEqual([]);
  });
});
