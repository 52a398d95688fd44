import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, testCore, type TestCore } from '../../../tests/support/core';
import { vaultMasterKey } from '../../../tests/support/raw-db';
import { vaultFiles } from './files';
import { setAsideVaultFiles } from './set-aside';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

/** A vault set up, with one participant, locked: its files as they lie in the data folder. */
async function lockedVault(): Promise<TestCore> {
  const t = testCore();
  cores.push(t);
  await t.ok('vault.setup', { displayName: 'Aino Koordinaattori', passphrase: PASSPHRASE, locale: 'sv' });
  await t.ok('participants.create', { firstName: 'Leila', lastName: 'Set-Aside-Marker' });
  t.core.lock('manual');
  return t;
}

/** Every file below the data folder with its bytes, by path relative to it. */
function snapshot(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of snapshot(path, `${prefix}${entry.name}/`)) out.set(k, v);
    else out.set(`${prefix}${entry.name}`, readFileSync(path));
  }
  return out;
}

describe('setting a broken vault aside', () => {
  it('is refused for a vault that opens, and for one that is not set up, moving nothing', async () => {
    const t = await lockedVault();
    const before = snapshot(t.dataDir);
    expect(await t.call('vault.setAsideBroken', {})).toMatchObject({ ok: false, code: 'vault_not_broken' });
    expect(snapshot(t.dataDir)).toEqual(before);
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await t.call('vault.setAsideBroken', {})).toMatchObject({ ok: false, code: 'vault_not_broken' });
    expect(await t.ok('participants.list', {})).toMatchObject({ total: 1 });
    t.core.lock('manual');
    expect(readdirSync(t.dataDir).sort()).toEqual([...before.keys()].sort());

    const empty = testCore();
    cores.push(empty);
    expect(await empty.call('vault.setAsideBroken', {})).toMatchObject({ ok: false, code: 'vault_not_broken' });
  });

  it('moves every vault file of a damaged vault, byte for byte, into one new folder and keeps the language', async () => {
    const t = await lockedVault();
    const files = vaultFiles(t.dataDir);
    truncateSync(files.db, statSync(files.db).size - 100);
    // What a restore left pending and a job's temp list would also be there.
    writeFileSync(join(t.dataDir, 'polku.previous.db'), 'previous database bytes');
    writeFileSync(join(t.dataDir, 'polku.db-wal'), 'log bytes');
    const before = snapshot(t.dataDir);
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'db_corrupt' });

    const { folder } = await t.ok('vault.setAsideBroken', {});
    expect(folder).toMatch(/^set-aside-2026-11-28-\d{6}$/);
    const after = snapshot(t.dataDir);
    const moved = [...before.keys()].filter((name) => name !== 'polku.prefs.json');
    expect(moved.sort()).toEqual(['polku.db', 'polku.db-wal', 'polku.keys', 'polku.previous.db']);
    for (const name of moved) {
      expect(after.has(name), name).toBe(false);
      expect(after.get(`${folder}/${name}`)?.equals(before.get(name)!), name).toBe(true);
    }
    expect(after.get('polku.prefs.json')).toEqual(before.get('polku.prefs.json'));
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'uninitialized', locale: 'sv' });

    // The moved files still open with the passphrase: IT support can look at them.
    expect(await vaultMasterKey({ dataDir: join(t.dataDir, folder) })).toHaveLength(32);

    // A new start finds nothing to put back, and Polku can be set up again.
    const restarted = t.restart();
    cores.splice(cores.indexOf(t), 1, restarted);
    expect(await restarted.ok('vault.status', {})).toMatchObject({ state: 'uninitialized' });
    expect(existsSync(files.db)).toBe(false);
    await restarted.ok('vault.setup', { displayName: 'Aino Koordinaattori', passphrase: PASSPHRASE, locale: 'sv' });
    expect(snapshot(join(t.dataDir, folder)).size).toBe(moved.length);
  });

  it('takes a second folder when the vault breaks again within the same second', async () => {
    const t = await lockedVault();
    rmSync(vaultFiles(t.dataDir).slots);
    const first = (await t.ok('vault.setAsideBroken', {})).folder;
    await t.ok('vault.setup', { displayName: 'Aino Koordinaattori', passphrase: PASSPHRASE, locale: 'fi' });
    t.core.lock('manual');
    writeFileSync(vaultFiles(t.dataDir).slots, '{"format":1,"slots":[');
    expect(await t.ok('vault.status', {})).toMatchObject({ state: 'broken', problem: 'slots_corrupt' });
    const second = (await t.ok('vault.setAsideBroken', {})).folder;
    expect(second).toBe(`${first}-2`);
    expect(readdirSync(join(t.dataDir, first)).sort()).toEqual(['polku.db']);
    expect(readdirSync(join(t.dataDir, second)).sort()).toEqual(['polku.db', 'polku.keys']);
  });

  it('is refused for data saved by a newer Polku, which opens once Polku is updated', async () => {
    const t = await lockedVault();
    const path = vaultFiles(t.dataDir).db;
    const db = new Database(path);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${(await vaultMasterKey(t)).toString('hex')}'"`);
    db.pragma('user_version = 999');
    db.close();
    expect(await t.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'db_newer' });
    const before = snapshot(t.dataDir);
    expect(await t.call('vault.setAsideBroken', {})).toMatchObject({ ok: false, code: 'db_newer' });
    expect(snapshot(t.dataDir)).toEqual(before);
  });
});

describe('a crash while setting aside', () => {
  it('leaves, after each file moved, a start that keeps every byte and never puts an old file in the wrong place', async () => {
    const t = await lockedVault();
    const files = vaultFiles(t.dataDir);
    truncateSync(files.db, statSync(files.db).size - 100);
    writeFileSync(join(t.dataDir, 'polku.previous.db'), 'previous database bytes');
    writeFileSync(join(t.dataDir, 'polku.db-wal'), 'log bytes');
    writeFileSync(join(t.dataDir, 'polku.db-shm'), 'shared memory bytes');
    t.core.close();
    cores.splice(cores.indexOf(t), 1);
    const original = snapshot(t.dataDir);
    const vaultNames = [...original.keys()].filter((name) => name !== 'polku.prefs.json');
    expect(vaultNames).toHaveLength(5);
    const crashed = new Error('crash');

    for (let crashAfter = 1; crashAfter < vaultNames.length; crashAfter += 1) {
      const dataDir = mkdtempSync(join(tmpdir(), 'polku-set-aside-'));
      try {
        for (const [name, bytes] of original) writeFileSync(join(dataDir, name), bytes);
        expect(() =>
          setAsideVaultFiles(dataDir, new Date(2026, 10, 28, 12, 0, 0), (moved) => {
            if (moved === crashAfter) throw crashed;
          }),
        ).toThrow(crashed);
        // The next start: what it puts right must not bring a moved file's partner back into use.
        const started = testCore(dataDir);
        try {
          const left = readdirSync(dataDir);
          expect(left.includes('polku.previous.db') && !left.includes('polku.db'), `after ${crashAfter}`).toBe(false);
          if (left.includes('polku.db-wal') || left.includes('polku.db-shm'))
            expect(left, `log without its database after ${crashAfter}`).toContain('polku.db');
          expect(await started.ok('vault.status', {}), `after ${crashAfter}`).toMatchObject({ state: 'broken' });
          // Setting aside again finishes the job; between the two folders, every file is there, byte for byte.
          await started.ok('vault.setAsideBroken', {});
          expect(await started.ok('vault.status', {})).toMatchObject({ state: 'uninitialized' });
          const after = snapshot(dataDir);
          for (const name of vaultNames) {
            const copies = [...after].filter(([path]) => path.endsWith(`/${name}`));
            expect(copies, `${name} after ${crashAfter}`).toHaveLength(1);
            expect(copies[0]![1].equals(original.get(name)!), name).toBe(true);
          }
        } finally {
          started.core.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });
});
