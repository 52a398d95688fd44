import { copyFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_PASSPHRASE, PASSPHRASE, testCore, type TestCore } from '../../../tests/support/core';
import { vaultFiles } from './files';
import { readSlotFile } from './keyslots';
import { verifyDatabaseFile } from './verifier';

const cores: TestCore[] = [];
function fresh(): TestCore {
  const t = testCore();
  cores.push(t);
  return t;
}
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

async function setUp(t: TestCore, displayName = 'Aino Coordinator') {
  return t.ok('vault.setup', { displayName, passphrase: PASSPHRASE, locale: 'fi' });
}

describe('first-run setup', () => {
  it('creates an SQLCipher 4 database that is never plaintext and a slot file without personal data', async () => {
    const t = fresh();
    expect((await t.ok('vault.status', {})).state).toBe('uninitialized');
    const { recoveryCode, session } = await setUp(t, 'Marker Zqxjv');
    expect(session).toMatchObject({ displayName: 'Marker Zqxjv', role: 'coordinator', recoveryPending: true });
    expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    const files = vaultFiles(t.dataDir);
    const db = readFileSync(files.db);
    expect(db.length).toBeGreaterThan(0);
    expect(db.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(db.includes(Buffer.from('Marker Zqxjv'))).toBe(false);
    const slots = readFileSync(files.slots, 'utf8');
    for (const secret of ['Marker Zqxjv', PASSPHRASE, recoveryCode, recoveryCode.replaceAll('-', '')]) {
      expect(slots.includes(secret)).toBe(false);
    }
    expect(statSync(files.slots).mode & 0o077).toBe(0);
  });

  it('refuses to run twice and leaves the existing vault as it was', async () => {
    const t = fresh();
    await setUp(t);
    const before = readFileSync(vaultFiles(t.dataDir).slots);
    const again = await t.call('vault.setup', { displayName: 'Someone', passphrase: NEW_PASSPHRASE, locale: 'en' });
    expect(again).toMatchObject({ ok: false, code: 'vault_exists' });
    expect(readFileSync(vaultFiles(t.dataDir).slots).equals(before)).toBe(true);
  });

  it('refuses a weak passphrase on the main side too', async () => {
    const t = fresh();
    expect(await t.call('vault.setup', { displayName: 'A', passphrase: 'aaaaaaaaaaaaaaaa', locale: 'fi' })).toMatchObject({
      code: 'passphrase_too_weak',
    });
    expect(await t.call('vault.setup', { displayName: 'A', passphrase: 'short', locale: 'fi' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(existsSync(vaultFiles(t.dataDir).db)).toBe(false);
  });

  it('completes a setup interrupted between writing the slot file and naming the database', async () => {
    const t = fresh();
    await setUp(t);
    t.core.lock('manual');
    const files = vaultFiles(t.dataDir);
    copyFileSync(files.db, files.dbDuringSetup);
    writeFileSync(files.db, '');
    const { rmSync } = await import('node:fs');
    rmSync(files.db);
    const restarted = t.restart();
    cores.push(restarted);
    expect((await restarted.ok('vault.status', {})).state).toBe('locked');
    expect((await restarted.ok('vault.unlock', { passphrase: PASSPHRASE })).role).toBe('coordinator');
  });
});

describe('unlocking', () => {
  it('opens with the passphrase, and the database file verifies page by page with the master key', async () => {
    const t = fresh();
    await setUp(t);
    t.core.lock('manual');
    expect((await t.ok('vault.status', {})).state).toBe('locked');
    const session = await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(session.displayName).toBe('Aino Coordinator');
    const check = await t.ok('vault.verify', {});
    expect(check).toMatchObject({ firstBadPage: null, integrity: true, auditFirstBadRow: null });
    expect(check.pagesChecked).toBe(statSync(vaultFiles(t.dataDir).db).size / 4096);
  });

  it('says the passphrase is wrong, then makes the user wait longer and longer, also after a restart', async () => {
    const t = fresh();
    await setUp(t);
    t.core.lock('manual');
    expect(await t.call('vault.unlock', { passphrase: 'wrong passphrase 1' })).toMatchObject({ code: 'wrong_passphrase' });
    expect(await t.call('vault.unlock', { passphrase: 'wrong passphrase 2' })).toMatchObject({ code: 'wrong_passphrase' });
    const third = await t.call('vault.unlock', { passphrase: 'wrong passphrase 3' });
    expect(third).toMatchObject({ code: 'wrong_passphrase', details: { retryAfterMs: 5000 } });
    const restarted = t.restart();
    cores.push(restarted);
    expect((await restarted.ok('vault.status', {})).retryAfterMs).toBe(5000);
    expect(await restarted.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'throttled' });
    restarted.clock.advance(5000);
    expect(await restarted.call('vault.unlock', { passphrase: 'wrong passphrase 4' })).toMatchObject({
      details: { retryAfterMs: 10_000 },
    });
    restarted.clock.advance(10_000);
    await restarted.ok('vault.unlock', { passphrase: PASSPHRASE });
    restarted.core.lock('manual');
    expect((await restarted.ok('vault.status', {})).retryAfterMs).toBe(0);
  });

  it('records failed attempts in the audit log at the next unlock, without what was typed', async () => {
    const t = fresh();
    await setUp(t);
    t.core.lock('manual');
    await t.call('vault.unlock', { passphrase: 'typed by someone else' });
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    t.core.lock('manual');
    const key = await keyOf(t);
    const db = new Database(vaultFiles(t.dataDir).db);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key}'"`);
    const rows = db.prepare(`SELECT action, outcome, detail FROM audit_log WHERE action = 'vault.unlock'`).all();
    db.close();
    expect(rows).toEqual([
      { action: 'vault.unlock', outcome: 'failed', detail: '1 attempts' },
      { action: 'vault.unlock', outcome: 'ok', detail: 'passphrase' },
    ]);
    expect(readFileSync(vaultFiles(t.dataDir).db).includes(Buffer.from('typed by someone else'))).toBe(false);
  });
});

/** The master key, unwrapped the way the vault does it, for tests that look inside the file. */
async function keyOf(t: TestCore): Promise<string> {
  const { openSlot } = await import('./keyslots');
  const { passphraseSecret } = await import('./passphrase-policy');
  const file = readSlotFile(vaultFiles(t.dataDir).slots);
  for (const slot of file.slots.filter((s) => s.kind === 'passphrase')) {
    for (const candidate of [PASSPHRASE, NEW_PASSPHRASE]) {
      const key = await openSlot(slot, passphraseSecret(candidate), file.vaultId);
      if (key) return key.toString('hex');
    }
  }
  throw new Error('no slot opens');
}

describe('locking', () => {
  it('closes the vault, tells the renderer why, and refuses data channels until unlocked', async () => {
    const t = fresh();
    await setUp(t);
    await t.ok('vault.lock', {});
    expect(t.events).toContainEqual({ event: 'locked', payload: { reason: 'manual' } });
    expect(await t.call('settings.get', {})).toMatchObject({ ok: false, code: 'locked', i18nKey: 'errors.locked' });
    expect((await t.ok('vault.status', {})).session).toBeNull();
  });

  it('locks after the idle time by the wall clock, so time asleep counts', async () => {
    const t = fresh();
    await setUp(t);
    await t.ok('settings.update', { autoLockMinutes: 2 });
    t.clock.advance(119_000);
    t.core.checkIdle();
    expect((await t.ok('vault.status', {})).state).toBe('unlocked');
    await t.ok('vault.touch', {});
    t.clock.advance(60 * 60_000);
    // No timer ran while "asleep": the next request itself finds the session expired.
    expect(await t.call('settings.get', {})).toMatchObject({ code: 'locked' });
    expect(t.events).toContainEqual({ event: 'locked', payload: { reason: 'idle' } });
  });

  it('does not count status polling as activity', async () => {
    const t = fresh();
    await setUp(t);
    t.clock.advance(4 * 60_000);
    await t.ok('vault.status', {});
    t.clock.advance(60_000);
    t.core.checkIdle();
    expect((await t.ok('vault.status', {})).state).toBe('locked');
  });
});

describe('passphrases and the recovery code', () => {
  it('changes the passphrase by rewriting only that slot', async () => {
    const t = fresh();
    const { recoveryCode } = await setUp(t);
    const before = readSlotFile(vaultFiles(t.dataDir).slots);
    expect(await t.call('vault.changePassphrase', { current: 'not my passphrase', next: NEW_PASSPHRASE })).toMatchObject({
      code: 'wrong_passphrase',
    });
    expect(await t.call('vault.changePassphrase', { current: PASSPHRASE, next: PASSPHRASE })).toMatchObject({
      code: 'passphrase_reused',
    });
    await t.ok('vault.changePassphrase', { current: PASSPHRASE, next: NEW_PASSPHRASE });
    const after = readSlotFile(vaultFiles(t.dataDir).slots);
    expect(after.slots.find((s) => s.kind === 'recovery')).toEqual(before.slots.find((s) => s.kind === 'recovery'));
    expect(after.slots.find((s) => s.kind === 'passphrase')).not.toEqual(before.slots.find((s) => s.kind === 'passphrase'));
    t.core.lock('manual');
    expect(await t.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'wrong_passphrase' });
    await t.ok('vault.unlock', { passphrase: NEW_PASSPHRASE });
    t.core.lock('manual');
    await t.ok('vault.unlockWithRecoveryCode', { recoveryCode });
  });

  it('confirms the recovery code only when it is typed back right, in any case and grouping', async () => {
    const t = fresh();
    const { recoveryCode } = await setUp(t);
    expect(await t.call('vault.confirmRecoveryCode', { recoveryCode: 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE' })).toMatchObject({
      code: 'wrong_recovery_code',
    });
    const typed = recoveryCode.toLowerCase().replaceAll('-', ' ');
    expect((await t.ok('vault.confirmRecoveryCode', { recoveryCode: typed })).recoveryPending).toBe(false);
    t.core.lock('manual');
    expect((await t.ok('vault.unlock', { passphrase: PASSPHRASE })).recoveryPending).toBe(false);
  });

  it('after a recovery-code unlock, allows nothing but setting a new passphrase', async () => {
    const t = fresh();
    const { recoveryCode } = await setUp(t);
    t.core.lock('manual');
    const session = await t.ok('vault.unlockWithRecoveryCode', { recoveryCode });
    expect(session.mustChangePassphrase).toBe(true);
    expect(await t.call('settings.get', {})).toMatchObject({ code: 'forbidden' });
    const changed = await t.ok('vault.changePassphrase', { next: NEW_PASSPHRASE });
    expect(changed.mustChangePassphrase).toBe(false);
    expect((await t.ok('settings.get', {})).autoLockMinutes).toBe(5);
    t.core.lock('manual');
    await t.ok('vault.unlock', { passphrase: NEW_PASSPHRASE });
  });

  it('a new recovery code replaces the old one at once', async () => {
    const t = fresh();
    const { recoveryCode: first } = await setUp(t);
    const { recoveryCode: second } = await t.ok('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE });
    expect(second).not.toBe(first);
    t.core.lock('manual');
    expect(await t.call('vault.unlockWithRecoveryCode', { recoveryCode: first })).toMatchObject({ code: 'wrong_recovery_code' });
    await t.ok('vault.unlockWithRecoveryCode', { recoveryCode: second });
  });

  it('a malformed recovery code is a wrong code, not a crash', async () => {
    const t = fresh();
    await setUp(t);
    t.core.lock('manual');
    expect(await t.call('vault.unlockWithRecoveryCode', { recoveryCode: '!!!!!!!!!!!!!!!!!!!!!!!!!!' })).toMatchObject({
      code: 'wrong_recovery_code',
    });
  });
});

describe('rotating the master key', () => {
  it('re-encrypts the database under a new key; the passphrase still opens it, the old recovery code does not', async () => {
    const t = fresh();
    const { recoveryCode: oldCode } = await setUp(t);
    const oldKey = Buffer.from(await keyOf(t), 'hex');
    expect(await t.call('vault.rotateMasterKey', { passphrase: 'not the passphrase' })).toMatchObject({
      code: 'wrong_passphrase',
    });
    const { recoveryCode } = await t.ok('vault.rotateMasterKey', { passphrase: PASSPHRASE });
    const newKey = Buffer.from(await keyOf(t), 'hex');
    expect(newKey.equals(oldKey)).toBe(false);
    t.core.lock('manual');
    const path = vaultFiles(t.dataDir).db;
    expect(verifyDatabaseFile(path, newKey).firstBadPage).toBeNull();
    expect(verifyDatabaseFile(path, oldKey).firstBadPage).toBe(1);
    expect(readSlotFile(vaultFiles(t.dataDir).slots).slots.every((s) => s.generation === 2)).toBe(true);
    expect(await t.call('vault.unlockWithRecoveryCode', { recoveryCode: oldCode })).toMatchObject({
      code: 'wrong_recovery_code',
    });
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await t.ok('vault.verify', {})).integrity).toBe(true);
    t.core.lock('manual');
    await t.ok('vault.unlockWithRecoveryCode', { recoveryCode });
  });

  it('is refused to anyone but a coordinator, and the refusal is audited', async () => {
    const t = fresh();
    await setUp(t);
    const key = await keyOf(t);
    t.core.lock('manual');
    const db = new Database(vaultFiles(t.dataDir).db);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key}'"`);
    db.prepare(`UPDATE users SET role = 'caseworker'`).run();
    db.close();
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await t.call('vault.rotateMasterKey', { passphrase: PASSPHRASE })).toMatchObject({ code: 'forbidden' });
    expect(await t.call('settings.update', { autoLockMinutes: 30 })).toMatchObject({ code: 'forbidden' });
    const verify = await t.call('vault.verify', {});
    expect(verify).toMatchObject({ code: 'forbidden' });
  });
});

describe('a damaged or foreign vault', () => {
  async function lockedVault(): Promise<TestCore> {
    const t = fresh();
    await setUp(t);
    t.core.lock('manual');
    return t;
  }

  it('reports a missing slot file', async () => {
    const t = await lockedVault();
    const { rmSync } = await import('node:fs');
    rmSync(vaultFiles(t.dataDir).slots);
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'slots_missing' });
    expect(await t.call('vault.setup', { displayName: 'X', passphrase: NEW_PASSPHRASE, locale: 'fi' })).toMatchObject({
      code: 'vault_exists',
    });
  });

  it('reports a corrupt slot file and never overwrites it', async () => {
    const t = await lockedVault();
    writeFileSync(vaultFiles(t.dataDir).slots, '{"format":1,"slots":[');
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'slots_corrupt' });
    expect(await t.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'slots_corrupt' });
    expect(readFileSync(vaultFiles(t.dataDir).slots, 'utf8')).toBe('{"format":1,"slots":[');
  });

  it('reports a truncated database', async () => {
    const t = await lockedVault();
    const path = vaultFiles(t.dataDir).db;
    truncateSync(path, statSync(path).size - 100);
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'db_corrupt' });
  });

  it('reports a database cut at a page boundary when it is opened', async () => {
    const t = await lockedVault();
    const path = vaultFiles(t.dataDir).db;
    truncateSync(path, statSync(path).size - 4096);
    expect(await t.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'db_corrupt' });
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'db_corrupt' });
  });

  it('reports a plaintext SQLite file in place of the vault database', async () => {
    const t = await lockedVault();
    const path = vaultFiles(t.dataDir).db;
    const { rmSync } = await import('node:fs');
    rmSync(path);
    const plain = new Database(path);
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    plain.close();
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'db_foreign' });
  });

  it("reports another vault's database under this vault's keys", async () => {
    const t = await lockedVault();
    const other = await lockedVault();
    copyFileSync(vaultFiles(other.dataDir).db, vaultFiles(t.dataDir).db);
    expect(await t.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'db_foreign' });
  });

  it('refuses a database from a newer version of the app and leaves it untouched', async () => {
    const t = await lockedVault();
    const key = await keyOf(t);
    const path = vaultFiles(t.dataDir).db;
    const db = new Database(path);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key}'"`);
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(path);
    expect(await t.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'db_newer' });
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'db_newer' });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(join(t.dataDir, 'polku.db-wal'))).toBe(false);
  });
});

describe('a master-key rotation interrupted by a crash', () => {
  /** The on-disk state between the two slot-file writes of a rotation: both generations present. */
  async function halfRotated(rekeyDone: boolean) {
    const { makeSlot, writeSlotFile } = await import('./keyslots');
    const { passphraseSecret } = await import('./passphrase-policy');
    const { TEST_KDF } = await import('./kdf');
    const { randomBytes } = await import('node:crypto');
    const t = fresh();
    await setUp(t);
    const oldKey = await keyOf(t);
    t.core.lock('manual');
    const files = vaultFiles(t.dataDir);
    const file = readSlotFile(files.slots);
    const userId = file.slots[0]!.userId;
    const newKey = randomBytes(32);
    const newSlot = await makeSlot(newKey, passphraseSecret(PASSPHRASE), {
      kind: 'passphrase',
      userId,
      vaultId: file.vaultId,
      generation: 2,
      kdf: TEST_KDF,
    });
    writeSlotFile(files.slots, { ...file, generation: 2, lastSlotId: newSlot.id, slots: [...file.slots, newSlot] });
    if (rekeyDone) {
      const db = new Database(files.db);
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${oldKey}'"`);
      db.pragma('journal_mode=DELETE');
      db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
      db.close();
    }
    return { t, oldKey: Buffer.from(oldKey, 'hex'), newKey };
  }

  it('before the rekey: the old key still opens the database and the rotation is undone', async () => {
    const { t, oldKey } = await halfRotated(false);
    expect((await t.ok('vault.unlock', { passphrase: PASSPHRASE })).role).toBe('coordinator');
    const file = readSlotFile(vaultFiles(t.dataDir).slots);
    expect(file.generation).toBe(1);
    expect(file.slots.every((s) => s.generation === 1)).toBe(true);
    t.core.lock('manual');
    expect(verifyDatabaseFile(vaultFiles(t.dataDir).db, oldKey).firstBadPage).toBeNull();
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
  });

  it('after the rekey: the new key opens the database and the old slots are removed', async () => {
    const { t, newKey } = await halfRotated(true);
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    const file = readSlotFile(vaultFiles(t.dataDir).slots);
    expect(file.slots.every((s) => s.generation === 2)).toBe(true);
    expect((await t.ok('vault.verify', {})).integrity).toBe(true);
    t.core.lock('manual');
    expect(verifyDatabaseFile(vaultFiles(t.dataDir).db, newKey).firstBadPage).toBeNull();
  });
});
