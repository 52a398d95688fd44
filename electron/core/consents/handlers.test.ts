import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import type { ConsentRegister } from '@shared/consents';
import { LEILA, staffedVault, type StaffedVault } from '../../../tests/support/participants';
import { openVaultDb } from '../../../tests/support/raw-db';
import type { Db } from '../db/open';
import { requireConsent } from './guard';

const vaults: StaffedVault[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const NOBODY = '0123456789abcdef0123456789abcdef';
/** The test clock's day (2026-11-28, 09:00 UTC), and the days around it. */
const TODAY = '2026-11-28';
const TOMORROW = '2026-11-29';

/** A vault with the caseworker unlocked and one participant, plus a direct view of the database. */
async function withParticipant() {
  const v = await staffedVault();
  vaults.push(v);
  const { participant } = await v.t.ok('participants.create', LEILA);
  const db = await openVaultDb(v.t);
  dbs.push(db);
  return { v, t: v.t, pid: participant.id, db };
}

const standings = (register: ConsentRegister) => Object.fromEntries(register.purposes.map((p) => [p.purpose, p.standing]));
const purposeOf = (register: ConsentRegister, purpose: string) => register.purposes.find((p) => p.purpose === purpose)!;

function counts(db: Db) {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { consents: count('consents'), overrides: count('consent_overrides'), audit: count('audit_log') };
}

function auditAbout(db: Db, participantId: string) {
  return db
    .prepare(
      `SELECT user_id AS userId, action, entity, entity_id AS entityId, outcome, detail FROM audit_log
              WHERE entity_id = ? AND action LIKE 'consents.%' ORDER BY id`,
    )
    .all(participantId) as {
    userId: string;
    action: string;
    entity: string;
    entityId: string;
    outcome: string;
    detail: string;
  }[];
}

const processing = (pid: string, extra: Partial<InputOf<'consents.record'>> = {}) =>
  ({ participantId: pid, purpose: 'processing', givenOn: TODAY, method: 'signed', ...extra }) as InputOf<'consents.record'>;

describe('the consent register', () => {
  it('starts with every purpose missing, in a fixed order', async () => {
    const { t, pid } = await withParticipant();
    const register = await t.ok('consents.list', { participantId: pid });
    expect(register.participantId).toBe(pid);
    expect(register.purposes.map((p) => [p.purpose, p.standing, p.consents.length, p.overrides.length])).toEqual([
      ['processing', 'missing', 0, 0],
      ['partner_sharing', 'missing', 0, 0],
      ['funder_statistics', 'missing', 0, 0],
      ['photos', 'missing', 0, 0],
    ]);
  });

  it('records a consent with the day, the way it was given and the recorder taken from the session', async () => {
    const { t, pid } = await withParticipant();
    const { id, register } = await t.ok('consents.record', {
      participantId: pid,
      purpose: 'processing',
      givenOn: '2026-11-20',
      method: 'oral_with_interpreter',
      withholdFrom: '  Former employer  ',
      withholdReason: 'Risk of unwanted contact.\nNever share the address.',
    });
    expect(standings(register)).toEqual({
      processing: 'consent',
      partner_sharing: 'missing',
      funder_statistics: 'missing',
      photos: 'missing',
    });
    expect(purposeOf(register, 'processing').consents).toEqual([
      {
        id,
        purpose: 'processing',
        partnerName: null,
        givenOn: '2026-11-20',
        method: 'oral_with_interpreter',
        withholdFrom: 'Former employer',
        withholdReason: 'Risk of unwanted contact.\nNever share the address.',
        recordedByName: 'Kalle Ohjaaja',
        recordedAt: '2026-11-28T09:00:00.000Z',
        withdrawnOn: null,
        withdrawalRecordedByName: null,
        withdrawalRecordedAt: null,
      },
    ]);
    expect(await t.ok('consents.list', { participantId: pid })).toEqual(register);
  });

  it('accepts today but refuses a day in the future or before 2000, and writes nothing then', async () => {
    const { t, pid, db } = await withParticipant();
    const before = counts(db);
    for (const [givenOn, key] of [
      [TOMORROW, 'consents.problems.future'],
      ['2031-01-01', 'consents.problems.future'],
      ['1999-12-31', 'consents.problems.tooEarly'],
    ] as const) {
      expect(await t.call('consents.record', processing(pid, { givenOn })), givenOn).toMatchObject({
        code: 'invalid_input',
        details: { issues: [{ path: 'givenOn', i18nKey: key }] },
      });
    }
    expect(counts(db)).toEqual(before);
    await t.ok('consents.record', processing(pid, { givenOn: TODAY }));
  });

  it('needs a named partner for sharing, and takes a partner for sharing only', async () => {
    const { t, pid, db } = await withParticipant();
    const before = counts(db);
    const sharing = { participantId: pid, purpose: 'partner_sharing', givenOn: TODAY, method: 'signed' } as const;
    expect(await t.call('consents.record', sharing as never)).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'partnerName', i18nKey: 'validation.required' }] },
    });
    expect(await t.call('consents.record', { ...sharing, partnerName: '   ' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'partnerName', i18nKey: 'validation.required' }] },
    });
    expect(await t.call('consents.record', { ...processing(pid), partnerName: 'Employment office' } as never)).toMatchObject({
      code: 'invalid_input',
    });
    expect(counts(db)).toEqual(before);

    const { register } = await t.ok('consents.record', { ...sharing, partnerName: ' Employment office ' });
    expect(purposeOf(register, 'partner_sharing')).toMatchObject({
      standing: 'consent',
      consents: [{ partnerName: 'Employment office' }],
    });
  });

  it('refuses a second consent in force for the same purpose, or for sharing with the same partner', async () => {
    const { t, pid, db } = await withParticipant();
    await t.ok('consents.record', processing(pid));
    const sharing = { participantId: pid, purpose: 'partner_sharing', givenOn: TODAY, method: 'oral' } as const;
    await t.ok('consents.record', { ...sharing, partnerName: 'Työvoimatoimisto' });
    const before = counts(db);

    expect(await t.call('consents.record', processing(pid, { method: 'oral' }))).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'purpose', i18nKey: 'consents.problems.consentInForce' }] },
    });
    // The same partner typed another way is still the same partner.
    expect(await t.call('consents.record', { ...sharing, partnerName: 'TYOVOIMATOIMISTO' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'purpose', i18nKey: 'consents.problems.partnerInForce' }] },
    });
    expect(counts(db)).toEqual(before);

    const { register } = await t.ok('consents.record', { ...sharing, partnerName: 'Adult education centre' });
    expect(
      purposeOf(register, 'partner_sharing')
        .consents.map((c) => c.partnerName)
        .sort(),
    ).toEqual(['Adult education centre', 'Työvoimatoimisto']);
  });

  it('keeps a withdrawn consent listed, with the withdrawal day and who recorded it, and the purpose stands withdrawn', async () => {
    const v = await withParticipant();
    const { t, pid } = v;
    const { id } = await t.ok('consents.record', processing(pid, { givenOn: '2026-11-01' }));
    await v.v.as('coordinator');
    t.clock.advance(60_000);
    const withdrawn = await t.ok('consents.withdraw', { id, withdrawnOn: '2026-11-27' });
    expect(withdrawn.id).toBe(id);
    const row = purposeOf(withdrawn.register, 'processing');
    expect(row.standing).toBe('withdrawn');
    expect(row.consents).toEqual([
      expect.objectContaining({
        id,
        givenOn: '2026-11-01',
        recordedByName: 'Kalle Ohjaaja',
        withdrawnOn: '2026-11-27',
        withdrawalRecordedByName: 'Aino Koordinaattori',
        withdrawalRecordedAt: '2026-11-28T09:01:00.000Z',
      }),
    ]);
  });

  it('refuses to withdraw twice, before the consent was given, or on a future day', async () => {
    const { t, pid, db } = await withParticipant();
    const { id } = await t.ok('consents.record', processing(pid, { givenOn: '2026-11-10' }));
    const before = counts(db);
    expect(await t.call('consents.withdraw', { id, withdrawnOn: '2026-11-09' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'withdrawnOn', i18nKey: 'consents.problems.beforeGiven' }] },
    });
    expect(await t.call('consents.withdraw', { id, withdrawnOn: TOMORROW })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'withdrawnOn', i18nKey: 'consents.problems.future' }] },
    });
    expect(await t.call('consents.withdraw', { id: NOBODY, withdrawnOn: TODAY })).toMatchObject({ code: 'not_found' });
    expect(counts(db)).toEqual(before);

    await t.ok('consents.withdraw', { id, withdrawnOn: '2026-11-10' });
    const afterFirst = counts(db);
    expect(await t.call('consents.withdraw', { id, withdrawnOn: TODAY })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'id', i18nKey: 'consents.problems.alreadyWithdrawn' }] },
    });
    expect(counts(db)).toEqual(afterFirst);
  });

  it('takes a new consent for a purpose after a withdrawal, keeping the earlier one in the history', async () => {
    const { t, pid } = await withParticipant();
    const first = await t.ok('consents.record', processing(pid, { givenOn: '2026-10-01' }));
    await t.ok('consents.withdraw', { id: first.id, withdrawnOn: '2026-10-15' });
    const second = await t.ok('consents.record', processing(pid, { givenOn: '2026-11-02', method: 'oral' }));
    const row = purposeOf(second.register, 'processing');
    expect(row.standing).toBe('consent');
    expect(row.consents.map((c) => [c.id, c.givenOn, c.withdrawnOn])).toEqual([
      [second.id, '2026-11-02', null],
      [first.id, '2026-10-01', '2026-10-15'],
    ]);
  });

  it('answers not_found for a participant who does not exist, and writes nothing', async () => {
    const { t, db } = await withParticipant();
    const before = counts(db);
    expect(await t.call('consents.list', { participantId: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(await t.call('consents.record', processing(NOBODY))).toMatchObject({ code: 'not_found' });
    expect(counts(db)).toEqual(before);
  });
});

describe('the processing consent as a guard', () => {
  it('blocks work while missing, allows it once given, and blocks it again once withdrawn', async () => {
    const { t, pid, db } = await withParticipant();
    expect(() => requireConsent(db, pid, 'processing')).toThrowError(
      expect.objectContaining({ code: 'consent_required', details: { purpose: 'processing' } }),
    );
    const { id } = await t.ok('consents.record', processing(pid));
    expect(requireConsent(db, pid, 'processing')).toBe('consent');
    // A consent for another purpose does not stand in for this one.
    expect(() => requireConsent(db, pid, 'photos')).toThrowError(expect.objectContaining({ code: 'consent_required' }));
    await t.ok('consents.withdraw', { id, withdrawnOn: TODAY });
    expect(() => requireConsent(db, pid, 'processing')).toThrowError(expect.objectContaining({ code: 'consent_required' }));
  });

  it('is lifted by the coordinator’s override with a reason, and blocks again when the override is revoked', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    await v.v.as('coordinator');
    const reason = 'Interpreter not available until next week; the referral cannot wait.';
    const granted = await t.ok('consents.override', { participantId: pid, purpose: 'processing', reason });
    expect(requireConsent(db, pid, 'processing')).toBe('override');
    expect(purposeOf(granted.register, 'processing')).toEqual({
      purpose: 'processing',
      standing: 'override',
      consents: [],
      overrides: [
        {
          id: granted.id,
          purpose: 'processing',
          reason,
          grantedByName: 'Aino Koordinaattori',
          grantedAt: '2026-11-28T09:00:00.000Z',
          revokedByName: null,
          revokedAt: null,
        },
      ],
    });

    const revoked = await t.ok('consents.revokeOverride', { id: granted.id });
    expect(purposeOf(revoked.register, 'processing')).toMatchObject({
      standing: 'missing',
      overrides: [{ id: granted.id, revokedByName: 'Aino Koordinaattori', revokedAt: '2026-11-28T09:00:00.000Z' }],
    });
    expect(() => requireConsent(db, pid, 'processing')).toThrowError(expect.objectContaining({ code: 'consent_required' }));
    expect(await t.call('consents.revokeOverride', { id: granted.id })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'id', i18nKey: 'consents.problems.alreadyRevoked' }] },
    });
  });

  it('lifts a withdrawn consent too, and the withdrawal stays visible under the override', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    const { id } = await t.ok('consents.record', processing(pid));
    await t.ok('consents.withdraw', { id, withdrawnOn: TODAY });
    await v.v.as('coordinator');
    const { register } = await t.ok('consents.override', { participantId: pid, purpose: 'processing', reason: 'Court date' });
    expect(purposeOf(register, 'processing')).toMatchObject({ standing: 'override', consents: [{ id, withdrawnOn: TODAY }] });
    expect(requireConsent(db, pid, 'processing')).toBe('override');
  });

  it('ends the override once a consent is recorded, so that a later withdrawal blocks the work again', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    await v.v.as('coordinator');
    const override = await t.ok('consents.override', { participantId: pid, purpose: 'processing', reason: 'Urgent referral' });
    await v.v.as('caseworker');
    const consent = await t.ok('consents.record', processing(pid));
    expect(purposeOf(consent.register, 'processing')).toMatchObject({
      standing: 'consent',
      overrides: [{ id: override.id, revokedByName: 'Kalle Ohjaaja' }],
    });
    await t.ok('consents.withdraw', { id: consent.id, withdrawnOn: TODAY });
    expect(() => requireConsent(db, pid, 'processing')).toThrowError(expect.objectContaining({ code: 'consent_required' }));
    expect(auditAbout(db, pid).map((e) => [e.action, e.detail])).toEqual([
      ['consents.override', `override:${override.id}`],
      ['consents.revokeOverride', `override:${override.id}`],
      ['consents.record', `consent:${consent.id}`],
      ['consents.withdraw', `consent:${consent.id}`],
    ]);
  });
});

describe('an override', () => {
  it('needs a reason of 3 to 500 characters, and nothing is written without one', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    await v.v.as('coordinator');
    const before = counts(db);
    for (const [reason, key] of [
      ['', 'validation.too_short'],
      ['  ok  ', 'validation.too_short'],
      ['x'.repeat(501), 'validation.too_long'],
      ['tab\there', 'validation.control_characters'],
    ] as const) {
      expect(await t.call('consents.override', { participantId: pid, purpose: 'photos', reason }), reason).toMatchObject({
        code: 'invalid_input',
        details: { issues: [{ path: 'reason', i18nKey: key }] },
      });
    }
    expect(counts(db)).toEqual(before);
    await t.ok('consents.override', { participantId: pid, purpose: 'photos', reason: 'Two\nlines' });
  });

  it('is refused while a consent or another override is in force for the purpose', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    await t.ok('consents.record', processing(pid));
    await v.v.as('coordinator');
    await t.ok('consents.override', { participantId: pid, purpose: 'photos', reason: 'Group photo for the exhibition' });
    const before = counts(db);
    expect(await t.call('consents.override', { participantId: pid, purpose: 'processing', reason: 'Not needed' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'purpose', i18nKey: 'consents.problems.overrideNotNeeded' }] },
    });
    expect(await t.call('consents.override', { participantId: pid, purpose: 'photos', reason: 'Again' })).toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'purpose', i18nKey: 'consents.problems.overrideInForce' }] },
    });
    expect(await t.call('consents.revokeOverride', { id: NOBODY })).toMatchObject({ code: 'not_found' });
    expect(counts(db)).toEqual(before);
  });
});

describe('who may do what with consents', () => {
  it('lets only the coordinator override or revoke; a caseworker records and withdraws', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    expect(await t.call('consents.override', { participantId: pid, purpose: 'processing', reason: 'Urgent' })).toMatchObject({
      code: 'forbidden',
    });
    await v.v.as('coordinator');
    const { id } = await t.ok('consents.override', { participantId: pid, purpose: 'processing', reason: 'Urgent' });
    await v.v.as('caseworker');
    expect(await t.call('consents.revokeOverride', { id })).toMatchObject({ code: 'forbidden' });
    expect(requireConsent(db, pid, 'processing')).toBe('override');
  });

  it('lets a psychologist read the register but change nothing', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    const { id } = await t.ok('consents.record', processing(pid));
    await v.v.as('psychologist');
    expect(standings(await t.ok('consents.list', { participantId: pid })).processing).toBe('consent');
    const before = counts(db);
    expect(await t.call('consents.record', { ...processing(pid), purpose: 'photos' })).toMatchObject({ code: 'forbidden' });
    expect(await t.call('consents.withdraw', { id, withdrawnOn: TODAY })).toMatchObject({ code: 'forbidden' });
    expect(await t.call('consents.override', { participantId: pid, purpose: 'photos', reason: 'Because' })).toMatchObject({
      code: 'forbidden',
    });
    // Only the refusals are recorded, as denied, with no participant attached.
    const after = counts(db);
    expect({ ...after, audit: before.audit }).toEqual(before);
    expect(after.audit - before.audit).toBe(3);
  });

  it('shows a teacher nothing of the register', async () => {
    const v = await withParticipant();
    const { t, pid } = v;
    const { id } = await t.ok('consents.record', processing(pid));
    await v.v.as('teacher');
    for (const [channel, input] of [
      ['consents.list', { participantId: pid }],
      ['consents.record', processing(pid, { purpose: 'photos' } as never)],
      ['consents.withdraw', { id, withdrawnOn: TODAY }],
      ['consents.override', { participantId: pid, purpose: 'photos', reason: 'Because' }],
      ['consents.revokeOverride', { id }],
    ] as const) {
      expect(await t.call(channel, input as never), channel).toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('the audit of consents', () => {
  it('records every change under the participant with the record id, and none of the content', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    await t.ok('consents.list', { participantId: pid });
    const given = await t.ok('consents.record', {
      participantId: pid,
      purpose: 'partner_sharing',
      partnerName: 'Partner-Marker Oy',
      givenOn: TODAY,
      method: 'signed',
      withholdFrom: 'Withhold-Marker',
      withholdReason: 'Reason-Marker',
    });
    await t.ok('consents.withdraw', { id: given.id, withdrawnOn: TODAY });
    await v.v.as('coordinator');
    const override = await t.ok('consents.override', { participantId: pid, purpose: 'photos', reason: 'Override-Marker' });
    await t.ok('consents.revokeOverride', { id: override.id });

    const entries = auditAbout(db, pid);
    expect(entries).toEqual([
      {
        userId: v.v.caseworkerId,
        action: 'consents.record',
        entity: 'participant',
        entityId: pid,
        outcome: 'ok',
        detail: `consent:${given.id}`,
      },
      {
        userId: v.v.caseworkerId,
        action: 'consents.withdraw',
        entity: 'participant',
        entityId: pid,
        outcome: 'ok',
        detail: `consent:${given.id}`,
      },
      {
        userId: v.v.coordinatorId,
        action: 'consents.override',
        entity: 'participant',
        entityId: pid,
        outcome: 'ok',
        detail: `override:${override.id}`,
      },
      {
        userId: v.v.coordinatorId,
        action: 'consents.revokeOverride',
        entity: 'participant',
        entityId: pid,
        outcome: 'ok',
        detail: `override:${override.id}`,
      },
    ]);
    const everything = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toMatch(/Marker|partner_sharing|photos/);
  });
});

describe('bad input to the consent channels', () => {
  it('is refused with invalid_input, and nothing is written', async () => {
    const v = await withParticipant();
    const { t, pid, db } = v;
    const { id } = await t.ok('consents.record', processing(pid));
    await v.v.as('coordinator');
    const before = counts(db);
    const cases: [string, unknown][] = [
      ['consents.list', {}],
      ['consents.list', { participantId: 'P-2026-001' }],
      ['consents.list', { participantId: pid, extra: 1 }],
      ['consents.record', { ...processing(pid), purpose: 'marketing' }],
      ['consents.record', { ...processing(pid), method: 'nodded' }],
      ['consents.record', { ...processing(pid), givenOn: '28.11.2026' }],
      ['consents.record', { ...processing(pid), givenOn: '2026-02-30' }],
      ['consents.record', { ...processing(pid), withholdFrom: 'x'.repeat(201) }],
      ['consents.record', { ...processing(pid), withholdFrom: 'line\nbreak' }],
      ['consents.record', { ...processing(pid), withholdReason: 'x'.repeat(1001) }],
      ['consents.record', { ...processing(pid), recordedBy: v.v.teacherId }],
      [
        'consents.record',
        { participantId: pid, purpose: 'partner_sharing', partnerName: 'x'.repeat(121), givenOn: TODAY, method: 'oral' },
      ],
      ['consents.withdraw', { id }],
      ['consents.withdraw', { id, withdrawnOn: 'yesterday' }],
      ['consents.withdraw', { id: 'not-an-id', withdrawnOn: TODAY }],
      ['consents.override', { participantId: pid, purpose: 'processing' }],
      ['consents.override', { participantId: pid, purpose: 'everything', reason: 'Because' }],
      ['consents.override', { participantId: pid, purpose: 'processing', reason: 42 }],
      ['consents.revokeOverride', { id: 42 }],
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
