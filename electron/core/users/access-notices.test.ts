import { afterEach, describe, expect, it } from 'vitest';
import { addColleague, COLLEAGUE_PASSPHRASE, PASSPHRASE, switchUser, testCore, type TestCore } from '../../../tests/support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

const COORDINATOR = 'Anna Virtanen';

/**
 * A vault with a coordinator, two psychologists (Sari, Pekka) and a caseworker (Mikko), each through their first
 * unlock; the psychologists have acknowledged what they were told while the team was set up.
 */
async function team() {
  const t = testCore();
  cores.push(t);
  await t.ok('vault.setup', { displayName: COORDINATOR, passphrase: PASSPHRASE, locale: 'fi' });
  const ids = {
    sari: await addColleague(t, 'Sari Mäki', 'psychologist'),
    pekka: await asCoordinator(t, () => addColleague(t, 'Pekka Koski', 'psychologist')),
    mikko: await asCoordinator(t, () => addColleague(t, 'Mikko Laine', 'caseworker')),
  };
  for (const name of ['Sari Mäki', 'Pekka Koski']) {
    await switchUser(t, name);
    const pending = await t.ok('users.accessNotices', {});
    if (pending.length > 0) await t.ok('users.acknowledgeAccessNotices', { upTo: pending.at(-1)!.id });
  }
  await switchUser(t, COORDINATOR, PASSPHRASE);
  return { t, ids };
}

async function asCoordinator<T>(t: TestCore, act: () => Promise<T>): Promise<T> {
  await switchUser(t, COORDINATOR, PASSPHRASE);
  return act();
}

/** What a psychologist is told at their next unlock, in the fields the screen shows. */
async function noticesOf(t: TestCore, name: string) {
  await switchUser(t, name);
  return (await t.ok('users.accessNotices', {})).map(({ kind, actorName, subjectName }) => ({ kind, actorName, subjectName }));
}

describe('psychologists are told who was given access to the private notes', () => {
  it('tells every other psychologist of a new psychologist account, until each of them acknowledges it', async () => {
    const { t } = await team();
    t.clock.advance(6 * 24 * 3600_000);
    await switchUser(t, COORDINATOR, PASSPHRASE);
    await addColleague(t, 'Liisa Uusi', 'psychologist');

    const told = { kind: 'created', actorName: COORDINATOR, subjectName: 'Liisa Uusi' };
    expect(await noticesOf(t, 'Sari Mäki')).toEqual([told]);
    const [notice] = await t.ok('users.accessNotices', {});
    expect(notice?.at).toBe('2026-12-04T09:00:00.000Z');
    expect(await t.ok('users.acknowledgeAccessNotices', { upTo: notice!.id })).toEqual({ acknowledged: 1, upTo: notice!.id });
    expect(await noticesOf(t, 'Sari Mäki')).toEqual([]);

    // Pekka has not acknowledged: he is still told.
    expect(await noticesOf(t, 'Pekka Koski')).toEqual([told]);
    // The new psychologist is not told of their own account, nor the caseworker of anything (no private notes).
    expect(await noticesOf(t, 'Liisa Uusi')).toEqual([]);
    await switchUser(t, 'Mikko Laine');
    expect(await t.call('users.accessNotices', {})).toMatchObject({ ok: false, code: 'forbidden' });
    await switchUser(t, COORDINATOR, PASSPHRASE);
    expect(await t.call('users.accessNotices', {})).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('tells them when a colleague is made a psychologist, and the audit log names the new role', async () => {
    const { t, ids } = await team();
    await t.ok('users.update', { id: ids.mikko, role: 'psychologist', currentPassphrase: PASSPHRASE });
    const { entries } = await t.ok('audit.list', { action: 'users.update' });
    expect(entries[0]).toMatchObject({ entityId: ids.mikko, detail: 'role;to:psychologist' });

    for (const name of ['Sari Mäki', 'Pekka Koski'])
      expect(await noticesOf(t, name)).toEqual([
        { kind: 'madePsychologist', actorName: COORDINATOR, subjectName: 'Mikko Laine' },
      ]);
    // Mikko himself is not told of it, nor of anything from before he held the notes.
    expect(await noticesOf(t, 'Mikko Laine')).toEqual([]);
  });

  it('does not tell them of a name change or of a role changed to anything but psychologist', async () => {
    const { t, ids } = await team();
    await t.ok('users.update', { id: ids.mikko, displayName: 'Mikko Laine-Virta' });
    await t.ok('users.update', { id: ids.mikko, role: 'teacher', currentPassphrase: PASSPHRASE });
    await t.ok('users.issuePassphrase', { id: ids.mikko, currentPassphrase: PASSPHRASE });
    expect(await noticesOf(t, 'Sari Mäki')).toEqual([]);
  });

  it('tells the other psychologists when a psychologist is given a new one-time passphrase, but not that psychologist', async () => {
    const { t, ids } = await team();
    await t.ok('users.issuePassphrase', { id: ids.sari, currentPassphrase: PASSPHRASE });
    expect(await noticesOf(t, 'Pekka Koski')).toEqual([
      { kind: 'newPassphrase', actorName: COORDINATOR, subjectName: 'Sari Mäki' },
    ]);
  });

  it('audits each acknowledgement as the psychologist’s own, and one cannot silence notices still to come', async () => {
    const { t, ids } = await team();
    await t.ok('users.issuePassphrase', { id: ids.pekka, currentPassphrase: PASSPHRASE });
    await switchUser(t, 'Sari Mäki');
    const [notice] = await t.ok('users.accessNotices', {});
    // A number far past the notices shown acknowledges only those shown.
    expect(await t.ok('users.acknowledgeAccessNotices', { upTo: 1_000_000 })).toEqual({ acknowledged: 1, upTo: notice!.id });
    expect(await t.ok('users.acknowledgeAccessNotices', { upTo: 1_000_000 })).toEqual({ acknowledged: 0, upTo: null });

    await switchUser(t, COORDINATOR, PASSPHRASE);
    await t.ok('users.update', { id: ids.mikko, role: 'psychologist', currentPassphrase: PASSPHRASE });
    expect(await noticesOf(t, 'Sari Mäki')).toEqual([
      { kind: 'madePsychologist', actorName: COORDINATOR, subjectName: 'Mikko Laine' },
    ]);

    await switchUser(t, COORDINATOR, PASSPHRASE);
    const { entries } = await t.ok('audit.list', { action: 'users.acknowledgeAccessNotices' });
    const acknowledgements = entries.filter((entry) => entry.userId === ids.sari);
    expect(acknowledgements.map((entry) => entry.detail)).toContain(`upTo:${notice!.id}`);
    expect(entries.every((entry) => entry.outcome === 'ok')).toBe(true);
  });
  it("tells them when a psychologist gives the key to a colleague, and when someone uses the psychologists' recovery code", async () => {
    const { t } = await team();
    await addColleague(t, 'Liisa Uusi', 'psychologist');
    // Sari and Pekka acknowledge Liisa's new account, so that what follows is all they are told.
    for (const name of ['Sari Mäki', 'Pekka Koski']) {
      await switchUser(t, name);
      const [made] = await t.ok('users.accessNotices', {});
      await t.ok('users.acknowledgeAccessNotices', { upTo: made!.id });
    }
    // Sari made the key at her first unlock; Pekka, made a psychologist after her, has none until she gives it.
    await switchUser(t, 'Sari Mäki');
    await t.ok('compartment.grant', { name: 'Pekka Koski', passphrase: COLLEAGUE_PASSPHRASE });
    const { recoveryCode } = await t.ok('compartment.newRecoveryCode', { currentPassphrase: COLLEAGUE_PASSPHRASE });
    await switchUser(t, 'Liisa Uusi');
    expect(await t.ok('users.accessNotices', {})).toMatchObject([
      { kind: 'grantedKey', actorName: 'Sari Mäki', subjectName: 'Pekka Koski' },
    ]);
    await t.ok('compartment.useRecoveryCode', { recoveryCode, currentPassphrase: COLLEAGUE_PASSPHRASE });

    const usedCode = { kind: 'usedRecoveryCode', actorName: 'Liisa Uusi', subjectName: 'Liisa Uusi' };
    // The giver and the one given the key are not told of the gift; both are told that Liisa used the code.
    expect(await noticesOf(t, 'Sari Mäki')).toEqual([usedCode]);
    expect(await noticesOf(t, 'Pekka Koski')).toEqual([usedCode]);
    // Liisa is not told of her own use of the code; what she had not acknowledged yet stays.
    expect(await noticesOf(t, 'Liisa Uusi')).toEqual([
      { kind: 'grantedKey', actorName: 'Sari Mäki', subjectName: 'Pekka Koski' },
    ]);
  });
});
