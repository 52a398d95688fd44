import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { REGISTRY_COLUMNS, SAVED_VIEWS_MAX, type RegistryViewState } from '@shared/views';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { switchUser } from '../../../tests/support/core';
import { openVaultDb } from '../../../tests/support/raw-db';

const vaults: StaffedVault[] = [];
async function staffed(): Promise<StaffedVault> {
  const v = await staffedVault();
  vaults.push(v);
  return v;
}
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const ACTIVE_MINE = (caseworkerId: string): RegistryViewState => ({
  columns: ['pseudonym', 'firstName', 'lastName', 'status'],
  filters: { status: ['active', 'referred'], responsibleCaseworkerId: caseworkerId },
  sort: { key: 'lastName', direction: 'desc' },
});
const PLAIN: RegistryViewState = { columns: ['pseudonym'], filters: {}, sort: { key: 'pseudonym', direction: 'asc' } };

/** A save request whose state is replaced by something the schema does not know. */
const withState = (state: unknown) => ({ screen: 'participants', name: 'Broken', state }) as InputOf<'views.save'>;

describe('saved views of the participant registry', () => {
  it('are saved by name with their columns, filters and sort, and listed back by name', async () => {
    const { t, caseworkerId } = await staffed();
    const saved = await t.ok('views.save', { screen: 'participants', name: 'My active ones', state: ACTIVE_MINE(caseworkerId) });
    expect(saved).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'My active ones',
      state: ACTIVE_MINE(caseworkerId),
      updatedAt: '2026-11-28T09:00:00.000Z',
    });
    await t.ok('views.save', { screen: 'participants', name: '  all by code ', state: PLAIN });
    const { views } = await t.ok('views.list', { screen: 'participants' });
    expect(views.map((view) => view.name)).toEqual(['all by code', 'My active ones']);
    expect(views[1]).toEqual(saved);
  });

  it('replace a view of the same name, whatever its case, keeping its id', async () => {
    const { t, caseworkerId } = await staffed();
    const first = await t.ok('views.save', { screen: 'participants', name: 'Weekly', state: PLAIN });
    t.clock.advance(60_000);
    const second = await t.ok('views.save', { screen: 'participants', name: 'WEEKLY', state: ACTIVE_MINE(caseworkerId) });
    expect(second).toMatchObject({ id: first.id, name: 'WEEKLY', state: ACTIVE_MINE(caseworkerId) });
    expect(second.updatedAt).not.toBe(first.updatedAt);
    expect((await t.ok('views.list', { screen: 'participants' })).views).toEqual([second]);
  });

  it('belong to their user alone: others neither see nor delete them', async () => {
    const v = await staffed();
    const own = await v.t.ok('views.save', { screen: 'participants', name: 'Mine', state: PLAIN });
    await v.t.ok('views.saveLast', { screen: 'participants', state: ACTIVE_MINE(v.caseworkerId) });

    await v.as('psychologist');
    expect(await v.t.ok('views.list', { screen: 'participants' })).toEqual({ views: [], last: null });
    expect(await v.t.call('views.delete', { id: own.id })).toMatchObject({ ok: false, code: 'not_found' });
    await v.t.ok('views.save', { screen: 'participants', name: 'Mine', state: PLAIN });
    expect((await v.t.ok('views.list', { screen: 'participants' })).views).toHaveLength(1);

    await v.as('caseworker');
    expect(await v.t.ok('views.list', { screen: 'participants' })).toEqual({ views: [own], last: ACTIVE_MINE(v.caseworkerId) });
  });

  it('are deleted by their owner, after which the id is unknown', async () => {
    const { t } = await staffed();
    const view = await t.ok('views.save', { screen: 'participants', name: 'Soon gone', state: PLAIN });
    expect(await t.ok('views.delete', { id: view.id })).toBeNull();
    expect((await t.ok('views.list', { screen: 'participants' })).views).toEqual([]);
    expect(await t.call('views.delete', { id: view.id })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuse unknown columns, filters and sort keys, repeated columns and a view without the pseudonym', async () => {
    const { t } = await staffed();
    const refused = [
      { ...PLAIN, columns: ['pseudonym', 'phone'] },
      { ...PLAIN, columns: ['pseudonym', 'safeContactNotes'] },
      { ...PLAIN, columns: ['pseudonym', 'firstName', 'firstName'] },
      { ...PLAIN, columns: ['firstName'] },
      { ...PLAIN, columns: [] },
      { ...PLAIN, columns: [...REGISTRY_COLUMNS, 'pseudonym'] },
      { ...PLAIN, filters: { search: 'Leila' } },
      { ...PLAIN, filters: { status: ['active', 'sleeping'] } },
      { ...PLAIN, filters: { status: ['active', 'active'] } },
      { ...PLAIN, filters: { responsibleCaseworkerId: 'Kalle' } },
      { ...PLAIN, sort: { key: 'phone', direction: 'asc' } },
      { ...PLAIN, sort: { key: 'pseudonym', direction: 'sideways' } },
      { ...PLAIN, extra: true },
      'not a state',
      null,
    ];
    for (const state of refused) {
      const result = await t.call('views.save', withState(state));
      expect(result, JSON.stringify(state)).toMatchObject({ ok: false, code: 'invalid_input' });
      expect(await t.call('views.saveLast', withState(state) as never)).toMatchObject({ ok: false, code: 'invalid_input' });
    }
    expect(await t.ok('views.list', { screen: 'participants' })).toEqual({ views: [], last: null });
  });

  it('refuse a blank, over-long or multi-line name and an unknown screen', async () => {
    const { t } = await staffed();
    for (const name of ['   ', 'x'.repeat(61), 'two\nlines']) {
      const result = await t.call('views.save', { screen: 'participants', name, state: PLAIN });
      expect(result, JSON.stringify(name)).toMatchObject({
        ok: false,
        code: 'invalid_input',
        details: { issues: [{ path: 'name' }] },
      });
    }
    const otherScreen = { screen: 'audit', name: 'x', state: PLAIN } as unknown as InputOf<'views.save'>;
    expect(await t.call('views.save', otherScreen)).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await t.call('views.list', { screen: 'audit' } as unknown as InputOf<'views.list'>)).toMatchObject({
      code: 'invalid_input',
    });
  });

  it(`keep at most ${SAVED_VIEWS_MAX} named views a user, while an existing one can still be replaced`, async () => {
    const { t } = await staffed();
    for (let i = 0; i < SAVED_VIEWS_MAX; i++)
      await t.ok('views.save', { screen: 'participants', name: `View ${i}`, state: PLAIN });
    expect(await t.call('views.save', { screen: 'participants', name: 'One more', state: PLAIN })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      details: { issues: [{ path: 'name', i18nKey: 'registry.views.tooMany', values: { max: SAVED_VIEWS_MAX } }] },
    });
    await t.ok('views.save', { screen: 'participants', name: 'view 0', state: { ...PLAIN, columns: ['pseudonym', 'status'] } });
    expect((await t.ok('views.list', { screen: 'participants' })).views).toHaveLength(SAVED_VIEWS_MAX);
  });

  it('for a teacher, hold only what the limited view shows', async () => {
    const v = await staffed();
    await v.as('teacher');
    const limited: RegistryViewState = {
      columns: ['pseudonym', 'firstName'],
      filters: {},
      sort: { key: 'firstName', direction: 'desc' },
    };
    await v.t.ok('views.save', { screen: 'participants', name: 'Group', state: limited });
    await v.t.ok('views.saveLast', { screen: 'participants', state: limited });
    for (const state of [
      { ...limited, columns: ['pseudonym', 'lastName'] },
      { ...limited, filters: { status: ['active'] } },
      { ...limited, filters: { responsibleCaseworkerId: v.caseworkerId } },
      { ...limited, sort: { key: 'status', direction: 'asc' } },
    ] satisfies RegistryViewState[]) {
      expect(await v.t.call('views.save', { screen: 'participants', name: 'Wider', state })).toMatchObject({
        code: 'invalid_input',
        details: { issues: [{ path: 'state' }] },
      });
      expect(await v.t.call('views.saveLast', { screen: 'participants', state })).toMatchObject({ code: 'invalid_input' });
    }
    expect(await v.t.ok('views.list', { screen: 'participants' })).toMatchObject({ views: [{ name: 'Group' }], last: limited });
  });
});

describe('the state a user left the registry in', () => {
  it('is remembered per user, replaced by the next, and still there after a restart', async () => {
    const v = await staffed();
    expect((await v.t.ok('views.list', { screen: 'participants' })).last).toBeNull();
    await v.t.ok('views.saveLast', { screen: 'participants', state: PLAIN });
    await v.t.ok('views.saveLast', { screen: 'participants', state: ACTIVE_MINE(v.caseworkerId) });
    await v.as('coordinator');
    await v.t.ok('views.saveLast', { screen: 'participants', state: PLAIN });

    // A new core over the same folder, as after quitting and starting Polku again.
    v.t = v.t.restart();
    await switchUser(v.t, 'Kalle Ohjaaja');
    expect(await v.t.ok('views.list', { screen: 'participants' })).toEqual({ views: [], last: ACTIVE_MINE(v.caseworkerId) });
  });
});

describe('saving views', () => {
  it('writes no audit record and keeps views only in the encrypted database', async () => {
    const v = await staffed();
    const view = await v.t.ok('views.save', { screen: 'participants', name: 'Audit check', state: PLAIN });
    await v.t.ok('views.saveLast', { screen: 'participants', state: PLAIN });
    await v.t.ok('views.delete', { id: view.id });
    await v.t.ok('views.save', { screen: 'participants', name: 'Kept', state: PLAIN });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { limit: 500 });
    expect(entries.filter((entry) => entry.action.startsWith('views.'))).toEqual([]);

    const db = await openVaultDb(v.t);
    try {
      expect(db.prepare('SELECT user_id, screen, name FROM saved_views').all()).toEqual([
        { user_id: v.caseworkerId, screen: 'participants', name: 'Kept' },
      ]);
      expect(db.prepare('SELECT user_id, screen FROM last_views').all()).toEqual([
        { user_id: v.caseworkerId, screen: 'participants' },
      ]);
    } finally {
      db.close();
    }
  });
});
