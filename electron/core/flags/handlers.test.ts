import { afterEach, describe, expect, it } from 'vitest';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';

const vaults: StaffedVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const NOBODY = '0123456789abcdef0123456789abcdef';

/** A vault with the caseworker unlocked and one participant, plus a direct view of the database. */
async function withParticipant() {
  const v = await staffedVault();
  vaults.push(v);
  const { participant } = await v.t.ok('participants.create', LEILA);
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return { v, t: v.t, pid: participant.id, db };
}

function counts(db: Db) {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { flags: count('safety_flags'), audit: count('audit_log') };
}

describe('safety flags', () => {
  it('are set with an optional note on what staff must do, and who set them when', async () => {
    const { t, pid } = await withParticipant();
    const { flag } = await t.ok('flags.set', {
      participantId: pid,
      kind: 'exploiter_contact_risk',
      note: '  Never confirm she is a participant.\nCall the coordinator.  ',
    });
    expect(flag).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      participantId: pid,
      kind: 'exploiter_contact_risk',
      note: 'Never confirm she is a participant.\nCall the coordinator.',
      setByName: 'Kalle Ohjaaja',
      setAt: '2026-11-28T09:00:00.000Z',
      clearedByName: null,
      clearedAt: null,
    });
    const plain = await t.ok('flags.set', { participantId: pid, kind: 'no_photos', note: '   ' });
    expect(plain.flag.note).toBeNull();
    expect((await t.ok('flags.set', { participantId: pid, kind: 'code_word_set' })).flag.note).toBeNull();
  });

  it('are listed newest first, those in force only unless the cleared ones are asked for', async () => {
    const { t, pid } = await withParticipant();
    const first = await t.ok('flags.set', { participantId: pid, kind: 'address_confidential' });
    t.clock.advance(60_000);
    const second = await t.ok('flags.set', {
      participantId: pid,
      kind: 'health_risk',
      note: 'Allergy: keep the epinephrine pen at hand',
    });
    t.clock.advance(60_000);
    const third = await t.ok('flags.set', { participantId: pid, kind: 'no_photos' });
    t.clock.advance(60_000);
    await t.ok('flags.clear', { id: first.flag.id });

    const active = await t.ok('flags.list', { participantId: pid });
    expect(active.map((f) => f.id)).toEqual([third.flag.id, second.flag.id]);
    const all = await t.ok('flags.list', { participantId: pid, includeCleared: true });
    expect(all.map((f) => [f.kind, f.clearedAt])).toEqual([
      ['no_photos', null],
      ['health_risk', null],
      ['address_confidential', '2026-11-28T09:03:00.000Z'],
    ]);
  });

  it('are cleared, not deleted: the flag stays in the history with who cleared it, and cannot be cleared twice', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    const { flag } = await t.ok('flags.set', { participantId: pid, kind: 'code_word_set', note: 'Ask for the code word first' });
    await v.v.as('coordinator');
    t.clock.advance(2 * 60_000);
    const cleared = await t.ok('flags.clear', { id: flag.id });
    expect(cleared.flag).toEqual({ ...flag, clearedByName: 'Aino Koordinaattori', clearedAt: '2026-11-28T09:02:00.000Z' });
    expect(await t.ok('flags.list', { participantId: pid })).toEqual([]);

    const before = counts(db);
    expect(await t.call('flags.clear', { id: flag.id })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'id', i18nKey: 'flags.problems.alreadyCleared' }] },
    });
    expect(await t.call('flags.clear', { id: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(counts(db)).toEqual(before);
  });

  it('need a note when the kind is “other”, which says nothing on its own', async () => {
    const { t, pid, db } = await withParticipant();
    const before = counts(db);
    for (const note of [undefined, '', '   ']) {
      expect(await t.call('flags.set', { participantId: pid, kind: 'other', note } as never), String(note)).toMatchObject({
        code: 'invalid_input',
        details: { issues: [{ path: 'note', i18nKey: 'validation.required' }] },
      });
    }
    expect(counts(db)).toEqual(before);
    expect((await t.ok('flags.set', { participantId: pid, kind: 'other', note: 'Meet only at the office' })).flag.kind).toBe(
      'other',
    );
  });

  it('answer not_found for a participant who does not exist', async () => {
    const { t, db } = await withParticipant();
    const before = counts(db);
    expect(await t.call('flags.list', { participantId: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await t.call('flags.set', { participantId: NOBODY, kind: 'no_photos' })).toMatchObject({ code: 'not_found' });
    expect(counts(db)).toEqual(before);
  });

  it('are audited under the participant with the flag id, never the kind or the note', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    await t.ok('flags.list', { participantId: pid });
    const { flag } = await t.ok('flags.set', { participantId: pid, kind: 'exploiter_contact_risk', note: 'Note-Marker' });
    await t.ok('flags.clear', { id: flag.id });
    const rows = db
      .prepare(
        `SELECT user_id AS userId, action, entity, entity_id AS entityId, outcome, detail FROM audit_log
                WHERE action LIKE 'flags.%' ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      {
        userId: v.v.caseworkerId,
        action: 'flags.set',
        entity: 'participant',
        entityId: pid,
        outcome: 'ok',
        detail: `flag:${flag.id}`,
      },
      {
        userId: v.v.caseworkerId,
        action: 'flags.clear',
        entity: 'participant',
        entityId: pid,
        outcome: 'ok',
        detail: `flag:${flag.id}`,
      },
    ]);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toMatch(/Marker|exploiter/);
  });
});

describe('who may see and change safety flags', () => {
  it('lets a psychologist read them but neither set nor clear them', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    const { flag } = await t.ok('flags.set', { participantId: pid, kind: 'address_confidential' });
    await v.v.as('psychologist');
    expect((await t.ok('flags.list', { participantId: pid })).map((f) => f.id)).toEqual([flag.id]);
    expect(await t.call('flags.set', { participantId: pid, kind: 'no_photos' })).toMatchObject({ code: 'forbidden' });
    expect(await t.call('flags.clear', { id: flag.id })).toMatchObject({ code: 'forbidden' });
    expect(counts(db).flags).toBe(1);
    expect((await t.ok('flags.list', { participantId: pid }))[0]?.clearedAt).toBeNull();
  });

  it('shows a teacher nothing of them', async () => {
    const v = await withParticipant();
    const { t, pid } = v;
    const { flag } = await t.ok('flags.set', { participantId: pid, kind: 'address_confidential' });
    await v.v.as('teacher');
    expect(await t.call('flags.list', { participantId: pid })).toMatchObject({ code: 'forbidden' });
    expect(await t.call('flags.set', { participantId: pid, kind: 'no_photos' })).toMatchObject({ code: 'forbidden' });
    expect(await t.call('flags.clear', { id: flag.id })).toMatchObject({ code: 'forbidden' });
  });
});

describe('bad input to the flag channels', () => {
  it('is refused with invalid_input, and nothing is written', async () => {
    const { t, pid, db } = await withParticipant();
    const { flag } = await t.ok('flags.set', { participantId: pid, kind: 'no_photos' });
    const before = counts(db);
    const cases: [string, unknown][] = [
      ['flags.list', {}],
      ['flags.list', { participantId: pid, includeCleared: 'yes' }],
      ['flags.set', { participantId: pid }],
      ['flags.set', { participantId: pid, kind: 'dangerous' }],
      ['flags.set', { participantId: pid, kind: 'health_risk', note: 'x'.repeat(501) }],
      ['flags.set', { participantId: pid, kind: 'health_risk', note: 'bell\u0007' }],
      ['flags.set', { participantId: pid, kind: 'health_risk', setBy: NOBODY }],
      ['flags.set', { participantId: 'P-2026-001', kind: 'health_risk' }],
      ['flags.clear', { id: `${flag.id}0` }],
      ['flags.clear', { id: flag.id, clearedAt: '2020-01-01' }],
    ];
    for (const [channel, input] of cases) {
      expect(await t.core.dispatch(channel, input, { trustedSender: true }), `${channel} ${JSON.stringify(input)}`).toMatchObject(
        {
          ok: false,
          code: 'invalid_input',
        },
      );
    }
    expect(counts(db)).toEqual(before);
  });
});
