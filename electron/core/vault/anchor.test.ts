/**
 * The history cannot be rolled back unnoticed: the audit log's head is anchored in the slot file
 * under a MAC, so a database put back from an older copy is not opened as normal; only a backup's restore or the
 * coordinator's recorded "continue" resolves it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../../../tests/support/core';
import { BACKUP_PASSPHRASE, scriptedShell } from '../../../tests/support/backup';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import { openWithPassphrase } from '../backup/cipher-file';
import { passphraseBytes } from '../db/cipher';
import { readManifest } from '../backup/manifest';
import type { Db } from '../db/open';
import { vaultFiles } from './files';
import { readSlotFile } from './keyslots';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function office(shell = scriptedShell()): Promise<StaffedVault & { shell: typeof shell }> {
  const v = await staffedVault({ shell });
  vaults.push(v);
  return { ...v, shell };
}

/** Copies polku.db aside while the vault is locked (its WAL is folded in at the close). */
function copyDatabase(v: StaffedVault): string {
  v.t.core.lock('manual');
  const { db } = vaultFiles(v.t.dataDir);
  const copy = join(v.t.dataDir, 'old-copy.db');
  copyFileSync(db, copy);
  return copy;
}

/** Puts an earlier copy back in place of polku.db, as someone with the laptop could while it is locked. */
function putBack(v: StaffedVault, copy: string): void {
  v.t.core.lock('manual');
  const { db } = vaultFiles(v.t.dataDir);
  for (const sidecar of [`${db}-wal`, `${db}-shm`]) if (existsSync(sidecar)) rmSync(sidecar);
  copyFileSync(copy, db);
}

/** The rollback: a copy taken while locked, a safety flag set, the copy put back. Caseworker unlocked. */
async function rolledBack(): Promise<StaffedVault & { participantId: string }> {
  const v = await office();
  const participantId = await addConsentingParticipant(v);
  const copy = copyDatabase(v);
  await v.as('caseworker');
  await v.t.ok('flags.set', { participantId, kind: 'other', note: 'Ei yhteydenottoa iltaisin.' });
  putBack(v, copy);
  return { ...v, participantId };
}

describe('a database put back from an older copy', () => {
  it('is not opened as normal: the session says so and every other request is refused', async () => {
    const v = await rolledBack();
    await v.as('caseworker');
    const status = await v.t.ok('vault.status', {});
    expect(status.session?.historyProblem).toBe('older');
    expect(await v.t.call('participants.get', { id: v.participantId })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await v.t.call('flags.list', { participantId: v.participantId })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await v.t.call('vault.acceptHistory', {})).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('stays refused at the next unlock: a lock in between does not anchor the old copy', async () => {
    const v = await rolledBack();
    await v.as('caseworker');
    await v.as('caseworker');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBeDefined();
  });

  it('is not reported intact by the integrity check', async () => {
    const v = await rolledBack();
    await v.as('coordinator');
    const result = await v.t.ok('vault.verify', {});
    expect(result.historyProblem).toBe('older');
    expect(result.auditFirstBadRow).toBeNull();
    v.t.core.lock('manual');
    const db = await openVaultDb(v.t);
    try {
      const row = db.prepare(`SELECT outcome FROM audit_log WHERE action = 'vault.verify' ORDER BY id DESC`).get();
      expect(row).toEqual({ outcome: 'failed' });
    } finally {
      db.close();
    }
  });

  it('is continued with by the coordinator: the finding goes into the log, and the vault works normally after', async () => {
    const v = await rolledBack();
    await v.as('coordinator');
    const session = await v.t.ok('vault.acceptHistory', {});
    expect(session.historyProblem).toBeUndefined();
    const { entries } = await v.t.ok('audit.list', { action: 'vault.historyAccepted' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.detail).toMatch(/^older: anchor row \d+ counter \d+; database row \d+ counter \d+$/);
    expect((await v.t.ok('participants.get', { id: v.participantId })).participant.id).toBe(v.participantId);
    expect(await v.t.ok('flags.list', { participantId: v.participantId })).toHaveLength(0);
    await v.as('caseworker');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBeUndefined();
    await v.as('coordinator');
    const verify = await v.t.ok('vault.verify', {});
    expect(verify).toMatchObject({ historyProblem: null, auditFirstBadRow: null, backupHeadsMissing: 0 });
  });

  it('stays older by its counter once unlocks of the old copy made it as long as the anchor says', async () => {
    const v = await office();
    const copy = copyDatabase(v);
    await v.as('caseworker');
    putBack(v, copy);
    for (let i = 0; i < 3; i += 1) {
      v.t.clock.advance(60_000);
      await v.as('caseworker');
    }
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBe('older');
  });
});

describe('the anchor in the slot file', () => {
  it('is written at setup and follows every audited change; its counter goes up at every unlock', async () => {
    const v = await office();
    const before = readSlotFile(vaultFiles(v.t.dataDir).slots).historyAnchor;
    expect(before).toBeDefined();
    await addConsentingParticipant(v);
    const after = readSlotFile(vaultFiles(v.t.dataDir).slots).historyAnchor!;
    expect(after.head.id).toBeGreaterThan(before!.head.id);
    expect(after.counter).toBe(before!.counter);
    await v.as('caseworker');
    expect(readSlotFile(vaultFiles(v.t.dataDir).slots).historyAnchor!.counter).toBe(before!.counter + 1);
    await addConsentingParticipant(v);
    const latest = readSlotFile(vaultFiles(v.t.dataDir).slots).historyAnchor!;
    const db = await openVaultDb(v.t);
    try {
      const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
      expect(latest.head).toEqual(last);
    } finally {
      db.close();
    }
  });

  it('edited by hand is treated as a database put back: the vault is not opened as normal', async () => {
    const v = await office();
    v.t.core.lock('manual');
    const { slots } = vaultFiles(v.t.dataDir);
    const file = JSON.parse(readFileSync(slots, 'utf8')) as { historyAnchor: { head: { id: number } } };
    file.historyAnchor.head.id -= 1;
    writeFileSync(slots, JSON.stringify(file));
    await v.as('caseworker');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBe('anchor_altered');
    await v.as('coordinator');
    await v.t.ok('vault.acceptHistory', {});
    const { entries } = await v.t.ok('audit.list', { action: 'vault.historyAccepted' });
    expect(entries[0]?.detail).toMatch(/^anchor_altered: anchor MAC wrong; database row \d+ counter \d+$/);
  });

  it('missing (a vault made by an earlier build) is written at the first unlock without complaint', async () => {
    const v = await office();
    // An earlier build kept no counter in the database either.
    const db = await openVaultDb(v.t);
    db.prepare(`DELETE FROM settings WHERE key = 'history.counter'`).run();
    db.close();
    v.t.core.lock('manual');
    const { slots } = vaultFiles(v.t.dataDir);
    const { historyAnchor: _dropped, ...older } = readSlotFile(slots);
    writeFileSync(slots, JSON.stringify(older));
    await v.as('caseworker');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBeUndefined();
    expect(readSlotFile(slots).historyAnchor).toBeDefined();
  });

  it('taken out of the slot file, with an older copy of the database put back, is found: no key is needed for that', async () => {
    const v = await rolledBack();
    const { slots } = vaultFiles(v.t.dataDir);
    const { historyAnchor: _dropped, ...withoutAnchor } = readSlotFile(slots);
    writeFileSync(slots, JSON.stringify(withoutAnchor));
    await v.as('caseworker');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBe('anchor_altered');
    expect(await v.t.call('participants.get', { id: v.participantId })).toMatchObject({ ok: false, code: 'forbidden' });
    await v.as('coordinator');
    await v.t.ok('vault.acceptHistory', {});
    const { entries } = await v.t.ok('audit.list', { action: 'vault.historyAccepted' });
    expect(entries[0]?.detail).toMatch(/^anchor_altered: anchor missing; database row \d+ counter \d+$/);
  });

  it('of another format is refused as a damaged slot file', async () => {
    const v = await office();
    v.t.core.lock('manual');
    const { slots } = vaultFiles(v.t.dataDir);
    const file = JSON.parse(readFileSync(slots, 'utf8')) as { historyAnchor: Record<string, unknown> };
    file.historyAnchor.note = 'extra';
    writeFileSync(slots, JSON.stringify(file));
    expect(await v.t.call('vault.unlock', { name: 'Kalle Ohjaaja', passphrase: 'x' })).toMatchObject({
      ok: false,
      code: 'slots_corrupt',
    });
  });
});

describe('a vault whose log earlier builds chained with plain SHA-256', () => {
  it('is chained under the key at its first unlock, after a whole check, with a record saying so', async () => {
    const v = await office();
    v.t.core.lock('manual');
    const db = await openVaultDb(v.t);
    try {
      rechainPlain(db);
      // An earlier build kept no history counter either.
      db.prepare(`DELETE FROM settings WHERE key = 'history.counter'`).run();
    } finally {
      db.close();
    }
    const { slots } = vaultFiles(v.t.dataDir);
    const { historyAnchor: _dropped, ...older } = readSlotFile(slots);
    writeFileSync(slots, JSON.stringify(older));
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { action: 'audit.chainKeyed' });
    expect(entries).toHaveLength(1);
    expect((await v.t.ok('vault.verify', {})).auditFirstBadRow).toBeNull();
  });

  it('is refused once the vault has an anchor: an old plain copy cannot be laundered', async () => {
    const v = await office();
    v.t.core.lock('manual');
    const db = await openVaultDb(v.t);
    try {
      rechainPlain(db);
    } finally {
      db.close();
    }
    await v.as('caseworker');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBe('different');
  });
});

describe('backups as checkpoints', () => {
  it('record the head in their manifest, and the integrity check finds it in the chain', async () => {
    const v = await office();
    await v.as('coordinator');
    const folder = v.t.dataDir;
    v.shell.savePath = join(folder, 'checkpoint');
    await v.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    const file = openWithPassphrase(join(folder, 'checkpoint.polkubackup'), passphraseBytes(BACKUP_PASSPHRASE), {}, true);
    let head;
    try {
      head = readManifest(file)?.auditHead;
    } finally {
      file.close();
    }
    expect(head?.id).toBeGreaterThan(0);
    const { entries } = await v.t.ok('audit.list', { action: 'backup.create' });
    expect(entries[0]?.detail).toContain(`audit head ${head!.id} ${head!.hash.slice(0, 16)}`);
    const verify = await v.t.ok('vault.verify', {});
    expect(verify).toMatchObject({ backupHeadsChecked: 1, backupHeadsMissing: 0 });
    expect(verify.auditHead!.id).toBeGreaterThan(head!.id);
  });

  it('whose head is gone from the chain make the integrity check fail, even after the coordinator continued', async () => {
    const v = await office();
    await v.as('coordinator');
    const copy = copyDatabase(v);
    await v.as('coordinator');
    v.shell.savePath = join(v.t.dataDir, 'checkpoint');
    await v.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    putBack(v, copy);
    // Later: the unlock records of the old copy differ from those the backup saw, if only by their time.
    v.t.clock.advance(60_000);
    await v.as('coordinator');
    await v.t.ok('vault.acceptHistory', {});
    const verify = await v.t.ok('vault.verify', {});
    expect(verify).toMatchObject({ backupHeadsChecked: 1, backupHeadsMissing: 1, historyProblem: null });
  });
});

/** Computes the chain again with plain SHA-256, as the builds before the keyed chain wrote it. */
function rechainPlain(db: Db): void {
  db.exec('DROP TRIGGER audit_log_no_update');
  let previous = '0'.repeat(64);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
  for (const row of rows) {
    const fields = [previous, row.id, row.at, row.user_id, row.action, row.entity, row.entity_id, row.outcome, row.detail];
    const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(previous, hash, row.id);
    previous = hash;
  }
  db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`);
  const last = rows.at(-1) as { id: number };
  db.prepare(`UPDATE settings SET value = ? WHERE key = 'audit.head'`).run(JSON.stringify({ id: last.id, hash: previous }));
}

describe('a checkpoint noted on paper', () => {
  it('matches while the log goes on from it, and no longer once an older copy was put back', async () => {
    const v = await office();
    await v.as('coordinator');
    const copy = copyDatabase(v);
    await v.as('coordinator');
    const head = (await v.t.ok('vault.verify', {})).auditHead!;
    const noted = (head.hash.slice(0, 16).match(/.{4}/g) ?? []).join(' ').toUpperCase();
    expect(await v.t.ok('audit.checkpoint', { row: head.id, code: noted })).toEqual({ matches: true });
    putBack(v, copy);
    v.t.clock.advance(60_000);
    await v.as('coordinator');
    await v.t.ok('vault.acceptHistory', {});
    expect(await v.t.ok('audit.checkpoint', { row: head.id, code: noted })).toEqual({ matches: false });
    expect(await v.t.call('audit.checkpoint', { row: head.id, code: 'not a code' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
  });
});

describe('a recovery-code unlock of a database put back', () => {
  it('sets the new passphrase first, then the coordinator decides about the history', async () => {
    const v = await office();
    await v.as('coordinator');
    const { recoveryCode } = await v.t.ok('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE });
    const copy = copyDatabase(v);
    await v.as('coordinator');
    putBack(v, copy);
    v.t.clock.advance(60_000);
    const session = await v.t.ok('vault.unlockWithRecoveryCode', { recoveryCode });
    expect(session).toMatchObject({ mustChangePassphrase: true, historyProblem: 'older' });
    expect(await v.t.call('vault.acceptHistory', {})).toMatchObject({ ok: false, code: 'forbidden' });
    await v.t.ok('vault.changePassphrase', { next: 'uusi tunnuslause syksyllä 2026' });
    expect((await v.t.ok('vault.acceptHistory', {})).historyProblem).toBeUndefined();
  });
});

describe('restoring a backup while the history is in doubt', () => {
  it('resolves it: the restored database is anchored, and the next unlock opens normally', async () => {
    const v = await office();
    const copy = copyDatabase(v);
    await v.as('coordinator');
    v.shell.savePath = join(v.t.dataDir, 'latest');
    await v.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    putBack(v, copy);
    v.t.clock.advance(60_000);
    await v.as('coordinator');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBe('older');
    v.shell.openPath = join(v.t.dataDir, 'latest.polkubackup');
    const inspected = await v.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    if (inspected.status !== 'ready') throw new Error('not inspected');
    await v.t.ok('backup.restore', { token: inspected.token });
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBeUndefined();
    await v.t.ok('backup.keepRestore', {});
    await v.as('coordinator');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBeUndefined();
    expect(await v.t.ok('vault.verify', {})).toMatchObject({ historyProblem: null, backupHeadsMissing: 0 });
  });
});

describe('a master-key rotation', () => {
  it('chains the log again under the new key, the anchor and the backup heads following it', async () => {
    const v = await office();
    await v.as('coordinator');
    v.shell.savePath = join(v.t.dataDir, 'before-rotation');
    await v.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    await v.t.ok('vault.rotateMasterKey', { passphrase: PASSPHRASE });
    const verify = await v.t.ok('vault.verify', {});
    expect(verify).toMatchObject({ auditFirstBadRow: null, backupHeadsChecked: 1, backupHeadsMissing: 0, historyProblem: null });
    await v.as('coordinator');
    expect((await v.t.ok('vault.status', {})).session?.historyProblem).toBeUndefined();
  });
});
