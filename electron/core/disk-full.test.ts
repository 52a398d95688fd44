import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundles, lookup } from '@shared/i18n/bundles';
import { BACKUP_PASSPHRASE, scriptedShell } from '../../tests/support/backup';
import { PASSPHRASE, testCore, type TestCore } from '../../tests/support/core';
import { mountSmallDisk, type SmallDisk } from '../../tests/support/full-disk';

const NAME = 'Aino Koordinaattori';

/** A vault on a small disk of its own, with one participant who has consented, filled up to the last byte. */
describe('a full disk', () => {
  let disk: SmallDisk;
  let t: TestCore;
  let participantId: string;
  const shell = scriptedShell();

  beforeEach(async () => {
    disk = mountSmallDisk();
    t = testCore(disk.dataDir, undefined, { shell });
    await t.ok('vault.setup', { displayName: NAME, passphrase: PASSPHRASE, locale: 'fi' });
    const { participant } = await t.ok('participants.create', { firstName: 'Amal', lastName: 'Levy', confirmDuplicate: true });
    participantId = participant.id;
    await t.ok('consents.record', { participantId, purpose: 'processing', givenOn: '2026-11-01', method: 'signed' });
  });

  afterEach(() => {
    t.core.close();
    disk.unmount();
  });

  it('answers disk_full to a note and a participant saved, with a sentence that says nothing was lost', async () => {
    // An unlock moves the journal into the database: every later write needs new room on the disk.
    t.core.lock('manual');
    await t.ok('vault.unlock', { name: NAME, passphrase: PASSPHRASE });
    disk.fill();
    const note = await t.call('notes.create', {
      participantId,
      date: '2026-11-20',
      type: 'phone_call',
      text: 'Soitto. '.repeat(2000),
    });
    expect(note).toMatchObject({ ok: false, code: 'disk_full' });
    const saved = await t.call('participants.update', {
      id: participantId,
      firstName: 'Amal',
      lastName: 'Levy',
      phone: '+358 40 765 4321',
    });
    expect(saved).toMatchObject({ ok: false, code: 'disk_full' });
    expect(lookup(bundles.fi, 'errors.disk_full')).toBe(
      'Tietokoneen levy on täynnä, joten tätä ei tallennettu. Mitään aiemmin tallennettua ei kadonnut: vapauta levytilaa (esimerkiksi tyhjentämällä roskakori) ja yritä uudelleen.',
    );
    // Nothing half-written: with room again, the participant reads back as before and the save goes through.
    disk.free();
    expect((await t.ok('participants.get', { id: participantId })).participant).toMatchObject({ lastName: 'Levy', phone: null });
    await t.ok('notes.create', { participantId, date: '2026-11-20', type: 'phone_call', text: 'Soitto.' });
  });

  it('unlocks with the right passphrase for reading, and records the unlock once there is room', async () => {
    t.core.lock('manual');
    disk.fill();
    const session = await t.ok('vault.unlock', { name: NAME, passphrase: PASSPHRASE });
    expect(session.displayName).toBe(NAME);
    const file = await t.ok('participants.get', { id: participantId });
    expect(file.participant).toMatchObject({ firstName: 'Amal', lastName: 'Levy' });
    const update = { id: participantId, firstName: 'Amal', lastName: 'Levy', phone: '+358 40 765 4321' };
    expect(await t.call('participants.update', update)).toMatchObject({
      ok: false,
      code: 'disk_full',
    });

    disk.free();
    await t.ok('vault.status', {});
    const log = await t.ok('audit.list', { limit: 20 });
    const actions = log.entries.map((e) => `${e.action} ${e.outcome}`);
    expect(actions).toContain('vault.unlock ok');
    expect(actions).toContain('participants.open ok');
  });

  it('says in the log how many records were lost when the disk is still full at the lock, and nothing more', async () => {
    t.core.lock('manual');
    disk.fill();
    await t.ok('vault.unlock', { name: NAME, passphrase: PASSPHRASE });
    await t.ok('participants.get', { id: participantId });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      t.core.lock('manual');
      const lines = write.mock.calls.map((call) => String(call[0]));
      expect(lines).toEqual(['polku audit-not-recorded channel=vault.lock count=2\n']);
    } finally {
      write.mockRestore();
    }
  });

  it('still counts wrong passphrases, and the right one still opens the vault', async () => {
    t.core.lock('manual');
    disk.fill();
    for (let i = 0; i < 3; i++) {
      expect(await t.call('vault.unlock', { name: NAME, passphrase: 'väärä salalause joka ei käy' })).toMatchObject({
        ok: false,
        code: 'wrong_passphrase',
      });
    }
    // The attempts file had no room for them, and yet the third one makes the next attempt wait, as always.
    expect(await t.call('vault.unlock', { name: NAME, passphrase: PASSPHRASE })).toMatchObject({ ok: false, code: 'throttled' });
    t.clock.advance(6_000);
    // With room again, the next wrong passphrase writes down all four.
    disk.free();
    expect(await t.call('vault.unlock', { name: NAME, passphrase: 'vielä yksi väärä salalause' })).toMatchObject({
      ok: false,
      code: 'wrong_passphrase',
    });
    expect(JSON.parse(readFileSync(join(disk.dataDir, 'polku.attempts'), 'utf8'))).toMatchObject({ failures: 4 });
    t.clock.advance(11_000);
    await t.ok('vault.unlock', { name: NAME, passphrase: PASSPHRASE });
    const log = await t.ok('audit.list', { limit: 20 });
    expect(log.entries.find((e) => e.action === 'vault.unlock' && e.outcome === 'failed')?.detail).toBe('4 attempts');
  });

  it('lets a backup read the vault once there is room, in a session that opened on the full disk', async () => {
    t.core.lock('manual');
    disk.fill();
    await t.ok('vault.unlock', { name: NAME, passphrase: PASSPHRASE });
    const elsewhere = mkdtempSync(join(tmpdir(), 'polku-backup-elsewhere-'));
    try {
      shell.savePath = join(elsewhere, 'varmuuskopio');
      disk.free();
      const backup = await t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
      expect(backup).toMatchObject({ status: 'done' });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
