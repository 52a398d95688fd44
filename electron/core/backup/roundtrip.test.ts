/**
 * The whole way at the core's level, through dispatch: case data in every compartment -> backup -> the data
 * folder wiped -> a fresh install -> backup.inspect -> vault.restoreFresh -> every table answers the same.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_PASSPHRASE,
  BOOKKEEPING_TABLES,
  COORDINATOR,
  backupFixture,
  digestOf,
  ASSESSMENT_MARKER,
  PLAN_MARKER,
  PRIVATE_MARKER,
  rowsOf,
  scriptedShell,
  type BackupFixture,
} from '../../../tests/support/backup';
import { COLLEAGUE_PASSPHRASE, NEW_PASSPHRASE, PASSPHRASE, testCore, type TestCore } from '../../../tests/support/core';
import { PROGRAMME_MARK } from '../../../tests/support/programme';
import { openVaultDb } from '../../../tests/support/raw-db';
import { contentTables } from './content';

const KEY_TABLES = [
  'participants',
  'consents',
  'safety_flags',
  'notes',
  'note_versions',
  'psychosocial_entries',
  'psychosocial_private',
  'referrals',
  'referral_events',
  'plans',
  'plan_goals',
  'plan_steps',
  'plan_versions',
  'assessment_instruments',
  'assessments',
  'assessment_answers',
  'participation_results',
  'users',
  'enrolments',
  'cohorts',
  'cohort_staff',
  'cohort_sessions',
  'attendance',
  'partners',
  'partner_contacts',
  'visits',
];

let f: BackupFixture;
let backupFile: string;
let before: { caseDigest: string; keyRows: Record<string, unknown[]>; auditRows: unknown[]; settings: unknown[] };
let fresh: TestCore;

beforeAll(async () => {
  f = await backupFixture();
  backupFile = join(f.outDir, 'everything.polkubackup');
  f.shell.savePath = backupFile;
  const db = await openVaultDb(f.t);
  before = {
    caseDigest: digestOf(db, BOOKKEEPING_TABLES),
    keyRows: rowsOf(db, KEY_TABLES),
    auditRows: db.prepare('SELECT * FROM audit_log ORDER BY id').raw().all(),
    settings: db.prepare(`SELECT * FROM settings WHERE key LIKE 'settings.%' ORDER BY key`).raw().all(),
  };
  db.close();
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
  f.t.core.close();
  // The laptop is lost: nothing of the data folder is left.
  rmSync(f.t.dataDir, { recursive: true, force: true });
  const shell = scriptedShell();
  shell.openPath = backupFile;
  fresh = testCore(mkdtempSync(join(tmpdir(), 'polku-fresh-')), f.t.clock, { shell });
}, 180_000);
afterAll(() => {
  fresh.cleanup();
  f.cleanup();
});

describe('restoring onto a fresh install', () => {
  let token: string;

  it('finds the backup sound and tells what it holds and who can take it over', async () => {
    expect((await fresh.ok('vault.status', {})).state).toBe('uninitialized');
    const inspected = await fresh.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    expect(inspected.status).toBe('ready');
    if (inspected.status !== 'ready') return;
    token = inspected.token;
    expect(inspected.summary).toMatchObject({
      createdAt: '2026-11-28T09:00:00.000Z',
      counts: {
        participants: 3,
        notes: 3,
        enrolments: 4,
        // The programme's partner and the one the planted referral went to.
        partners: 2,
        partner_contacts: 1,
        attendance: 9,
        visits: 1,
        referrals: 1,
        referral_events: 3,
        plans: 1,
        plan_goals: 2,
        plan_steps: 4,
        plan_versions: 1,
      },
    });
    // The sessions generated with the fixture's other group come on top of the six planted ones.
    expect(inspected.summary.counts.cohort_sessions).toBeGreaterThanOrEqual(6);
    expect(inspected.coordinators).toEqual([{ id: f.coordinatorId, displayName: COORDINATOR }]);
    expect(fresh.events.some((e) => e.event === 'progress' && (e.payload as { task: string }).task === 'verify')).toBe(true);
  });

  it('sets the vault up from the backup for that coordinator, with a new passphrase and recovery code', async () => {
    const restored = await fresh.ok('vault.restoreFresh', {
      token,
      userId: f.coordinatorId,
      passphrase: NEW_PASSPHRASE,
      locale: 'sv',
    });
    expect(restored.status).toBe('done');
    if (restored.status !== 'done') return;
    expect(restored.recoveryCode).toMatch(/\w/);
    expect(restored.session).toMatchObject({
      userId: f.coordinatorId,
      displayName: COORDINATOR,
      role: 'coordinator',
      recoveryPending: true,
    });
    expect((await fresh.ok('vault.status', {})).locale).toBe('sv');
    const files = readdirSync(fresh.dataDir).filter((name) => !/-(wal|shm)$/.test(name));
    expect(files.sort()).toEqual(['polku.db', 'polku.keys', 'polku.prefs.json']);
  });

  it('answers every table of case data with the same bytes as before', async () => {
    const db = await openVaultDb(fresh, NEW_PASSPHRASE);
    try {
      expect(digestOf(db, BOOKKEEPING_TABLES)).toBe(before.caseDigest);
      expect(rowsOf(db, KEY_TABLES)).toEqual(before.keyRows);
      for (const table of KEY_TABLES.filter((t) => t !== 'note_versions'))
        expect(before.keyRows[table]?.length, table).toBeGreaterThan(0);
      // The private notes travel sealed, as the same bytes, with the psychologists' recovery-code wrap beside them.
      expect(JSON.stringify(rowsOf(db, ['psychosocial_private']))).not.toContain(PRIVATE_MARKER);
      expect(db.prepare('SELECT count(*) AS n FROM compartment_wraps WHERE user_id IS NULL').get()).toEqual({ n: 1 });
      for (const table of ['plan_goals', 'plan_steps', 'plan_versions'])
        expect(JSON.stringify(rowsOf(db, [table])), table).toContain(PLAN_MARKER);
      expect(JSON.stringify(rowsOf(db, ['assessment_answers']))).toContain(ASSESSMENT_MARKER);
      const programme = JSON.stringify(rowsOf(db, ['cohort_sessions', 'partners', 'partner_contacts', 'visits']));
      for (const marker of [
        PROGRAMME_MARK.sessionNotes,
        PROGRAMME_MARK.cancelReason,
        PROGRAMME_MARK.contactName,
        PROGRAMME_MARK.learned,
      ])
        expect(programme).toContain(marker);
      // The audit log goes on from where it was: the old rows unchanged but for their chain (prev_hash, hash), which
      // is computed again under this new vault's key, then the restore.
      const audit = db.prepare('SELECT * FROM audit_log ORDER BY id').raw().all();
      const withoutChain = (rows: unknown[]) => rows.map((row) => (row as unknown[]).slice(0, -2));
      expect(withoutChain(audit.slice(0, before.auditRows.length))).toEqual(withoutChain(before.auditRows));
      expect(audit.slice(before.auditRows.length).map((row) => (row as unknown[])[3])).toEqual(['vault.restoreFresh']);
      expect(db.prepare(`SELECT * FROM settings WHERE key LIKE 'settings.%' ORDER BY key`).raw().all()).toEqual(before.settings);
      expect(contentTables(db).some((t) => t.name === 'polku_backup_manifest')).toBe(false);
    } finally {
      db.close();
    }
  });

  it('is a sound vault: pages, integrity and the audit chain check out, and search finds the notes', async () => {
    expect(await fresh.ok('vault.verify', {})).toMatchObject({ firstBadPage: null, integrity: true, auditFirstBadRow: null });
    const { hits } = await fresh.ok('search.notes', { query: 'työhaku' });
    expect(hits).toHaveLength(3);
  });

  it('remembers the backup it came from as the last one', async () => {
    const status = await fresh.ok('backup.status', {});
    expect(status).toMatchObject({ lastBackupAt: '2026-11-28T09:00:00.000Z', lastBackupFolder: f.outDir, pendingRestore: null });
  });

  it('lets colleagues back in once the coordinator gives them passphrases', async () => {
    fresh.core.lock('manual');
    expect(await fresh.call('vault.unlock', { name: 'Kalle Ohjaaja', passphrase: COLLEAGUE_PASSPHRASE })).toMatchObject({
      ok: false,
    });
    await fresh.ok('vault.unlock', { name: COORDINATOR, passphrase: NEW_PASSPHRASE });
    const users = await fresh.ok('users.list', {});
    const caseworker = users.find((u) => u.displayName === 'Kalle Ohjaaja')!;
    const { oneTimePassphrase } = await fresh.ok('users.issuePassphrase', {
      id: caseworker.id,
      currentPassphrase: NEW_PASSPHRASE,
    });
    fresh.core.lock('manual');
    await fresh.ok('vault.unlock', { name: 'Kalle Ohjaaja', passphrase: oneTimePassphrase });
    await fresh.ok('vault.changePassphrase', { next: 'uusi tunnuslause kallelle 2027' });
    expect((await fresh.ok('participants.list', {})).total).toBe(3);
  });

  it('refuses a second restore onto the vault now there', async () => {
    fresh.core.lock('manual');
    expect(
      await fresh.call('vault.restoreFresh', { token, userId: f.coordinatorId, passphrase: NEW_PASSPHRASE, locale: 'fi' }),
    ).toMatchObject({
      ok: false,
      code: 'vault_exists',
    });
  });
});
