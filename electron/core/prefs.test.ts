import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLEAGUE_PASSPHRASE, PASSPHRASE, testCore, type TestCore } from '../../tests/support/core';
import { staffedVault, type StaffedVault } from '../../tests/support/participants';
import { readPrefs, writeLastUserName, writeLocale } from './prefs';
import { vaultFiles } from './vault/files';

const vaults: StaffedVault[] = [];
const cores: TestCore[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
  for (const t of cores.splice(0)) t.cleanup();
});

const prefsText = (t: TestCore) => readFileSync(vaultFiles(t.dataDir).prefs, 'utf8');

describe('the name on the unlock screen', () => {
  it("is not offered by default, and nobody's name is written beside the vault", async () => {
    const v = await staffedVault();
    vaults.push(v);
    expect((await v.t.ok('settings.get', {})).showLastUserName).toBe(false);
    v.t.core.lock('manual');
    expect((await v.t.ok('vault.status', {})).lastUserName).toBeNull();
    expect(prefsText(v.t)).not.toMatch(/Kalle|Aino|Sara|Olli/u);
  });

  it('when the coordinator switches it on, offers whoever unlocked last, also after a restart; off erases it at once', async () => {
    const v = await staffedVault();
    vaults.push(v);
    await v.as('coordinator');
    await v.t.ok('settings.update', { showLastUserName: true });
    expect(JSON.parse(prefsText(v.t))).toEqual({ locale: 'fi', lastUserName: 'Aino Koordinaattori' });

    await v.as('caseworker');
    v.t.core.lock('idle');
    expect((await v.t.ok('vault.status', {})).lastUserName).toBe('Kalle Ohjaaja');
    const restarted = v.t.restart();
    cores.push(restarted);
    expect((await restarted.ok('vault.status', {})).lastUserName).toBe('Kalle Ohjaaja');

    await restarted.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
    await restarted.ok('settings.update', { showLastUserName: false });
    expect(JSON.parse(prefsText(restarted))).toEqual({ locale: 'fi' });
    restarted.core.lock('manual');
    expect((await restarted.ok('vault.status', {})).lastUserName).toBeNull();
    await restarted.ok('vault.unlock', { name: 'Kalle Ohjaaja', passphrase: COLLEAGUE_PASSPHRASE });
    expect(prefsText(restarted)).not.toContain('Kalle');
  });

  it("follows the signed-in user's new name", async () => {
    const t = testCore();
    cores.push(t);
    const { session } = await t.ok('vault.setup', { displayName: 'Aino Koordinaattori', passphrase: PASSPHRASE, locale: 'sv' });
    await t.ok('settings.update', { showLastUserName: true });
    await t.ok('users.update', { id: session.userId, displayName: 'Aino Virtanen' });
    expect(JSON.parse(prefsText(t))).toEqual({ locale: 'sv', lastUserName: 'Aino Virtanen' });
  });
});

describe('the preferences file', () => {
  it('keeps the language when the name changes and the name when the language changes', () => {
    const t = testCore();
    cores.push(t);
    const path = vaultFiles(t.dataDir).prefs;
    writeLocale(path, 'en');
    writeLastUserName(path, 'Kalle Ohjaaja');
    writeLocale(path, 'sv');
    expect(readPrefs(path)).toEqual({ locale: 'sv', lastUserName: 'Kalle Ohjaaja' });
    writeLastUserName(path, null);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ locale: 'sv' });
  });

  it('falls back field by field: a damaged name costs no language, a damaged file gives Finnish', () => {
    const t = testCore();
    cores.push(t);
    const path = vaultFiles(t.dataDir).prefs;
    writeFileSync(path, JSON.stringify({ locale: 'en', lastUserName: 42 }));
    expect(readPrefs(path)).toEqual({ locale: 'en' });
    writeFileSync(path, '{ not json');
    expect(readPrefs(path)).toEqual({ locale: 'fi' });
  });
});
