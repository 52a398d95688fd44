import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_PASSPHRASE } from '../../../tests/support/backup';
import { hitFiles, plaintextHits } from '../../../tests/support/plaintext-scan';
import { vaultMasterKey } from '../../../tests/support/raw-db';
import { anotherParticipant, fillCase, FILE_PASSPHRASE, office, snapshot, transferFolder, type Office } from './testing/offices';
import { COLLEAGUE_PASSPHRASE } from '../../../tests/support/core';
import { PASSPHRASE } from '../../../tests/support/core';

/** A word only the file that a handover replaces holds. */
const OLD_FILE_WORD = 'vanhatiedosto7q';

const offices: Office[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const v of offices.splice(0)) v.t.cleanup();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Office A with a filled-in file (P-2026-001) exported, and office B, which may already hold a P-2026-001. */
async function exported(): Promise<{ a: Office; b: Office; id: string }> {
  const a = await office();
  const b = await office();
  offices.push(a, b);
  const folder = transferFolder();
  folders.push(folder);
  const file = join(folder, 'case.polkucase');
  const id = await fillCase(a);
  a.answers.save = file;
  await a.t.ok('handover.export', { participantId: id, passphrase: FILE_PASSPHRASE, currentPassphrase: COLLEAGUE_PASSPHRASE });
  b.answers.open = file;
  return { a, b, id };
}

async function inspect(b: Office) {
  const inspected = await b.t.ok('handover.inspect', { passphrase: FILE_PASSPHRASE });
  if (inspected.status !== 'ready') throw new Error('not inspected');
  return inspected;
}

describe('a handed-over file whose code is taken in the importing vault', () => {
  it('is reported at inspection, and refused without a choice, writing nothing', async () => {
    const { b } = await exported();
    const existing = await anotherParticipant(b);
    const inspected = await inspect(b);
    expect(inspected.conflict).toEqual({ participantId: existing, pseudonym: 'P-2026-001' });

    const before = await snapshot(b);
    expect(await b.t.call('handover.import', { token: inspected.token })).toMatchObject({ ok: false, code: 'handover_conflict' });
    expect(await snapshot(b)).toBe(before);
  });

  it('keeps both: the imported participant gets a new code of this vault, the existing one stays as it was', async () => {
    const { b } = await exported();
    const existing = await anotherParticipant(b);
    const existingBefore = await b.t.ok('participants.get', { id: existing });
    const inspected = await inspect(b);
    const imported = await b.t.ok('handover.import', { token: inspected.token, onConflict: 'keepBoth' });

    expect(imported.pseudonym).toBe('P-2026-002');
    expect(await b.t.ok('participants.get', { id: existing })).toEqual(existingBefore);
    const list = await b.t.ok('participants.list', {});
    expect(list.rows.map((r) => r.pseudonym)).toEqual(['P-2026-001', 'P-2026-002']);
    const created = await b.t.ok('participants.create', { firstName: 'Kolmas', confirmDuplicate: true });
    expect(created.participant.pseudonym).toBe('P-2026-003');
    await b.as('coordinator');
    const audit = await b.t.ok('audit.list', { action: 'handover.import' });
    expect(audit.entries[0]?.detail).toContain('conflict:keepBoth');
  });

  it('replaces only for the coordinator: the existing file is erased as by a deletion, audited', async () => {
    const { b } = await exported();
    const existing = await anotherParticipant(b);
    await b.t.ok('notes.create', { participantId: existing, date: '2026-11-20', type: 'phone_call', text: OLD_FILE_WORD });
    const key = await vaultMasterKey(b.t);
    expect(hitFiles(plaintextHits(b.t.dataDir, key, [OLD_FILE_WORD])).length).toBeGreaterThan(0);
    const inspected = await inspect(b);
    const before = await b.t.ok('participants.list', {});
    expect(await b.t.call('handover.import', { token: inspected.token, onConflict: 'replace' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await b.t.ok('participants.list', {})).toEqual(before);

    await b.as('coordinator');
    const denied = await b.t.ok('audit.list', { action: 'handover.import', outcome: 'denied' });
    expect(denied.entries.map((e) => [e.entityId, e.userName])).toEqual([[existing, 'Kalle Ohjaaja']]);
    const again = await inspect(b);
    const imported = await b.t.ok('handover.import', { token: again.token, onConflict: 'replace' });
    expect(imported.pseudonym).toBe('P-2026-001');
    expect(await b.t.call('participants.get', { id: existing })).toMatchObject({ ok: false, code: 'not_found' });
    expect((await b.t.ok('participants.list', {})).rows.map((r) => [r.id, r.firstName])).toEqual([
      [imported.participantId, 'Leila'],
    ]);
    const deleted = await b.t.ok('audit.list', { action: 'participants.delete' });
    expect(deleted.entries.map((e) => e.entityId)).toEqual([existing]);
    expect(deleted.entries[0]?.detail).toMatch(/^handover\.replace;.*notes:1.*participants:1/);
    // Gone from the database file and its log, search index included, not only from the tables.
    expect(plaintextHits(b.t.dataDir, key, [OLD_FILE_WORD])).toEqual([]);
    const audit = await b.t.ok('audit.list', { action: 'handover.import' });
    expect(audit.entries[0]?.detail).toContain('conflict:replace');
  });
});

describe('replacing while a restore awaits keep or undo', () => {
  it('is refused with the sentence saying why, erasing nothing, and works once the restore is kept', async () => {
    const { b } = await exported();
    const existing = await anotherParticipant(b);
    await b.as('coordinator');
    const backup = join(folders[0]!, 'office.polkubackup');
    b.answers.save = backup;
    await b.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
    const handover = b.answers.open;
    b.answers.open = backup;
    const chosen = await b.t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
    if (chosen.status !== 'ready') throw new Error('not inspected');
    await b.t.ok('backup.restore', { token: chosen.token });
    b.answers.open = handover;

    const inspected = await inspect(b);
    expect(await b.t.call('handover.import', { token: inspected.token, onConflict: 'replace' })).toMatchObject({
      ok: false,
      code: 'erasure_restore_pending',
      i18nKey: 'errors.erasure_restore_pending',
    });
    expect((await b.t.ok('participants.get', { id: existing })).participant.id).toBe(existing);
    expect((await b.t.ok('audit.list', { action: 'participants.delete' })).entries).toEqual([]);

    await b.t.ok('backup.keepRestore', {});
    const imported = await b.t.ok('handover.import', { token: (await inspect(b)).token, onConflict: 'replace' });
    expect(imported.pseudonym).toBe('P-2026-001');
    expect(await b.t.call('participants.get', { id: existing })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('the code an imported participant gets', () => {
  it('is the file’s code when this vault never gave it, and this vault’s numbering moves past it', async () => {
    const { b } = await exported();
    const imported = await b.t.ok('handover.import', { token: (await inspect(b)).token });
    expect(imported.pseudonym).toBe('P-2026-001');
    const next = await b.t.ok('participants.create', { firstName: 'Uusi', confirmDuplicate: true });
    expect(next.participant.pseudonym).toBe('P-2026-002');
  });

  it('is a new code when this vault gave the same code before, to someone whose file has been deleted', async () => {
    const { b } = await exported();
    const gone = await anotherParticipant(b);
    await b.as('coordinator');
    await b.t.ok('participants.delete', { id: gone, confirmPseudonym: 'P-2026-001' });
    const inspected = await inspect(b);
    expect(inspected.conflict).toBeNull();
    const imported = await b.t.ok('handover.import', { token: inspected.token });
    expect(imported.pseudonym).toBe('P-2026-002');
  });
});

describe('the token of an inspected file', () => {
  it('stops working when the vault locks, when another user unlocks, and after its import', async () => {
    const { b } = await exported();
    const first = await inspect(b);
    await b.as('caseworker');
    expect(await b.t.call('handover.import', { token: first.token })).toMatchObject({ ok: false, code: 'handover_expired' });

    const second = await inspect(b);
    await b.as('coordinator');
    expect(await b.t.call('handover.import', { token: second.token })).toMatchObject({ ok: false, code: 'handover_expired' });

    const third = await inspect(b);
    await b.t.ok('handover.import', { token: third.token });
    expect(await b.t.call('handover.import', { token: third.token })).toMatchObject({ ok: false, code: 'handover_expired' });
  });
});
