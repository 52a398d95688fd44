import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/api';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

const MISSING = '0123456789abcdef0123456789abcdef';

/** A vault with a caseworker unlocked, a cohort with its generated sessions, and one partner with a contact. */
async function programme() {
  const v = await staffedVault();
  vaults.push(v);
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Kevät 2027', startDate: '2027-01-11' });
  const sessions = await v.t.ok('sessions.list', { cohortId: cohort.id });
  const { partner } = await v.t.ok('partners.save', {
    name: 'Työkeskus Oy',
    type: 'employer',
    notes: 'Warehouse and logistics; NOTES-MARKER',
  });
  const { contact } = await v.t.ok('partners.saveContact', {
    partnerId: partner.id,
    name: 'Maija Yhteyshenkilö',
    role: 'HR manager',
    phone: '+358 40 765 4321',
    email: 'maija@tyokeskus.example',
  });
  return { v, cohort, sessions, partner, contact };
}

type SaveVisit = InputOf<'visits.save'>;

describe('partners', () => {
  it('are saved with their type and listed active first, by name, with their contacts and visits counted', async () => {
    const { v, partner, sessions } = await programme();
    expect(partner).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'Työkeskus Oy',
      type: 'employer',
      active: true,
      notes: 'Warehouse and logistics; NOTES-MARKER',
      contacts: 0,
      visits: 0,
      contactList: [],
      visitList: [],
    });
    const { partner: school } = await v.t.ok('partners.save', { name: 'Aikuisopisto', type: 'school', notes: null });
    const { partner: closed } = await v.t.ok('partners.save', {
      name: 'Aaltoapu ry',
      type: 'otherNgo',
      notes: '',
      active: false,
    });
    expect(closed.notes).toBeNull();
    await v.t.ok('visits.save', {
      sessionId: sessions[0]!.id,
      partnerId: partner.id,
      kind: 'company',
      learned: null,
      followUps: null,
    });
    expect(await v.t.ok('partners.list', {})).toEqual([
      { id: school.id, name: 'Aikuisopisto', type: 'school', active: true, contacts: 0, visits: 0 },
      { id: partner.id, name: 'Työkeskus Oy', type: 'employer', active: true, contacts: 1, visits: 1 },
      { id: closed.id, name: 'Aaltoapu ry', type: 'otherNgo', active: false, contacts: 0, visits: 0 },
    ]);
  });

  it('are changed by id, keeping whether they are active unless told', async () => {
    const { v, partner } = await programme();
    await v.t.ok('partners.save', { id: partner.id, name: 'Työkeskus Oyj', type: 'employer', notes: null, active: false });
    const { partner: changed } = await v.t.ok('partners.save', {
      id: partner.id,
      name: 'TYÖKESKUS OYJ',
      type: 'other',
      notes: 'Line one\nline two',
    });
    expect(changed).toMatchObject({ id: partner.id, name: 'TYÖKESKUS OYJ', type: 'other', active: false, contacts: 1 });
    expect(changed.notes).toBe('Line one\nline two');
    expect(await v.t.ok('partners.get', { id: partner.id })).toEqual(changed);
  });

  it('refuse a name in use whatever its case, accents or spacing, saving nothing', async () => {
    const { v, partner } = await programme();
    const nameTaken = { code: 'invalid_input', details: { issues: [{ path: 'name', i18nKey: 'partners.problems.nameTaken' }] } };
    expect(await v.t.call('partners.save', { name: '  TYOKESKUS   oy ', type: 'other', notes: null })).toMatchObject(nameTaken);
    const { partner: other } = await v.t.ok('partners.save', { name: 'Aikuisopisto', type: 'school', notes: null });
    expect(
      await v.t.call('partners.save', { id: other.id, name: 'työkeskus oy', type: 'school', notes: 'changed' }),
    ).toMatchObject(nameTaken);
    expect(await v.t.ok('partners.get', { id: other.id })).toMatchObject({ name: 'Aikuisopisto', notes: null });
    expect((await v.t.ok('partners.list', {})).map((p) => p.id)).toEqual([other.id, partner.id]);
  });

  it('refuse control characters, an empty name, an unknown type or id, saving nothing', async () => {
    const { v, partner } = await programme();
    const bad: [unknown, string][] = [
      [{ name: 'Bell\u0007 Oy', type: 'employer', notes: null }, 'name'],
      [{ name: 'Line\nbreak Oy', type: 'employer', notes: null }, 'name'],
      [{ name: '   ', type: 'employer', notes: null }, 'name'],
      [{ name: 'Fine Oy', type: 'bank', notes: null }, 'type'],
      [{ name: 'Fine Oy', type: 'employer', notes: 'Tab\u0000null' }, 'notes'],
    ];
    for (const [input, path] of bad) {
      const result = await v.t.call('partners.save', input as never);
      expect(result, JSON.stringify(input)).toMatchObject({ code: 'invalid_input' });
      expect(result.ok ? [] : result.details?.issues?.map((i) => i.path)).toContain(path);
    }
    expect(await v.t.call('partners.save', { id: MISSING, name: 'Ghost Oy', type: 'other', notes: null })).toMatchObject({
      code: 'not_found',
    });
    expect(await v.t.call('partners.get', { id: MISSING })).toMatchObject({ code: 'not_found' });
    expect((await v.t.ok('partners.list', {})).map((p) => p.id)).toEqual([partner.id]);
  });
});

describe('a partner’s contacts', () => {
  it('are added, changed and removed under their partner, listed by name', async () => {
    const { v, partner, contact } = await programme();
    expect(contact).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      partnerId: partner.id,
      name: 'Maija Yhteyshenkilö',
      role: 'HR manager',
      phone: '+358 40 765 4321',
      email: 'maija@tyokeskus.example',
    });
    const { contact: second } = await v.t.ok('partners.saveContact', {
      partnerId: partner.id,
      name: 'Antti Aho',
      role: '',
      phone: '',
      email: '',
    });
    expect(second).toMatchObject({ role: null, phone: null, email: null });
    const { contact: changed } = await v.t.ok('partners.saveContact', {
      id: contact.id,
      partnerId: partner.id,
      name: 'Maija Yhteyshenkilö',
      role: 'Site manager',
      phone: null,
      email: 'maija@example.fi',
    });
    expect(changed).toEqual({ ...contact, role: 'Site manager', phone: null, email: 'maija@example.fi' });
    expect((await v.t.ok('partners.get', { id: partner.id })).contactList).toEqual([second, changed]);
    expect(await v.t.ok('partners.removeContact', { id: second.id })).toBeNull();
    expect(await v.t.ok('partners.get', { id: partner.id })).toMatchObject({ contacts: 1, contactList: [changed] });
    expect(await v.t.call('partners.removeContact', { id: second.id })).toMatchObject({ code: 'not_found' });
  });

  it('refuse a bad phone or email, control characters, or an unknown partner or contact, changing nothing', async () => {
    const { v, partner, contact } = await programme();
    const base = { id: contact.id, partnerId: partner.id, name: 'Maija', role: null, phone: null, email: null };
    const bad: [unknown, string, string][] = [
      [{ ...base, phone: '040-CALL-ME' }, 'phone', 'validation.phone'],
      [{ ...base, phone: '12' }, 'phone', 'validation.phone'],
      [{ ...base, phone: '-----' }, 'phone', 'validation.phone'],
      [{ ...base, phone: '+358 (0) --' }, 'phone', 'validation.phone'],
      [{ ...base, email: 'maija.example.fi' }, 'email', 'validation.email'],
      [{ ...base, email: 'maija@example' }, 'email', 'validation.email'],
      [{ ...base, name: 'Maija\u001b[31m' }, 'name', 'validation.control_characters'],
      [{ ...base, role: 'HR\nmanager' }, 'role', 'validation.control_characters'],
      [{ ...base, name: '' }, 'name', 'validation.required'],
    ];
    for (const [input, path, i18nKey] of bad) {
      const result = await v.t.call('partners.saveContact', input as never);
      expect(result, JSON.stringify(input)).toMatchObject({ code: 'invalid_input' });
      expect(result.ok ? [] : result.details?.issues, JSON.stringify(input)).toEqual([{ path, i18nKey }]);
    }
    const { partner: other } = await v.t.ok('partners.save', { name: 'Aikuisopisto', type: 'school', notes: null });
    // A contact does not move to another partner, and does not come into being under a partner that does not exist.
    expect(await v.t.call('partners.saveContact', { ...base, partnerId: other.id })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('partners.saveContact', { ...base, id: MISSING })).toMatchObject({ code: 'not_found' });
    expect(await v.t.call('partners.saveContact', { ...base, id: undefined, partnerId: MISSING })).toMatchObject({
      code: 'not_found',
    });
    expect((await v.t.ok('partners.get', { id: partner.id })).contactList).toEqual([contact]);
    expect((await v.t.ok('partners.get', { id: other.id })).contactList).toEqual([]);
  });
});

describe('visits', () => {
  it('are one a session: saving again changes the same visit', async () => {
    const { v, cohort, sessions, partner } = await programme();
    const session = sessions[2]!;
    const first = await v.t.ok('visits.save', {
      sessionId: session.id,
      partnerId: partner.id,
      kind: 'company',
      learned: 'How a warehouse shift is planned',
      followUps: null,
    });
    expect(first.visit).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      sessionId: session.id,
      sessionDate: session.date,
      cohortId: cohort.id,
      cohortName: 'Kevät 2027',
      partnerId: partner.id,
      partnerName: 'Työkeskus Oy',
      kind: 'company',
      learned: 'How a warehouse shift is planned',
      followUps: null,
    });
    const { partner: school } = await v.t.ok('partners.save', { name: 'Aikuisopisto', type: 'school', notes: null });
    const second = await v.t.ok('visits.save', {
      sessionId: session.id,
      partnerId: school.id,
      kind: 'school',
      learned: 'Courses open in spring',
      followUps: 'Ask about the application dates\nBring certificates',
    });
    expect(second.visit).toEqual({
      ...first.visit,
      partnerId: school.id,
      partnerName: 'Aikuisopisto',
      kind: 'school',
      learned: 'Courses open in spring',
      followUps: 'Ask about the application dates\nBring certificates',
    });
    expect(await v.t.ok('visits.list', {})).toEqual([second.visit]);
    expect((await v.t.ok('partners.get', { id: partner.id })).visitList).toEqual([]);
    expect((await v.t.ok('partners.get', { id: school.id })).visitList).toEqual([second.visit]);
    const listed = await v.t.ok('sessions.list', { cohortId: cohort.id });
    expect(listed.filter((s) => s.hasVisit).map((s) => s.id)).toEqual([session.id]);
  });

  it('are listed newest first, of one partner or one cohort', async () => {
    const { v, sessions, partner } = await programme();
    const { cohort: autumn } = await v.t.ok('cohorts.create', { name: 'Syksy 2027', startDate: '2027-08-16' });
    const autumnSessions = await v.t.ok('sessions.list', { cohortId: autumn.id });
    const { partner: school } = await v.t.ok('partners.save', { name: 'Aikuisopisto', type: 'school', notes: null });
    const save = async (input: Omit<SaveVisit, 'learned' | 'followUps'>) =>
      (await v.t.ok('visits.save', { learned: null, followUps: null, ...input })).visit;
    const early = await save({ sessionId: sessions[0]!.id, partnerId: partner.id, kind: 'company' });
    const later = await save({ sessionId: sessions[5]!.id, partnerId: school.id, kind: 'school' });
    const autumnVisit = await save({ sessionId: autumnSessions[1]!.id, partnerId: partner.id, kind: 'company' });
    expect(await v.t.ok('visits.list', {})).toEqual([autumnVisit, later, early]);
    expect(await v.t.ok('visits.list', { partnerId: partner.id })).toEqual([autumnVisit, early]);
    expect(await v.t.ok('visits.list', { cohortId: sessions[0]!.cohortId })).toEqual([later, early]);
    expect(await v.t.ok('visits.list', { cohortId: autumn.id, partnerId: school.id })).toEqual([]);
    expect(autumnVisit.cohortName).toBe('Syksy 2027');
  });

  it('are refused on an unknown or cancelled session, for an unknown partner, or with control characters', async () => {
    const { v, sessions, partner } = await programme();
    const session = sessions[1]!;
    const good: SaveVisit = { sessionId: session.id, partnerId: partner.id, kind: 'company', learned: null, followUps: null };
    const issue = async (input: unknown) => {
      const result = await v.t.call('visits.save', input as never);
      return result.ok ? null : [result.code, result.details?.issues?.[0]?.path, result.details?.issues?.[0]?.i18nKey];
    };
    expect(await issue({ ...good, sessionId: MISSING })).toEqual([
      'invalid_input',
      'sessionId',
      'partners.problems.sessionUnknown',
    ]);
    expect(await issue({ ...good, partnerId: MISSING })).toEqual([
      'invalid_input',
      'partnerId',
      'partners.problems.partnerUnknown',
    ]);
    expect((await issue({ ...good, kind: 'factory' }))?.slice(0, 2)).toEqual(['invalid_input', 'kind']);
    expect((await issue({ ...good, learned: 'Bell\u0007' }))?.slice(0, 2)).toEqual(['invalid_input', 'learned']);
    expect((await issue({ ...good, followUps: 'x'.repeat(4001) }))?.slice(0, 2)).toEqual(['invalid_input', 'followUps']);
    await v.t.ok('sessions.cancel', { id: session.id, reason: 'Partner could not host' });
    expect(await issue(good)).toEqual(['invalid_input', 'sessionId', 'partners.problems.sessionCancelled']);
    expect(await v.t.ok('visits.list', {})).toEqual([]);
    expect(await v.t.ok('partners.list', {})).toMatchObject([{ visits: 0 }]);
  });

  it('name the visited partner on a session that had none, and leave a partner chosen on the session alone', async () => {
    const { v, cohort, sessions, partner } = await programme();
    const { partner: school } = await v.t.ok('partners.save', { name: 'Aikuisopisto', type: 'school', notes: null });
    await v.t.ok('sessions.update', { id: sessions[1]!.id, partnerId: school.id });
    for (const session of [sessions[0]!, sessions[1]!]) {
      await v.t.ok('visits.save', {
        sessionId: session.id,
        partnerId: partner.id,
        kind: 'company',
        learned: null,
        followUps: null,
      });
    }
    const listed = await v.t.ok('sessions.list', { cohortId: cohort.id });
    expect(listed.slice(0, 3).map((s) => [s.partnerName, s.hasVisit])).toEqual([
      ['Työkeskus Oy', true],
      ['Aikuisopisto', true],
      [null, false],
    ]);
  });

  it('refuse a partner marked inactive unless the session or its visit already names it', async () => {
    const { v, sessions, partner } = await programme();
    const { partner: closed } = await v.t.ok('partners.save', {
      name: 'Aaltoapu ry',
      type: 'otherNgo',
      notes: null,
      active: false,
    });
    const save = (sessionId: string, partnerId: string, learned: string | null) =>
      v.t.call('visits.save', { sessionId, partnerId, kind: 'company', learned, followUps: null });
    const refused = await save(sessions[0]!.id, closed.id, 'Refused');
    expect(refused.ok ? null : refused.details?.issues?.[0]).toEqual({
      path: 'partnerId',
      i18nKey: 'partners.problems.partnerInactive',
    });
    expect(await v.t.ok('visits.list', {})).toEqual([]);
    expect((await v.t.ok('sessions.list', { cohortId: sessions[0]!.cohortId }))[0]?.partnerId).toBeNull();

    // Chosen while active, then marked inactive: the visit can still be corrected.
    await v.t.ok('visits.save', {
      sessionId: sessions[1]!.id,
      partnerId: partner.id,
      kind: 'company',
      learned: null,
      followUps: null,
    });
    await v.t.ok('partners.save', { id: partner.id, name: 'Työkeskus Oy', type: 'employer', notes: null, active: false });
    const corrected = await save(sessions[1]!.id, partner.id, 'Corrected later');
    expect(corrected.ok && corrected.value.visit.learned).toBe('Corrected later');
  });

  it('are removed by id; an unknown one is not found', async () => {
    const { v, sessions, partner } = await programme();
    const { visit } = await v.t.ok('visits.save', {
      sessionId: sessions[0]!.id,
      partnerId: partner.id,
      kind: 'company',
      learned: null,
      followUps: null,
    });
    expect(await v.t.ok('visits.remove', { id: visit.id })).toBeNull();
    expect(await v.t.ok('visits.list', {})).toEqual([]);
    expect(await v.t.call('visits.remove', { id: visit.id })).toMatchObject({ code: 'not_found' });
  });
});

describe('partners and visits by role', () => {
  it('are read by teachers and psychologists, who change none of them', async () => {
    const { v, sessions, partner, contact } = await programme();
    const { visit } = await v.t.ok('visits.save', {
      sessionId: sessions[0]!.id,
      partnerId: partner.id,
      kind: 'company',
      learned: 'Safety at work',
      followUps: null,
    });
    const before = await v.t.ok('partners.get', { id: partner.id });
    for (const role of ['teacher', 'psychologist'] as const) {
      await v.as(role);
      expect(await v.t.ok('partners.list', {}), role).toHaveLength(1);
      expect(await v.t.ok('partners.get', { id: partner.id }), role).toEqual(before);
      expect(await v.t.ok('visits.list', { partnerId: partner.id }), role).toEqual([visit]);
      const writes = [
        v.t.call('partners.save', { name: 'New Oy', type: 'employer', notes: null }),
        v.t.call('partners.save', { id: partner.id, name: 'Renamed', type: 'employer', notes: null }),
        v.t.call('partners.saveContact', { partnerId: partner.id, name: 'X', role: null, phone: null, email: null }),
        v.t.call('partners.removeContact', { id: contact.id }),
        v.t.call('visits.save', {
          sessionId: sessions[1]!.id,
          partnerId: partner.id,
          kind: 'company',
          learned: null,
          followUps: null,
        }),
        v.t.call('visits.remove', { id: visit.id }),
      ];
      for (const result of await Promise.all(writes)) expect(result, role).toMatchObject({ code: 'forbidden' });
    }
    await v.as('coordinator');
    expect(await v.t.ok('partners.get', { id: partner.id })).toEqual(before);
    await v.t.ok('partners.save', { id: partner.id, name: 'Työkeskus Oy', type: 'employer', notes: null });
  });
});

describe('the audit of partners and visits', () => {
  it('records ids only: no names, contact details or visit texts', async () => {
    const { v, sessions, partner, contact } = await programme();
    const { visit } = await v.t.ok('visits.save', {
      sessionId: sessions[0]!.id,
      partnerId: partner.id,
      kind: 'company',
      learned: 'LEARNED-MARKER',
      followUps: 'FOLLOW-MARKER',
    });
    await v.t.ok('partners.save', { id: partner.id, name: 'Työkeskus Oyj', type: 'employer', notes: null });
    await v.t.ok('partners.removeContact', { id: contact.id });
    await v.t.ok('visits.remove', { id: visit.id });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { limit: 100 });
    const ours = entries
      .filter((e) => e.action.startsWith('partners.') || e.action.startsWith('visits.'))
      .map((e) => [e.action, e.entity, e.entityId, e.detail, e.userId])
      .reverse();
    expect(ours).toEqual([
      ['partners.save', 'partner', partner.id, 'created', v.caseworkerId],
      ['partners.saveContact', 'partner', partner.id, `contact:${contact.id}:created`, v.caseworkerId],
      ['visits.save', 'visit', visit.id, `session:${sessions[0]!.id}`, v.caseworkerId],
      ['partners.save', 'partner', partner.id, 'updated', v.caseworkerId],
      ['partners.removeContact', 'partner', partner.id, `contact:${contact.id}`, v.caseworkerId],
      ['visits.remove', 'visit', visit.id, null, v.caseworkerId],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/Työkeskus|Maija|maija@|765 4321|MARKER|HR manager/);
  });
});
