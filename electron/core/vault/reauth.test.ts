/**
 * Actions that give lasting access ask for the signed-in user's own passphrase again: someone at
 * an unattended, unlocked laptop cannot mint a recovery code, add or re-admit an account, change a role, or copy
 * the vault or a participant's file. A wrong passphrase changes nothing and is counted by the unlock throttle.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf } from '@shared/api';
import { COLLEAGUE_PASSPHRASE, PASSPHRASE } from '../../../tests/support/core';
import { addConsentingParticipant, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { answeringShell } from '../handover/testing/offices';
import { readAttempts } from './throttle';

const WRONG = 'tämä ei ole kenenkään lause';
const FILE_PASSPHRASE = 'siirto joulukuussa, kolme kuusta';
const BACKUP_PASSPHRASE = 'Syksyn varmuuskopio: hämärä & sade 2026';

interface Setup {
  v: StaffedVault;
  answers: ReturnType<typeof answeringShell>['answers'];
  folder: string;
  participantId: string;
}

const setups: Setup[] = [];
afterEach(() => {
  for (const s of setups.splice(0)) {
    s.v.t.cleanup();
    rmSync(s.folder, { recursive: true, force: true });
  }
});

/** A staffed vault with a participant, the coordinator unlocked, and a save dialog answering into a folder. */
async function coordinatorAtTheLaptop(): Promise<Setup> {
  const { shell, answers } = answeringShell();
  const v = await staffedVault({ shell });
  const folder = mkdtempSync(join(tmpdir(), 'polku-reauth-'));
  const participantId = await addConsentingParticipant(v);
  await v.as('coordinator');
  const setup = { v, answers, folder, participantId };
  setups.push(setup);
  return setup;
}

interface Case<C extends Channel> {
  channel: C;
  input: (s: Setup, currentPassphrase: string) => InputOf<C>;
  /** What the right passphrase achieved, as seen afterwards; false before it. */
  done: (s: Setup) => Promise<boolean>;
}

const auditCount = async (s: Setup, action: string) => (await s.v.t.ok('audit.list', { action })).entries.length;

const CASES = [
  {
    channel: 'vault.newRecoveryCode',
    input: (_s, currentPassphrase) => ({ currentPassphrase }),
    done: async (s) => (await auditCount(s, 'vault.newRecoveryCode')) === 1,
  } satisfies Case<'vault.newRecoveryCode'>,
  {
    channel: 'users.create',
    input: (_s, currentPassphrase) => ({ displayName: 'Vieras Koordinaattori', role: 'coordinator', currentPassphrase }),
    done: async (s) => (await s.v.t.ok('users.list', {})).some((u) => u.displayName === 'Vieras Koordinaattori'),
  } satisfies Case<'users.create'>,
  {
    channel: 'users.issuePassphrase',
    input: (s, currentPassphrase) => ({ id: s.v.teacherId, currentPassphrase }),
    done: async (s) => (await auditCount(s, 'users.issuePassphrase')) === 1,
  } satisfies Case<'users.issuePassphrase'>,
  {
    channel: 'users.update',
    input: (s, currentPassphrase) => ({ id: s.v.teacherId, role: 'coordinator', currentPassphrase }),
    done: async (s) => (await s.v.t.ok('users.list', {})).find((u) => u.id === s.v.teacherId)?.role === 'coordinator',
  } satisfies Case<'users.update'>,
  {
    channel: 'backup.create',
    input: (s, currentPassphrase) => {
      s.answers.save = join(s.folder, 'vault.polkubackup');
      return { passphrase: BACKUP_PASSPHRASE, currentPassphrase };
    },
    done: (s) => Promise.resolve(existsSync(join(s.folder, 'vault.polkubackup'))),
  } satisfies Case<'backup.create'>,
  {
    channel: 'handover.export',
    input: (s, currentPassphrase) => {
      s.answers.save = join(s.folder, 'case.polkucase');
      return { participantId: s.participantId, passphrase: FILE_PASSPHRASE, currentPassphrase };
    },
    done: (s) => Promise.resolve(existsSync(join(s.folder, 'case.polkucase'))),
  } satisfies Case<'handover.export'>,
] as const;

/** Sends a case's channel; the union of cases is typed one by one. */
function send(s: Setup, c: (typeof CASES)[number], currentPassphrase: string) {
  return s.v.t.call(c.channel, c.input(s as never, currentPassphrase) as never);
}

describe('actions that give lasting access ask for the current passphrase again', () => {
  for (const c of CASES) {
    it(`${c.channel}: refuses without it and with a wrong one, counting the wrong one; goes ahead with the right one`, async () => {
      const s = await coordinatorAtTheLaptop();
      const withoutIt = { ...(c.input(s as never, PASSPHRASE) as object) } as Record<string, unknown>;
      delete withoutIt.currentPassphrase;
      const refused = await s.v.t.call(c.channel, withoutIt as never);
      expect(refused).toMatchObject({ ok: false, code: 'invalid_input' });
      expect(refused.ok ? [] : refused.details?.issues?.map((i) => i.path)).toContain('currentPassphrase');

      expect(readAttempts(s.v.t.dataDir).failures).toBe(0);
      expect(await send(s, c, WRONG)).toMatchObject({ ok: false, code: 'wrong_passphrase' });
      expect(readAttempts(s.v.t.dataDir).failures).toBe(1);
      // A colleague's passphrase is not the coordinator's own.
      expect(await send(s, c, COLLEAGUE_PASSPHRASE)).toMatchObject({ ok: false, code: 'wrong_passphrase' });
      expect(readAttempts(s.v.t.dataDir).failures).toBe(2);
      expect(await c.done(s as never)).toBe(false);
      expect(s.answers.saveRequests).toEqual([]);
      expect(readdirSync(s.folder)).toEqual([]);

      expect(await send(s, c, PASSPHRASE)).toMatchObject({ ok: true });
      expect(await c.done(s as never)).toBe(true);
    });
  }

  it('is throttled like the unlock: after the free attempts even the right passphrase must wait', async () => {
    const s = await coordinatorAtTheLaptop();
    for (let i = 0; i < 3; i += 1) {
      expect(await s.v.t.call('vault.newRecoveryCode', { currentPassphrase: WRONG })).toMatchObject({ code: 'wrong_passphrase' });
    }
    expect(await s.v.t.call('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      code: 'throttled',
      details: { retryAfterMs: 5_000 },
    });
    expect(await auditCount(s, 'vault.newRecoveryCode')).toBe(0);
    s.v.t.clock.advance(5_000);
    expect(await s.v.t.call('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE })).toMatchObject({ ok: true });
    // The failures stay counted until the next unlock, which records them in its audit row.
    expect(readAttempts(s.v.t.dataDir).failures).toBe(3);
  });

  it('rotating the master key counts a wrong passphrase the same way', async () => {
    const s = await coordinatorAtTheLaptop();
    expect(await s.v.t.call('vault.rotateMasterKey', { passphrase: WRONG })).toMatchObject({ code: 'wrong_passphrase' });
    expect(readAttempts(s.v.t.dataDir).failures).toBe(1);
  });

  it('a rename alone needs no passphrase; any role change does', async () => {
    const s = await coordinatorAtTheLaptop();
    expect(await s.v.t.ok('users.update', { id: s.v.teacherId, displayName: 'Olli Opettaja-Virtanen' })).toMatchObject({
      displayName: 'Olli Opettaja-Virtanen',
    });
    expect(await s.v.t.ok('users.update', { id: s.v.teacherId, role: 'teacher' })).toMatchObject({ role: 'teacher' });
    expect(await s.v.t.call('users.update', { id: s.v.teacherId, role: 'psychologist' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await s.v.t.call('users.update', { id: s.v.teacherId, role: 'psychologist', currentPassphrase: WRONG })).toMatchObject(
      {
        code: 'wrong_passphrase',
      },
    );
    expect((await s.v.t.ok('users.list', {})).find((u) => u.id === s.v.teacherId)?.role).toBe('teacher');
  });

  it("a caseworker's handover export asks for the caseworker's own passphrase", async () => {
    const s = await coordinatorAtTheLaptop();
    await s.v.as('caseworker');
    s.answers.save = join(s.folder, 'case.polkucase');
    const input = { participantId: s.participantId, passphrase: FILE_PASSPHRASE };
    expect(await s.v.t.call('handover.export', { ...input, currentPassphrase: PASSPHRASE })).toMatchObject({
      code: 'wrong_passphrase',
    });
    expect(await s.v.t.call('handover.export', { ...input, currentPassphrase: COLLEAGUE_PASSPHRASE })).toMatchObject({
      ok: true,
    });
  });
});

describe("a handover file's passphrase follows the backups' rule", () => {
  it('refuses a weak one or one with control characters, before asking where to save', async () => {
    const s = await coordinatorAtTheLaptop();
    const base = { participantId: s.participantId, currentPassphrase: PASSPHRASE };
    expect(await s.v.t.call('handover.export', { ...base, passphrase: 'aaaaaaaaaaaaaaaa' })).toMatchObject({
      code: 'passphrase_too_weak',
    });
    expect(await s.v.t.call('handover.export', { ...base, passphrase: 'rivi yksi\nrivi kaksi ja kolme' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(s.answers.saveRequests).toEqual([]);
    expect(readAttempts(s.v.t.dataDir).failures).toBe(0);
  });
});
