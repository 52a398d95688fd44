import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_PASSPHRASE, PASSPHRASE, testCore, type TestCore } from '../../../tests/support/core';
import { vaultFiles } from '../vault/files';
import { readSlotFile } from '../vault/keyslots';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

const COLLEAGUE_PASSPHRASE = 'omenapuu kanelipulla ja syyssade';

async function coordinatorVault(): Promise<TestCore> {
  const t = testCore();
  cores.push(t);
  await t.ok('vault.setup', { displayName: 'Aino Koordinaattori', passphrase: PASSPHRASE, locale: 'fi' });
  return t;
}

/** The colleague's first unlock with the one-time passphrase, and the new passphrase they must choose. */
async function firstUnlock(t: TestCore, name: string, oneTimePassphrase: string) {
  t.core.lock('manual');
  const session = await t.ok('vault.unlock', { name, passphrase: oneTimePassphrase });
  expect(session.mustChangePassphrase).toBe(true);
  expect(await t.call('settings.get', {})).toMatchObject({ code: 'forbidden' });
  return t.ok('vault.changePassphrase', { next: COLLEAGUE_PASSPHRASE });
}

describe('staff accounts', () => {
  it('a coordinator adds a caseworker, who unlocks by name with a one-time passphrase and must then choose their own', async () => {
    const t = await coordinatorVault();
    const { user, oneTimePassphrase } = await t.ok('users.create', {
      displayName: 'Matti Meikäläinen',
      role: 'caseworker',
      currentPassphrase: PASSPHRASE,
    });
    expect(oneTimePassphrase).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(user).toMatchObject({ role: 'caseworker', active: true, mustChangePassphrase: true });
    const slots = readFileSync(vaultFiles(t.dataDir).slots, 'utf8');
    expect(slots).not.toMatch(/Matti|Meik|Aino/i);

    // Typed from a note: lower case, spaces for dashes.
    const changed = await firstUnlock(t, '  matti   MEIKÄLÄINEN ', oneTimePassphrase.toLowerCase().replaceAll('-', ' '));
    expect(changed).toMatchObject({ displayName: 'Matti Meikäläinen', role: 'caseworker', mustChangePassphrase: false });
    t.core.lock('manual');
    expect(await t.call('vault.unlock', { name: 'Matti Meikäläinen', passphrase: oneTimePassphrase })).toMatchObject({
      code: 'wrong_passphrase',
    });
    expect((await t.ok('vault.unlock', { name: 'Matti Meikäläinen', passphrase: COLLEAGUE_PASSPHRASE })).role).toBe('caseworker');
    t.core.lock('manual');
    // Without a name, the slot of whoever unlocked last is tried.
    expect((await t.ok('vault.unlock', { passphrase: COLLEAGUE_PASSPHRASE })).displayName).toBe('Matti Meikäläinen');
    t.core.lock('manual');
    expect((await t.ok('vault.unlock', { name: 'aino koordinaattori', passphrase: PASSPHRASE })).role).toBe('coordinator');
  });

  it('answers an unknown name exactly like a wrong passphrase, and counts it as a failed attempt', async () => {
    const t = await coordinatorVault();
    t.core.lock('manual');
    const unknown = await t.call('vault.unlock', { name: 'Nobody Here', passphrase: PASSPHRASE });
    const wrong = await t.call('vault.unlock', { name: 'Aino Koordinaattori', passphrase: NEW_PASSPHRASE });
    expect(unknown).toMatchObject({ ok: false, code: 'wrong_passphrase', i18nKey: 'errors.wrong_passphrase' });
    expect(wrong).toMatchObject({ ok: false, code: 'wrong_passphrase', i18nKey: 'errors.wrong_passphrase' });
    const third = await t.call('vault.unlock', { name: 'Nobody Here', passphrase: PASSPHRASE });
    expect(third).toMatchObject({ details: { retryAfterMs: 5000 } });
  });

  it('keeps names unique as typed at the unlock screen', async () => {
    const t = await coordinatorVault();
    const { user } = await t.ok('users.create', {
      displayName: 'Sara Psykologi',
      role: 'psychologist',
      currentPassphrase: PASSPHRASE,
    });
    expect(
      await t.call('users.create', { displayName: 'sara  psykologi', role: 'teacher', currentPassphrase: PASSPHRASE }),
    ).toMatchObject({
      code: 'name_taken',
    });
    expect(await t.call('users.update', { id: user.id, displayName: 'AINO koordinaattori' })).toMatchObject({
      code: 'name_taken',
    });
    expect((await t.ok('users.list', {})).map((u) => u.displayName)).toEqual(['Aino Koordinaattori', 'Sara Psykologi']);
  });

  it('a renamed colleague unlocks with the new name, not the old one', async () => {
    const t = await coordinatorVault();
    const { user, oneTimePassphrase } = await t.ok('users.create', {
      displayName: 'Opettaja Olli',
      role: 'teacher',
      currentPassphrase: PASSPHRASE,
    });
    await t.ok('users.update', { id: user.id, displayName: 'Olli Opettaja' });
    t.core.lock('manual');
    expect(await t.call('vault.unlock', { name: 'Opettaja Olli', passphrase: oneTimePassphrase })).toMatchObject({
      code: 'wrong_passphrase',
    });
    expect((await t.ok('vault.unlock', { name: 'Olli Opettaja', passphrase: oneTimePassphrase })).role).toBe('teacher');
  });

  it('a deactivated colleague can no longer unlock; a new one-time passphrase gives access back', async () => {
    const t = await coordinatorVault();
    const { user, oneTimePassphrase } = await t.ok('users.create', {
      displayName: 'Kalle Ohjaaja',
      role: 'caseworker',
      currentPassphrase: PASSPHRASE,
    });
    await firstUnlock(t, 'Kalle Ohjaaja', oneTimePassphrase);
    t.core.lock('manual');
    await t.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
    expect(await t.ok('users.deactivate', { id: user.id })).toMatchObject({ active: false });
    expect(readSlotFile(vaultFiles(t.dataDir).slots).slots.some((s) => s.userId === user.id)).toBe(false);
    t.core.lock('manual');
    expect(await t.call('vault.unlock', { name: 'Kalle Ohjaaja', passphrase: COLLEAGUE_PASSPHRASE })).toMatchObject({
      code: 'wrong_passphrase',
    });
    await t.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
    const issued = await t.ok('users.issuePassphrase', { id: user.id, currentPassphrase: PASSPHRASE });
    expect(issued.user).toMatchObject({ active: true, mustChangePassphrase: true });
    await firstUnlock(t, 'Kalle Ohjaaja', issued.oneTimePassphrase);
  });

  it('never leaves the vault without an active coordinator, and nobody ends their own access', async () => {
    const t = await coordinatorVault();
    const self = (await t.ok('vault.status', {})).session!;
    expect(await t.call('users.deactivate', { id: self.userId })).toMatchObject({ code: 'own_account' });
    expect(await t.call('users.issuePassphrase', { id: self.userId, currentPassphrase: PASSPHRASE })).toMatchObject({
      code: 'own_account',
    });
    // Nobody changes their own role, not even with the passphrase: a coordinator could make themself a psychologist.
    for (const role of ['caseworker', 'psychologist'] as const)
      expect(await t.call('users.update', { id: self.userId, role, currentPassphrase: PASSPHRASE })).toMatchObject({
        code: 'own_account',
      });
    expect((await t.ok('vault.status', {})).session!.role).toBe('coordinator');
    // A rename of one's own account is fine.
    expect(await t.ok('users.update', { id: self.userId, displayName: 'Aino V.' })).toMatchObject({ displayName: 'Aino V.' });
    // Another coordinator steps the first one down; a coordinator alone in the vault is never stepped down.
    const { user: second, oneTimePassphrase } = await t.ok('users.create', {
      displayName: 'Toinen Koordinaattori',
      role: 'coordinator',
      currentPassphrase: PASSPHRASE,
    });
    expect(second.role).toBe('coordinator');
    await firstUnlock(t, 'Toinen Koordinaattori', oneTimePassphrase);
    expect(
      await t.ok('users.update', { id: self.userId, role: 'caseworker', currentPassphrase: COLLEAGUE_PASSPHRASE }),
    ).toMatchObject({ role: 'caseworker' });
    expect(
      await t.call('users.update', { id: second.id, role: 'caseworker', currentPassphrase: COLLEAGUE_PASSPHRASE }),
    ).toMatchObject({
      code: 'own_account',
    });
  });

  it('deactivating the coordinator who made the recovery code retires the code and asks for a new one', async () => {
    const t = await coordinatorVault();
    const { recoveryCode } = await t.ok('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE });
    const { oneTimePassphrase } = await t.ok('users.create', {
      displayName: 'Uusi Koordinaattori',
      role: 'coordinator',
      currentPassphrase: PASSPHRASE,
    });
    const firstId = (await t.ok('vault.status', {})).session!.userId;
    await firstUnlock(t, 'Uusi Koordinaattori', oneTimePassphrase);
    await t.ok('users.deactivate', { id: firstId });
    t.core.lock('manual');
    expect(await t.call('vault.unlockWithRecoveryCode', { recoveryCode })).toMatchObject({ code: 'wrong_recovery_code' });
    t.clock.advance(60_000);
    expect((await t.ok('vault.unlock', { name: 'Uusi Koordinaattori', passphrase: COLLEAGUE_PASSPHRASE })).recoveryPending).toBe(
      true,
    );
  });

  it('gives staff management to coordinators only', async () => {
    const t = await coordinatorVault();
    const { oneTimePassphrase } = await t.ok('users.create', {
      displayName: 'Tiina Opettaja',
      role: 'teacher',
      currentPassphrase: PASSPHRASE,
    });
    await firstUnlock(t, 'Tiina Opettaja', oneTimePassphrase);
    expect(await t.call('users.list', {})).toMatchObject({ code: 'forbidden' });
    expect(
      await t.call('users.create', { displayName: 'X Y', role: 'coordinator', currentPassphrase: PASSPHRASE }),
    ).toMatchObject({ code: 'forbidden' });
  });
});
