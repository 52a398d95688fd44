/**
 * While a restore awaits "keep" or "undo", the database from before the restore stays beside the vault
 * (polku.previous.db) with every byte of every file it held, and "undo" brings it all back: an erasure then would
 * be undone. So every erasing path refuses while a restore is pending, and works again once the restore is kept
 * (or undone), leaving nothing of the erased file in any file of the data folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_PASSPHRASE, backupFixture, type BackupFixture } from '../../../tests/support/backup';
import { hitFiles, plaintextHits } from '../../../tests/support/plaintext-scan';
import { vaultMasterKey } from '../../../tests/support/raw-db';
import { backupFiles } from './files';
import { PASSPHRASE } from '../../../tests/support/core';

/** Planted in the file that is due for erasure, and nowhere else. */
const DUE_MARK = 'Zyxduemark';
/** Planted in the file the coordinator deletes, and nowhere else. */
const DELETED_MARK = 'Zyxdeletedmark';
const DAY_MS = 86_400_000;

let f: BackupFixture;
let due: { id: string; pseudonym: string };
let deleted: { id: string; pseudonym: string };
let masterKey: Buffer;

const scan = (needles: readonly string[]) => plaintextHits(f.t.dataDir, masterKey, needles);
const previousDb = () => backupFiles(f.t.dataDir).previousDb;

beforeAll(async () => {
  f = await backupFixture(1);
  masterKey = await vaultMasterKey(f.t);
  const create = async (mark: string) =>
    (
      await f.t.ok('participants.create', {
        firstName: `${mark}first`,
        safeContactNotes: `Mornings ${mark}contact`,
        confirmDuplicate: true,
      })
    ).participant;
  due = await create(DUE_MARK);
  await f.t.ok('participants.setStatus', { id: due.id, status: 'closed' });
  await f.t.ok('retention.set', { years: 1 });
  deleted = await create(DELETED_MARK);
  f.shell.savePath = join(f.outDir, 'before.polkubackup');
  f.shell.openPath = f.shell.savePath;
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
  // A year and a day later the closed file is due; the idle lock this causes is undone by unlocking again.
  f.t.clock.advance(367 * DAY_MS);
  await f.as('coordinator');
  const inspected = await f.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
  if (inspected.status !== 'ready') throw new Error('not inspected');
  await f.t.ok('backup.restore', { token: inspected.token });
}, 180_000);
afterAll(() => {
  masterKey.fill(0);
  f.cleanup();
});

describe('erasure while a restore awaits keep or undo', () => {
  it('is the state under test: a restore is pending, and the kept database holds both files', async () => {
    expect((await f.t.ok('backup.status', {})).pendingRestore).not.toBeNull();
    expect((await f.t.ok('retention.due', {})).files.map((file) => file.participantId)).toEqual([due.id]);
    expect(hitFiles(scan([DUE_MARK, DELETED_MARK]))).toContain('polku.previous.db');
  });

  it('refuses deleting a participant with a sentence saying why and what to do, deleting nothing', async () => {
    const refused = await f.t.call('participants.delete', { id: deleted.id, confirmPseudonym: deleted.pseudonym });
    expect(refused).toMatchObject({ ok: false, code: 'erasure_restore_pending', i18nKey: 'errors.erasure_restore_pending' });
    expect((await f.t.ok('participants.get', { id: deleted.id })).participant.id).toBe(deleted.id);
    expect((await f.t.ok('audit.list', { action: 'participants.delete' })).entries).toEqual([]);
  });

  it('refuses erasing the files due for deletion, erasing nothing', async () => {
    const refused = await f.t.call('retention.erase', { participantIds: [due.id], confirmCount: 1 });
    expect(refused).toMatchObject({ ok: false, code: 'erasure_restore_pending' });
    expect((await f.t.ok('retention.due', {})).files.map((file) => file.participantId)).toEqual([due.id]);
    expect((await f.t.ok('audit.list', { action: 'retention.erase' })).entries).toEqual([]);
  });

  it('erases again once the restore is kept, and nothing of either file is left in any file of the data folder', async () => {
    await f.t.ok('backup.keepRestore', {});
    expect(existsSync(previousDb())).toBe(false);
    expect(await f.t.ok('retention.erase', { participantIds: [due.id], confirmCount: 1 })).toEqual({ erased: 1 });
    await f.t.ok('participants.delete', { id: deleted.id, confirmPseudonym: deleted.pseudonym });
    expect(scan([DUE_MARK, DELETED_MARK, due.pseudonym, deleted.pseudonym])).toEqual([]);
    // The same scan still finds what stays, so it was able to find anything at all.
    expect(hitFiles(scan(['Jaksaminen parempi']))).toContain('polku.db');
  });
});
