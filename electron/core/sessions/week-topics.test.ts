import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions';
import { planWeekTopics } from '@shared/week-topics';
import { staffedVault, type StaffedVault } from '../../../tests/support/participants';

const vaults: StaffedVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.t.cleanup();
});

/**
 * A three-week cohort from Monday 4 January 2027, Monday to Thursday 9-12: week 1 loses Wednesday 6 January
 * (Epiphany); the caseworker is unlocked.
 */
async function winterCohort() {
  const v = await staffedVault();
  vaults.push(v);
  const { cohort } = await v.t.ok('cohorts.create', { name: 'Talvi 2027', startDate: '2027-01-04', lengthWeeks: 3 });
  const sessions = await v.t.ok('sessions.list', { cohortId: cohort.id });
  const on = (date: string): Session => {
    const found = sessions.find((s) => s.date === date);
    if (!found) throw new Error(`no session on ${date}`);
    return found;
  };
  const topicsOf = async () =>
    Object.fromEntries((await v.t.ok('sessions.list', { cohortId: cohort.id })).map((s) => [s.date, s.topic]));
  return { v, cohort, sessions, on, topicsOf };
}

describe('planning a week’s topics', () => {
  it('sets the week’s topics and copies them weekday by weekday to the chosen weeks, in one call', async () => {
    const { v, cohort, on, topicsOf } = await winterCohort();
    const result = await v.t.ok('sessions.planWeekTopics', {
      cohortId: cohort.id,
      weekStart: '2027-01-11',
      topics: [
        { id: on('2027-01-11').id, topic: 'finnish' },
        { id: on('2027-01-12').id, topic: 'it' },
        { id: on('2027-01-13').id, topic: 'rightsAtWork' },
        { id: on('2027-01-14').id, topic: 'jobSearch' },
      ],
      copyTo: ['2027-01-18'],
      overwrite: false,
    });
    expect(result).toEqual({ changed: 8, kept: 0 });
    const topics = await topicsOf();
    expect([topics['2027-01-18'], topics['2027-01-19'], topics['2027-01-20'], topics['2027-01-21']]).toEqual([
      'finnish',
      'it',
      'rightsAtWork',
      'jobSearch',
    ]);
    // Week 1 was not chosen.
    expect(topics['2027-01-04']).toBeNull();
  });

  it('leaves cancelled sessions alone and keeps topics already chosen unless told to replace them', async () => {
    const { v, cohort, on, topicsOf } = await winterCohort();
    await v.t.ok('sessions.cancel', { id: on('2027-01-19').id, reason: 'Opettaja sairaana' });
    await v.t.ok('sessions.update', { id: on('2027-01-18').id, topic: 'companyVisit' });
    const plan = {
      cohortId: cohort.id,
      weekStart: '2027-01-04',
      topics: [
        { id: on('2027-01-04').id, topic: 'finnish' as const },
        { id: on('2027-01-05').id, topic: 'it' as const },
      ],
      copyTo: ['2027-01-11', '2027-01-18'],
    };
    expect(await v.t.ok('sessions.planWeekTopics', { ...plan, overwrite: false })).toEqual({ changed: 4, kept: 1 });
    let topics = await topicsOf();
    expect([topics['2027-01-11'], topics['2027-01-12'], topics['2027-01-18'], topics['2027-01-19']]).toEqual([
      'finnish',
      'it',
      'companyVisit',
      null,
    ]);
    expect(await v.t.ok('sessions.planWeekTopics', { ...plan, overwrite: true })).toEqual({ changed: 1, kept: 0 });
    topics = await topicsOf();
    expect(topics['2027-01-18']).toBe('finnish');
    expect(topics['2027-01-19']).toBeNull();
  });

  it('refuses a session of another week or a cancelled one, and changes nothing', async () => {
    const { v, cohort, on, topicsOf } = await winterCohort();
    const before = await topicsOf();
    const wrongWeek = {
      cohortId: cohort.id,
      weekStart: '2027-01-04',
      topics: [
        { id: on('2027-01-04').id, topic: 'finnish' as const },
        { id: on('2027-01-11').id, topic: 'it' as const },
      ],
      copyTo: [],
      overwrite: false,
    };
    expect(await v.t.call('sessions.planWeekTopics', wrongWeek)).toMatchObject({ code: 'not_found' });
    await v.t.ok('sessions.cancel', { id: on('2027-01-05').id, reason: 'Sairaana' });
    expect(
      await v.t.call('sessions.planWeekTopics', { ...wrongWeek, topics: [{ id: on('2027-01-05').id, topic: 'it' }] }),
    ).toMatchObject({ code: 'invalid_input', details: { issues: [{ path: 'topics' }] } });
    expect(await v.t.call('sessions.planWeekTopics', { ...wrongWeek, weekStart: '2027-01-05' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await topicsOf()).toEqual(before);
  });

  it('is audited under the cohort with the week and the counts, and refused to a psychologist, who plans no sessions', async () => {
    const { v, cohort, on } = await winterCohort();
    await v.t.ok('sessions.planWeekTopics', {
      cohortId: cohort.id,
      weekStart: '2027-01-04',
      topics: [{ id: on('2027-01-04').id, topic: 'finnish' }],
      copyTo: ['2027-01-11', '2027-01-18'],
      overwrite: false,
    });
    await v.as('psychologist');
    expect(
      await v.t.call('sessions.planWeekTopics', {
        cohortId: cohort.id,
        weekStart: '2027-01-04',
        topics: [],
        copyTo: [],
        overwrite: false,
      }),
    ).toMatchObject({ code: 'forbidden' });
    await v.as('coordinator');
    const { entries } = await v.t.ok('audit.list', { entity: 'cohort', entityId: cohort.id });
    expect(entries.filter((e) => e.action === 'sessions.planWeekTopics').map((e) => e.detail)).toEqual([
      'week:2027-01-04 copies:2 changed:3 kept:0',
    ]);
  });
});

describe('the plan of a copy', () => {
  const session = (id: string, date: string, topic: Session['topic'] = null, state: Session['state'] = 'planned'): Session => ({
    id,
    cohortId: 'c',
    date,
    startTime: '09:00',
    endTime: '12:00',
    place: null,
    topic,
    facilitatorId: null,
    facilitatorName: null,
    partnerId: null,
    partnerName: null,
    guest: null,
    notes: null,
    state,
    cancelReason: null,
    extra: false,
    hasVisit: false,
  });

  it('matches two sessions of one weekday by their order, and a weekday missing in a week gets nothing', () => {
    const sessions = [
      session('m1', '2027-01-04', 'finnish'),
      session('m2', '2027-01-04', 'it'),
      session('t1', '2027-01-05', 'jobSearch'),
      session('n1', '2027-01-11'),
      session('n2', '2027-01-11'),
    ];
    expect(planWeekTopics(sessions, '2027-01-04', [], ['2027-01-11'], false)).toEqual({
      changes: [
        { id: 'n1', topic: 'finnish' },
        { id: 'n2', topic: 'it' },
      ],
      kept: 0,
      replaced: 0,
    });
  });

  it('copies nothing backwards, and nothing from a slot without a topic', () => {
    const sessions = [session('a', '2027-01-04', 'finnish'), session('b', '2027-01-11'), session('c', '2027-01-12', 'it')];
    expect(planWeekTopics(sessions, '2027-01-11', [], ['2027-01-04'], true).changes).toEqual([]);
  });
});
