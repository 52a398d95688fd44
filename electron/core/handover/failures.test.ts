import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '@shared/errors';
import { latestVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import type { Db } from '../db/open';
import { contentDigest, countRows } from './digest';
import { dataFiles, fillCase, FILE_PASSPHRASE, office, snapshot, transferFolder, type Office } from './testing/offices';
import { COLLEAGUE_PASSPHRASE } from '../../../tests/support/core';

let a: Office;
let b: Office;
let folder: string;
let file: string;
let participantId: string;

beforeEach(async () => {
  a = await office();
  b = await office();
  folder = transferFolder();
  file = join(folder, 'case.polkucase');
  participantId = await fillCase(a);
  a.answers.save = file;
  await a.t.ok('handover.export', { participantId, passphrase: FILE_PASSPHRASE, currentPassphrase: COLLEAGUE_PASSPHRASE });
  b.answers.open = file;
});
afterEach(() => {
  a.t.cleanup();
  b.t.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

/** Opens the file with its passphrase as any SQLCipher 4 tool does, for a test to change it. */
function openWithPassphrase(path: string): Db {
  const db = new Database(path);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.key(Buffer.from(FILE_PASSPHRASE, 'utf8'));
  db.pragma('foreign_keys=OFF');
  return db;
}

/** Changes the file's rows and writes counts and digest to match, as someone holding the passphrase could. */
function changeAndReseal(change: (db: Db) => void): void {
  const db = openWithPassphrase(file);
  change(db);
  db.prepare('UPDATE handover_manifest SET counts = ?, digest = ?').run(JSON.stringify(countRows(db)), contentDigest(db));
  db.close();
}

/** Inspects (and, when that succeeds, imports) the file in B; expects `code` and B exactly as before. */
async function refusedWith(code: ErrorCode, passphrase = FILE_PASSPHRASE): Promise<void> {
  const before = await snapshot(b);
  const files = dataFiles(b);
  const inspected = await b.t.call('handover.inspect', { passphrase });
  const outcome =
    inspected.ok && inspected.value.status === 'ready'
      ? await b.t.call('handover.import', { token: inspected.value.token })
      : inspected;
  expect(outcome).toMatchObject({ ok: false, code });
  expect(await snapshot(b)).toBe(before);
  expect(dataFiles(b)).toEqual(files);
}

describe('a handover file that cannot be imported, with nothing written in the importing vault', () => {
  it('refuses a wrong passphrase', async () => {
    await refusedWith('handover_wrong_passphrase', 'not the passphrase of this file');
  });

  it('refuses what is not a handover file: empty, random, plaintext SQLite, another encrypted database', async () => {
    writeFileSync(file, '');
    await refusedWith('handover_wrong_passphrase');
    writeFileSync(file, Buffer.alloc(4096 * 4, 7));
    await refusedWith('handover_wrong_passphrase');
    rmSync(file);
    const plain = new Database(file);
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    plain.close();
    await refusedWith('handover_wrong_passphrase');
    rmSync(file);
    const other = openWithPassphrase(file);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    other.close();
    await refusedWith('handover_wrong_passphrase');
  });

  it('refuses a truncated file, cut at a page boundary or inside a page', async () => {
    const size = readFileSync(file).length;
    const original = readFileSync(file);
    truncateSync(file, size - 4096);
    await refusedWith('handover_damaged');
    writeFileSync(file, original);
    truncateSync(file, size - 1000);
    await refusedWith('handover_damaged');
    writeFileSync(file, original);
    truncateSync(file, 4096);
    await refusedWith('handover_damaged');
  });

  it('refuses a file with one bit flipped', async () => {
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2) + 123;
    bytes[at] = bytes[at]! ^ 0x10;
    writeFileSync(file, bytes);
    await refusedWith('handover_damaged');
  });

  it('refuses a file from a newer version: its schema, or its format', async () => {
    const original = readFileSync(file);
    const newer = latestVersion(MIGRATIONS) + 1;
    const db = openWithPassphrase(file);
    db.pragma(`user_version = ${newer}`);
    db.prepare('UPDATE handover_manifest SET schema_version = ?').run(newer);
    db.close();
    await refusedWith('handover_newer');
    writeFileSync(file, original);
    const format = openWithPassphrase(file);
    format.prepare('UPDATE handover_manifest SET format_version = 2').run();
    format.close();
    await refusedWith('handover_newer');
  });

  it('refuses a file whose rows do not match its manifest', async () => {
    const db = openWithPassphrase(file);
    db.prepare(`UPDATE notes SET text = 'changed afterwards' WHERE type = 'phone_call'`).run();
    db.close();
    await refusedWith('handover_damaged');
  });

  it('refuses a file holding anything besides the one participant’s file, even with a matching digest', async () => {
    changeAndReseal((db) =>
      db.exec(`INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
               SELECT '${'f'.repeat(32)}', 'P-2026-999', 2026, 999, status, created_at, updated_at, created_by FROM participants`),
    );
    await refusedWith('handover_damaged');
  });

  it('refuses a file whose schema is not the vault’s, even with a matching digest', async () => {
    changeAndReseal((db) => db.exec(`CREATE TRIGGER sneaky AFTER INSERT ON notes BEGIN SELECT 1; END`));
    await refusedWith('handover_damaged');
  });

  it('rolls the whole import back when a row breaks the vault’s rules halfway through', async () => {
    // The notes come after the participant, consents and flags: those are inserted, then rolled back.
    changeAndReseal((db) => db.exec(`UPDATE notes SET date = 'not a date' WHERE type = 'phone_call'`));
    const inspected = await b.t.ok('handover.inspect', { passphrase: FILE_PASSPHRASE });
    expect(inspected.status).toBe('ready');
    await refusedWith('handover_damaged');
  });
});

describe('writing a handover file where it cannot be written', () => {
  it('reports a folder that does not exist, leaving no file and no audit record', async () => {
    a.answers.save = join(folder, 'missing', 'case.polkucase');
    expect(
      await a.t.call('handover.export', { participantId, passphrase: FILE_PASSPHRASE, currentPassphrase: COLLEAGUE_PASSPHRASE }),
    ).toMatchObject({
      ok: false,
      code: 'handover_write_failed',
    });
    expect(existsSync(join(folder, 'missing'))).toBe(false);
    expect(readdirSync(folder)).toEqual(['case.polkucase']);
    await a.as('coordinator');
    expect((await a.t.ok('audit.list', { action: 'handover.export' })).entries).toHaveLength(1);
  });
});
