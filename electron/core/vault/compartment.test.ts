import { afterEach, describe, expect, it } from 'vitest';
import { addColleague, COLLEAGUE_PASSPHRASE, NEW_PASSPHRASE, PASSPHRASE, switchUser } from '../../../tests/support/core';
import { plaintextHits } from '../../../tests/support/plaintext-scan';
import { openVaultDb, tablesHolding, vaultMasterKey } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { ENTRY, PRIVATE_MARKER, psychosocialVault, type PsychosocialVault } from '../psychosocial/testing/vault';

const vaults: PsychosocialVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const EEVA = 'Eeva Psykologi';

/** A vault where Sara (psychologist) has written an entry with private notes; Sara is unlocked. */
async function vault(): Promise<PsychosocialVault & { entryId: string }> {
  const v = await psychosocialVault();
  vaults.push(v);
  const { entry } = await v.t.ok('psychosocial.create', { participantId: v.participantId, ...ENTRY });
  return { ...v, entryId: entry.id };
}

async function raw(v: PsychosocialVault): Promise<Db> {
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return db;
}

/** The coordinator adds a second psychologist, Eeva, who goes through her first unlock; Eeva is unlocked. */
async function addEeva(v: PsychosocialVault): Promise<string> {
  await v.as('coordinator');
  return addColleague(v.t, EEVA, 'psychologist');
}

describe('the psychologists’ compartment key', () => {
  it('is made at the first psychologist’s unlock, with a psychologists’ recovery code shown once', async () => {
    const v = await vault();
    const first = await v.t.ok('compartment.status', {});
    // The code was made at Sara's first unlock in psychosocialVault; it is handed out once only.
    expect(first.state).toBe('open');
    expect(first.recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
    expect(await v.t.ok('compartment.status', {})).toEqual({ state: 'open', recoveryCode: null });
    await v.as('caseworker');
    expect(await v.t.ok('compartment.status', {})).toEqual({ state: 'notPsychologist', recoveryCode: null });
    const db = await raw(v);
    expect(db.prepare('SELECT count(*) AS n FROM compartment_wraps').get()).toEqual({ n: 2 });
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'compartment.create'`).get()).toEqual({ n: 1 });
  });

  it('leaves a new psychologist with the notes sealed, able to save the other fields but not private notes', async () => {
    const v = await vault();
    await addEeva(v);
    expect(await v.t.ok('compartment.status', {})).toMatchObject({ state: 'sealed' });
    const got = await v.t.ok('psychosocial.get', { id: v.entryId });
    expect(got).toMatchObject({ view: 'full', entry: { privateNotes: null, privateSealed: true } });
    expect(JSON.stringify(got)).not.toContain(PRIVATE_MARKER);
    expect(JSON.stringify(await v.t.ok('search.notes', { query: PRIVATE_MARKER }))).not.toContain(PRIVATE_MARKER);
    expect(await v.t.call('psychosocial.update', { id: v.entryId, ...ENTRY, riskLevel: 'high' })).toMatchObject({
      ok: false,
      code: 'compartment_locked',
    });
    expect(await v.t.call('psychosocial.create', { participantId: v.participantId, ...ENTRY })).toMatchObject({
      ok: false,
      code: 'compartment_locked',
    });
    // The other fields save; the sealed notes are kept as they were, also in the earlier version.
    const saved = await v.t.ok('psychosocial.update', { id: v.entryId, ...ENTRY, riskLevel: 'high', privateNotes: null });
    expect(saved).toMatchObject({ changed: true, entry: { riskLevel: 'high', privateSealed: true } });
    await v.as('psychologist');
    const versions = await v.t.ok('psychosocial.versions', { id: v.entryId });
    expect(versions.versions.map((x) => ('privateNotes' in x ? x.privateNotes : 'absent'))).toEqual([
      ENTRY.privateNotes,
      ENTRY.privateNotes,
    ]);
  });

  it('is given to a colleague psychologist by a psychologist who holds it, the colleague typing her own passphrase', async () => {
    const v = await vault();
    await addEeva(v);
    // The coordinator cannot give it, nor can it go to a teacher.
    await v.as('coordinator');
    expect(await v.t.call('compartment.grant', { name: EEVA, passphrase: COLLEAGUE_PASSPHRASE })).toMatchObject({
      code: 'forbidden',
    });
    await v.as('psychologist');
    expect(await v.t.call('compartment.grant', { name: 'Olli Opettaja', passphrase: COLLEAGUE_PASSPHRASE })).toMatchObject({
      code: 'forbidden',
    });
    // A wrong passphrase is refused and counted by the unlock throttle.
    expect(await v.t.call('compartment.grant', { name: EEVA, passphrase: 'not her passphrase at all' })).toMatchObject({
      code: 'wrong_passphrase',
    });
    v.t.clock.advance(60_000);
    expect(await v.t.ok('compartment.grant', { name: EEVA, passphrase: COLLEAGUE_PASSPHRASE })).toBeNull();
    await switchUser(v.t, EEVA);
    expect(await v.t.ok('compartment.status', {})).toMatchObject({ state: 'open' });
    expect(await v.t.ok('psychosocial.get', { id: v.entryId })).toMatchObject({ entry: { privateNotes: ENTRY.privateNotes } });
    const db = await raw(v);
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'compartment.grant' AND outcome = 'ok'`).get()).toEqual(
      { n: 1 },
    );
  });

  it('follows a psychologist’s own passphrase change, and is dropped when the coordinator resets her passphrase', async () => {
    const v = await vault();
    await v.t.ok('vault.changePassphrase', { current: COLLEAGUE_PASSPHRASE, next: NEW_PASSPHRASE });
    await switchUser(v.t, 'Sara Psykologi', NEW_PASSPHRASE);
    expect(await v.t.ok('compartment.status', {})).toMatchObject({ state: 'open' });

    await v.as('coordinator');
    const { oneTimePassphrase } = await v.t.ok('users.issuePassphrase', { id: v.psychologistId, currentPassphrase: PASSPHRASE });
    await switchUser(v.t, 'Sara Psykologi', oneTimePassphrase);
    await v.t.ok('vault.changePassphrase', { next: COLLEAGUE_PASSPHRASE });
    expect(await v.t.ok('compartment.status', {})).toMatchObject({ state: 'sealed' });
    expect(await v.t.ok('psychosocial.get', { id: v.entryId })).toMatchObject({ entry: { privateSealed: true } });
  });

  it('comes back with the psychologists’ recovery code, and a new code replaces the old one', async () => {
    const v = await vault();
    const { recoveryCode } = await v.t.ok('compartment.status', {});
    const eeva = await addEeva(v);
    expect(
      await v.t.call('compartment.useRecoveryCode', {
        recoveryCode: 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE',
        currentPassphrase: COLLEAGUE_PASSPHRASE,
      }),
    ).toMatchObject({ code: 'wrong_recovery_code' });
    v.t.clock.advance(60_000);
    expect(
      await v.t.ok('compartment.useRecoveryCode', { recoveryCode: recoveryCode!, currentPassphrase: COLLEAGUE_PASSPHRASE }),
    ).toEqual({ state: 'open' });
    expect(await v.t.ok('psychosocial.get', { id: v.entryId })).toMatchObject({ entry: { privateNotes: ENTRY.privateNotes } });
    // Eeva holds it now and makes a new code; the old one stops working.
    const renewed = await v.t.ok('compartment.newRecoveryCode', { currentPassphrase: COLLEAGUE_PASSPHRASE });
    expect(renewed.recoveryCode).not.toBe(recoveryCode);
    await v.as('coordinator');
    await v.t
      .ok('users.issuePassphrase', { id: eeva, currentPassphrase: PASSPHRASE })
      .then(({ oneTimePassphrase }) => switchUser(v.t, EEVA, oneTimePassphrase));
    await v.t.ok('vault.changePassphrase', { next: COLLEAGUE_PASSPHRASE });
    v.t.clock.advance(60_000);
    expect(
      await v.t.call('compartment.useRecoveryCode', { recoveryCode: recoveryCode!, currentPassphrase: COLLEAGUE_PASSPHRASE }),
    ).toMatchObject({ code: 'wrong_recovery_code' });
    v.t.clock.advance(120_000);
    expect(
      await v.t.ok('compartment.useRecoveryCode', {
        recoveryCode: renewed.recoveryCode,
        currentPassphrase: COLLEAGUE_PASSPHRASE,
      }),
    ).toEqual({ state: 'open' });
  });

  it('survives a master-key rotation: the psychologists keep their key, the master key still does not read the notes', async () => {
    const v = await vault();
    await v.as('coordinator');
    await v.t.ok('vault.rotateMasterKey', { passphrase: PASSPHRASE });
    const db = await raw(v);
    expect(tablesHolding(db, PRIVATE_MARKER)).toEqual({});
    expect(db.prepare('SELECT count(*) AS n FROM compartment_wraps').get()).toEqual({ n: 2 });
  });

  it('seals notes an earlier build left in the clear at the first psychologist’s unlock, leaving no page of them behind', async () => {
    const v = await vault();
    // As a vault from before this build: no compartment, the notes in the clear (migration 0019 keeps them so).
    v.t.core.lock('manual');
    const db = await raw(v);
    db.exec(`DELETE FROM compartment_wraps; DELETE FROM compartment;`);
    db.prepare('UPDATE psychosocial_private SET notes = ?, sealed = NULL, sealed_version = NULL').run(ENTRY.privateNotes);
    db.close();
    dbs.splice(0);
    const masterKey = await vaultMasterKey(v.t);
    expect(plaintextHits(v.t.dataDir, masterKey, [PRIVATE_MARKER]).length).toBeGreaterThan(0);

    await v.as('psychologist');
    const status = await v.t.ok('compartment.status', {});
    expect(status.state).toBe('open');
    expect(status.recoveryCode).not.toBeNull();
    expect(await v.t.ok('psychosocial.get', { id: v.entryId })).toMatchObject({ entry: { privateNotes: ENTRY.privateNotes } });
    expect(plaintextHits(v.t.dataDir, masterKey, [PRIVATE_MARKER])).toEqual([]);
    masterKey.fill(0);
  });
});
