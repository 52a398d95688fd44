/** A backup written by an earlier version of Polku (an older schema) is migrated as it is restored. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestVersion, migrate, schemaVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted } from '../db/open';
import { runJob } from '../jobs/runner';
import { insertUser } from '../users/repo';
import { BACKUP_PASSPHRASE, scriptedShell } from '../../../tests/support/backup';
import { NEW_PASSPHRASE, testCore, type TestCore } from '../../../tests/support/core';
import { openVaultDb } from '../../../tests/support/raw-db';
import { passphraseBytes } from './cipher-file';
import { ownedCopy } from './state';

const OLDER = latestVersion(MIGRATIONS) - 1;
const COORDINATOR_ID = 'c0ffee00c0ffee00c0ffee00c0ffee00';
let dir: string;
let fresh: TestCore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'polku-older-'));
  const source = join(dir, 'older.db');
  const masterKey = randomBytes(32);
  const db = openEncrypted(source, masterKey);
  migrate(db, MIGRATIONS, OLDER);
  insertUser(db, {
    id: COORDINATOR_ID,
    displayName: 'Vanha Koordinaattori',
    role: 'coordinator',
    active: true,
    mustChangePassphrase: false,
    createdAt: '2025-01-01T00:00:00.000Z',
  });
  db.close();
  const backup = join(dir, 'older.polkubackup');
  await runJob(
    'backup.write',
    {
      source,
      target: `${backup}.tmp`,
      destination: backup,
      tempList: join(dir, 'temp-files.json'),
      masterKey: ownedCopy(masterKey),
      passphrase: ownedCopy(passphraseBytes(BACKUP_PASSPHRASE)),
      createdAt: '2025-06-01T12:00:00.000Z',
      appVersion: '0.0.9',
      vaultId: 'older',
      driver: {},
      faults: [],
    },
    { onProgress: () => undefined },
  ).outcome;
  const shell = scriptedShell();
  shell.openPath = backup;
  fresh = testCore(join(dir, 'data'), undefined, { shell });
}, 60_000);
afterAll(() => {
  fresh.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

it('is read, restored and brought to this version’s schema', async () => {
  const inspected = await fresh.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
  if (inspected.status !== 'ready') throw new Error('not inspected');
  expect(inspected.summary).toMatchObject({ schemaVersion: OLDER, appVersion: '0.0.9' });
  expect(inspected.coordinators).toEqual([{ id: COORDINATOR_ID, displayName: 'Vanha Koordinaattori' }]);
  const restored = await fresh.ok('vault.restoreFresh', {
    token: inspected.token,
    userId: COORDINATOR_ID,
    passphrase: NEW_PASSPHRASE,
    locale: 'fi',
  });
  expect(restored).toMatchObject({ status: 'done', session: { userId: COORDINATOR_ID } });
  const db = await openVaultDb(fresh, NEW_PASSPHRASE);
  try {
    expect(schemaVersion(db)).toBe(latestVersion(MIGRATIONS));
  } finally {
    db.close();
  }
  expect(await fresh.ok('vault.verify', {})).toMatchObject({ integrity: true, firstBadPage: null });
});
