import { afterEach, describe, expect, it } from 'vitest';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { NOTE, notesVault, type NotesVault } from './testing/vault';

const vaults: NotesVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

async function vault(): Promise<NotesVault> {
  const v = await notesVault();
  vaults.push(v);
  return v;
}

describe('the owner of a follow-up task', () => {
  it('is the note’s author unless another member of staff is chosen', async () => {
    const v = await vault();
    const own = (await v.t.ok('notes.create', { participantId: v.participantId, ...NOTE })).note;
    expect(own.followUp).toMatchObject({ owner: v.caseworkerId, ownerName: 'Kalle Ohjaaja' });

    const given = await v.t.ok('notes.create', {
      participantId: v.participantId,
      ...NOTE,
      followUp: { ...NOTE.followUp, owner: v.coordinatorId },
    });
    expect(given.note.followUp).toMatchObject({ owner: v.coordinatorId, ownerName: 'Aino Koordinaattori' });
  });

  it('is kept by an edit that does not name one, and a change of owner is a new version', async () => {
    const v = await vault();
    const { note } = await v.t.ok('notes.create', {
      participantId: v.participantId,
      ...NOTE,
      followUp: { ...NOTE.followUp, owner: v.coordinatorId },
    });
    const edited = await v.t.ok('notes.update', { id: note.id, ...NOTE, text: 'Uusi teksti.' });
    expect(edited.note.followUp?.owner).toBe(v.coordinatorId);

    const moved = await v.t.ok('notes.update', {
      id: note.id,
      ...NOTE,
      text: 'Uusi teksti.',
      followUp: { ...NOTE.followUp, owner: v.caseworkerId },
    });
    expect(moved).toMatchObject({ changed: true, note: { version: 3, followUp: { owner: v.caseworkerId } } });
    const versions = (await v.t.ok('notes.versions', { id: note.id })).versions;
    expect(versions.map((x) => x.followUp?.ownerName)).toEqual(['Kalle Ohjaaja', 'Aino Koordinaattori', 'Aino Koordinaattori']);

    const ticked = await v.t.ok('notes.setFollowUpDone', { id: note.id, done: true });
    expect(ticked.note.followUp).toMatchObject({ done: true, owner: v.caseworkerId });
  });

  it('must be an active account that writes notes: not a teacher, a psychologist or a stranger', async () => {
    const v = await vault();
    for (const owner of [v.teacherId, v.psychologistId, '0123456789abcdef0123456789abcdef']) {
      const result = await v.t.call('notes.create', {
        participantId: v.participantId,
        ...NOTE,
        followUp: { ...NOTE.followUp, owner },
      });
      expect(result).toMatchObject({
        ok: false,
        code: 'invalid_input',
        details: { issues: [{ path: 'followUp.owner', i18nKey: 'followUpOwner.errors.notStaff' }] },
      });
    }
    const db = await openVaultDb(v.t);
    dbs.push(db);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });
});
