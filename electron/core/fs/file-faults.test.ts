/**
 * Disk failures injected where a real full disk (disk-full.test.ts, on a small tmpfs) does not reach or cannot
 * make the error: a note's commit failing in SQLite, the slot file and the attempts at unlock, the slot file of a
 * passphrase change and of a master-key rotation, the handover's file and its private copy, the PDF of a print.
 * Each answers with a code whose sentence the user reads (Finnish shown here), and leaves nothing half-written: the
 * vault opens with every slot, its check is clean, what was there before is there, and no temp is left.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '@shared/errors';
import { bundles, lookup } from '@shared/i18n/bundles';
import { COLLEAGUE_PASSPHRASE, PASSPHRASE } from '../../../tests/support/core';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { answeringShell, FILE_PASSPHRASE } from '../handover/testing/offices';
import type { FileFault } from './file-ops';

const COORDINATOR = 'Aino Koordinaattori';
const CASEWORKER = 'Kalle Ohjaaja';
/** The files a vault's folder holds; a temp of any write would show beside them. */
const VAULT_FILES = /^polku\.(db|keys|attempts|prefs\.json|db-wal|db-shm)$/;

let v: StaffedVault;
let participantId: string;
let recoveryCode: string;
const faults: FileFault[] = [];
const { shell, answers } = answeringShell();
shell.renderPdf = () => Promise.resolve(Buffer.from('%PDF-1.7 test'));
let outDir: string;

beforeAll(async () => {
  v = await staffedVault({ shell, fileFaults: faults });
  await v.as('coordinator');
  ({ recoveryCode } = await v.t.ok('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE }));
  await v.t.ok('vault.confirmRecoveryCode', { recoveryCode });
  await v.as('caseworker');
  participantId = await addConsentingParticipant(v);
  await v.t.ok('notes.create', { participantId, date: '2026-11-20', type: 'phone_call', text: 'Ensimmäinen puhelu.' });
  outDir = mkdtempSync(join(tmpdir(), 'polku-file-faults-'));
}, 120_000);
afterAll(() => {
  v.t.cleanup();
  rmSync(outDir, { recursive: true, force: true });
});
beforeEach(() => {
  faults.length = 0;
});

/** The Finnish sentence the user reads for `code`. */
const finnish = (code: ErrorCode) => lookup(bundles.fi, `errors.${code}`);

async function notesNow(): Promise<string[]> {
  return (await v.t.ok('notes.list', { participantId })).notes.map((n) => n.text).sort();
}

/**
 * Every slot opens the vault (coordinator, caseworker, recovery code), the check is clean, no temp is beside the
 * vault's files; ends with the caseworker unlocked.
 */
async function expectWhole(caseworkerPassphrase = COLLEAGUE_PASSPHRASE): Promise<void> {
  faults.length = 0;
  v.t.core.lock('manual');
  await v.t.ok('vault.unlockWithRecoveryCode', { recoveryCode });
  v.t.core.lock('manual');
  await v.t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
  expect(await v.t.ok('vault.verify', {})).toMatchObject({ firstBadPage: null, integrity: true, auditFirstBadRow: null });
  v.t.core.lock('manual');
  await v.t.ok('vault.unlock', { name: CASEWORKER, passphrase: caseworkerPassphrase });
  expect(readdirSync(v.t.dataDir).filter((name) => !VAULT_FILES.test(name))).toEqual([]);
}

describe('a note whose commit fails in SQLite', () => {
  const cases: [FileFault['code'], ErrorCode][] = [
    ['SQLITE_IOERR_WRITE', 'internal'],
    ['SQLITE_READONLY', 'internal'],
    ['SQLITE_FULL', 'disk_full'],
  ];
  for (const [code, answer] of cases) {
    it(`${code}: ${answer}, and the notes as they were`, async () => {
      const before = await notesNow();
      faults.push({ op: 'dbCommit', code, pathIncludes: 'notes.create', times: 1 });
      const saved = await v.t.call('notes.create', {
        participantId,
        date: '2026-11-21',
        type: 'phone_call',
        text: `Ei tallennu ${code}`,
      });
      expect(saved).toMatchObject({ ok: false, code: answer });
      expect(await notesNow()).toEqual(before);
      await expectWhole();
      // The same save goes through once the disk answers again.
      await v.t.ok('notes.create', { participantId, date: '2026-11-21', type: 'phone_call', text: `Tallentui ${code}` });
    });
  }

  it('says what the user reads', () => {
    expect(finnish('internal')).toBe('Polussa tapahtui virhe. Yritä uudelleen; jos virhe toistuu, käynnistä Polku uudelleen.');
    expect(finnish('disk_full')).toContain('Mitään aiemmin tallennettua ei kadonnut');
  });
});

describe('the slot file and the attempts at unlock', () => {
  for (const code of ['EIO', 'EACCES'] as const) {
    it(`an unlock whose slot-file write fails with ${code} still opens the vault for reading`, async () => {
      // Unlocking as another user than the last one moves the slot file's pointer to the last slot used.
      v.t.core.lock('manual');
      faults.push({ op: 'rename', code, pathIncludes: 'polku.keys' });
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      let logged: string;
      try {
        const unlocked = await v.t.call('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
        expect(unlocked).toMatchObject({ ok: true });
      } finally {
        logged = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
        stderr.mockRestore();
      }
      // The log names a failing disk as an error of its own, never as a full one.
      expect(logged).toContain(`error=Error ${code}`);
      expect(logged).not.toContain('disk-full');
      expect(await v.t.ok('participants.get', { id: participantId })).toMatchObject({ participant: { id: participantId } });
      await expectWhole();
    });

    it(`a wrong passphrase whose attempts write fails with ${code} is refused, and the right one then opens`, async () => {
      v.t.core.lock('manual');
      faults.push({ op: 'write', code, pathIncludes: 'polku.attempts' });
      const refused = await v.t.call('vault.unlock', { name: CASEWORKER, passphrase: 'väärä tunnuslause tähän' });
      expect(refused.ok).toBe(false);
      expect(refused).not.toMatchObject({ code: 'internal' });
      faults.length = 0;
      await v.t.ok('vault.unlock', { name: CASEWORKER, passphrase: COLLEAGUE_PASSPHRASE });
      await expectWhole();
    });
  }
});

describe('a passphrase change and a master-key rotation whose slot-file write fails', () => {
  for (const [op, code] of [
    ['create', 'EACCES'],
    ['fsync', 'EIO'],
    ['rename', 'EIO'],
  ] as const) {
    it(`a passphrase change, ${op} failing with ${code}: refused, and the old passphrase still opens`, async () => {
      faults.push({ op, code, pathIncludes: 'polku.keys' });
      const changed = await v.t.call('vault.changePassphrase', {
        current: COLLEAGUE_PASSPHRASE,
        next: 'uusi tunnuslause marraskuussa 2026',
      });
      expect(changed.ok).toBe(false);
      expect(finnish((changed as { code: ErrorCode }).code)).toEqual(expect.any(String));
      await expectWhole();
    });

    it(`a rotation, ${op} failing with ${code}: refused, and every slot opens as before`, async () => {
      await v.as('coordinator');
      faults.push({ op, code, pathIncludes: 'polku.keys' });
      const rotated = await v.t.call('vault.rotateMasterKey', { passphrase: PASSPHRASE });
      expect(rotated.ok).toBe(false);
      expect(finnish((rotated as { code: ErrorCode }).code)).toEqual(expect.any(String));
      await expectWhole();
    });
  }
});

describe('a master-key rotation whose rekeyed copy cannot be written', () => {
  const cases: [FileFault['op'], FileFault['code'], ErrorCode][] = [
    ['create', 'EACCES', 'internal'],
    ['fsync', 'EIO', 'internal'],
    ['rename', 'EIO', 'internal'],
    ['fsync', 'ENOSPC', 'disk_full'],
  ];
  for (const [op, code, answer] of cases) {
    it(`${op} of the rekeyed copy failing with ${code}: ${answer}, the key unchanged, no copy left`, async () => {
      await v.as('coordinator');
      const before = await notesNow();
      // The copy is polku.db.rekey, renamed over polku.db; the rotation writes no other file of that name.
      faults.push({ op, code, pathIncludes: 'polku.db' });
      const rotated = await v.t.call('vault.rotateMasterKey', { passphrase: PASSPHRASE });
      expect(rotated).toMatchObject({ ok: false, code: answer });
      expect(finnish(answer)).toEqual(expect.any(String));
      // The colleague's slot was not dropped: the rotation was undone.
      await expectWhole();
      expect(await notesNow()).toEqual(before);
    });
  }
});

describe('a handover file that cannot be written or copied', () => {
  const exports: [FileFault, ErrorCode][] = [
    [{ op: 'create', code: 'EACCES' }, 'handover_write_failed'],
    [{ op: 'fsync', code: 'EIO' }, 'handover_write_failed'],
    [{ op: 'rename', code: 'EROFS' }, 'handover_write_failed'],
    [{ op: 'fsyncFolder', code: 'EIO' }, 'handover_write_failed'],
  ];
  for (const [fault, code] of exports) {
    it(`export, ${fault.op} failing with ${fault.code}: ${code}, and no file left`, async () => {
      const folder = mkdtempSync(join(outDir, `${fault.op}-`));
      answers.save = join(folder, 'case.polkucase');
      faults.push({ ...fault, pathIncludes: folder });
      const exported = await v.t.call('handover.export', {
        participantId,
        passphrase: FILE_PASSPHRASE,
        currentPassphrase: COLLEAGUE_PASSPHRASE,
      });
      expect(exported).toMatchObject({ ok: false, code });
      expect(finnish(code)).toContain('Keskeneräistä tiedostoa ei jäänyt');
      // The rename happened before the failing flush of the folder: the file is whole, and was not reported as saved.
      expect(readdirSync(folder).filter((name) => name !== 'case.polkucase' || fault.op !== 'fsyncFolder')).toEqual([]);
      await expectWhole();
    });
  }

  it('inspect, the private copy failing with EIO: refused as unreadable, and no copy left in the data folder', async () => {
    const folder = mkdtempSync(join(outDir, 'inspect-'));
    answers.save = join(folder, 'case.polkucase');
    await v.t.ok('handover.export', { participantId, passphrase: FILE_PASSPHRASE, currentPassphrase: COLLEAGUE_PASSPHRASE });
    answers.open = answers.save;
    for (const op of ['create', 'write'] as const) {
      faults.push({ op, code: 'EIO', pathIncludes: 'handover-' });
      const inspected = await v.t.call('handover.inspect', { passphrase: FILE_PASSPHRASE });
      expect(inspected.ok, op).toBe(false);
      expect(inspected).not.toMatchObject({ code: 'internal' });
      faults.length = 0;
      await expectWhole();
    }
  });
});

describe('a PDF that cannot be saved', () => {
  const cases: [FileFault, ErrorCode][] = [
    [{ op: 'create', code: 'EACCES' }, 'print_not_writable'],
    [{ op: 'write', code: 'ENOSPC' }, 'print_disk_full'],
    [{ op: 'fsync', code: 'EIO' }, 'print_failed'],
    [{ op: 'rename', code: 'EROFS' }, 'print_not_writable'],
  ];
  for (const [fault, code] of cases) {
    it(`${fault.op} failing with ${fault.code}: ${code}, and no file or temp left`, async () => {
      const folder = mkdtempSync(join(outDir, `pdf-${fault.op}-`));
      answers.save = join(folder, 'yhteenveto.pdf');
      faults.push({ ...fault, pathIncludes: folder });
      const saved = await v.t.call('print.pdf', { participantId, sections: ['basic'], pseudonymOnly: false, locale: 'fi' });
      expect(saved).toMatchObject({ ok: false, code });
      expect(finnish(code)).toEqual(expect.any(String));
      expect(readdirSync(folder)).toEqual([]);
      await expectWhole();
    });
  }

  it('says what the user reads when the folder refuses the file', () => {
    expect(finnish('print_not_writable')).toBe(
      'PDF-tiedostoa ei voitu tallentaa tähän paikkaan. Valitse kansio, johon voit tallentaa tiedostoja, ja tallenna uudelleen.',
    );
  });
});
