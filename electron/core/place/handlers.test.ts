import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLEAGUE_PASSPHRASE, PASSPHRASE, type TestCore } from '../../../tests/support/core';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<StaffedVault> {
  const v = await staffedVault();
  vaults.push(v);
  return v;
}

async function newParticipant(t: TestCore): Promise<{ id: string; pseudonym: string }> {
  const { participant } = await t.ok('participants.create', { firstName: 'Paikkatesti', confirmDuplicate: true });
  return participant;
}

/** Every byte of every file in the data folder, to look for what must stay in memory only. */
function dataFolderText(dataDir: string): string {
  return readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('back where you were after an unlock', () => {
  it('gives the caseworker who locked the notes tab of the file they had open, once', async () => {
    const v = await vault();
    const { id } = await newParticipant(v.t);
    await v.t.ok('place.remember', { page: 'participant', id, from: 'participants', tab: 'notes' });
    v.t.core.lock('idle');
    await v.t.ok('vault.unlock', { name: 'Kalle Ohjaaja', passphrase: COLLEAGUE_PASSPHRASE });
    expect(await v.t.ok('place.resume', {})).toEqual({ page: 'participant', id, from: 'participants', tab: 'notes' });
    expect(await v.t.ok('place.resume', {})).toBeNull();
  });

  it('gives nothing to another user who unlocks, and the place is gone for the first one too', async () => {
    const v = await vault();
    const { id } = await newParticipant(v.t);
    await v.t.ok('place.remember', { page: 'participant', id, from: 'home', tab: 'notes' });
    await v.as('psychologist');
    expect(await v.t.ok('place.resume', {})).toBeNull();
    await v.as('caseworker');
    expect(await v.t.ok('place.resume', {})).toBeNull();
  });

  it('gives nothing when the file was erased meanwhile, and a page without a record as it was', async () => {
    const v = await vault();
    const { id, pseudonym } = await newParticipant(v.t);
    await v.as('coordinator');
    await v.t.ok('place.remember', { page: 'participant', id, from: 'participants' });
    await v.t.ok('participants.delete', { id, confirmPseudonym: pseudonym });
    v.t.core.lock('manual');
    await v.t.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
    expect(await v.t.ok('place.resume', {})).toBeNull();

    await v.t.ok('place.remember', { page: 'settings', section: 'backups' });
    v.t.core.lock('manual');
    await v.t.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
    expect(await v.t.ok('place.resume', {})).toEqual({ page: 'settings', section: 'backups' });
  });

  it('gives a teacher nothing of a group they cannot see: an unknown group is not offered', async () => {
    const v = await vault();
    await v.as('teacher');
    await v.t.ok('place.remember', { page: 'cohort', id: '0123456789abcdef0123456789abcdef', from: 'cohorts' });
    await v.as('teacher');
    expect(await v.t.ok('place.resume', {})).toBeNull();
  });

  it('never writes the place to a file, and refuses it while locked', async () => {
    const v = await vault();
    const { id } = await newParticipant(v.t);
    await v.t.ok('place.remember', { page: 'participant', id, from: 'search', tab: 'consents' });
    v.t.core.lock('manual');
    expect(dataFolderText(v.t.dataDir)).not.toContain(id);
    expect(await v.t.call('place.remember', { page: 'home' })).toMatchObject({ ok: false, code: 'locked' });
    expect(await v.t.call('place.resume', {})).toMatchObject({ ok: false, code: 'locked' });
  });
});
