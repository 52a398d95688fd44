import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, testCore, type TestCore } from '../../../tests/support/core';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

async function busyVault(): Promise<{ t: TestCore; coordinatorId: string; colleagueId: string }> {
  const t = testCore();
  cores.push(t);
  await t.ok('vault.setup', { displayName: 'Aino Koordinaattori', passphrase: PASSPHRASE, locale: 'fi' });
  const coordinatorId = (await t.ok('vault.status', {})).session!.userId;
  t.clock.advance(60_000);
  const { user } = await t.ok('users.create', {
    displayName: 'Matti Ohjaaja',
    role: 'caseworker',
    currentPassphrase: PASSPHRASE,
  });
  t.clock.advance(60_000);
  await t.ok('settings.update', { autoLockMinutes: 10 });
  t.core.lock('manual');
  await t.call('vault.unlock', { name: 'Aino Koordinaattori', passphrase: 'a wrong passphrase' });
  t.clock.advance(60_000);
  await t.ok('vault.unlock', { name: 'Aino Koordinaattori', passphrase: PASSPHRASE });
  return { t, coordinatorId, colleagueId: user.id };
}

describe('the audit view', () => {
  it('lists who did what to which record, newest first, with names and without field contents', async () => {
    const { t, coordinatorId, colleagueId } = await busyVault();
    const { entries } = await t.ok('audit.list', {});
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([
      ['vault.unlock', 'ok'],
      ['vault.unlock', 'failed'],
      ['settings.update', 'ok'],
      ['users.create', 'ok'],
      ['vault.setup', 'ok'],
    ]);
    expect(entries[0]).toMatchObject({ userId: coordinatorId, userName: 'Aino Koordinaattori' });
    expect(entries[1]).toMatchObject({ userId: null, userName: null, detail: '1 attempts' });
    expect(entries[3]).toMatchObject({ entity: 'user', entityId: colleagueId, detail: 'caseworker' });
    expect(JSON.stringify(entries)).not.toContain('Matti');
  });

  it('filters by user, action, record, outcome and time, and pages back', async () => {
    const { t, colleagueId } = await busyVault();
    expect((await t.ok('audit.list', { outcome: 'failed' })).entries).toHaveLength(1);
    expect((await t.ok('audit.list', { action: 'users.create', entityId: colleagueId })).entries).toHaveLength(1);
    expect((await t.ok('audit.list', { userId: colleagueId })).entries).toHaveLength(0);
    const start = new Date(Date.UTC(2026, 10, 28, 9, 0, 30)).toISOString();
    const end = new Date(Date.UTC(2026, 10, 28, 9, 2, 30)).toISOString();
    const window = await t.ok('audit.list', { from: start, to: end });
    expect(window.entries.map((e) => e.action)).toEqual(['settings.update', 'users.create']);
    const first = await t.ok('audit.list', { limit: 2 });
    expect(first.hasMore).toBe(true);
    const next = await t.ok('audit.list', { limit: 2, beforeId: first.entries.at(-1)!.id });
    expect(next.entries.map((e) => e.id)).toEqual([first.entries[1]!.id - 1, first.entries[1]!.id - 2]);
  });

  it('verifies the chain and records that it was checked', async () => {
    const { t } = await busyVault();
    expect(await t.ok('audit.verify', {})).toEqual({ rows: 5, firstBadRow: null });
    expect((await t.ok('audit.list', { limit: 1 })).entries[0]!.action).toBe('audit.verify');
  });
});
