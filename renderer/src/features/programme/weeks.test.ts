import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions';
import { groupByWeek } from './weeks';

function session(id: string, date: string): Session {
  return {
    id,
    cohortId: 'c',
    date,
    startTime: '09:00',
    endTime: '12:00',
    place: null,
    topic: null,
    facilitatorId: null,
    facilitatorName: null,
    partnerId: null,
    partnerName: null,
    guest: null,
    notes: null,
    state: 'planned',
    cancelReason: null,
    extra: false,
    hasVisit: false,
  };
}

describe('the sessions of a cohort week by week', () => {
  it('number the weeks from the week the cohort starts in, Monday to Sunday', () => {
    // 2027-01-14 is a Thursday: its week starts on Monday 11 January.
    const weeks = groupByWeek(
      [session('a', '2027-01-14'), session('b', '2027-01-17'), session('c', '2027-01-18'), session('d', '2027-03-25')],
      '2027-01-14',
    );
    expect(weeks.map((w) => [w.weekStart, w.number, w.sessions.map((s) => s.id)])).toEqual([
      ['2027-01-11', 1, ['a', 'b']],
      ['2027-01-18', 2, ['c']],
      ['2027-03-22', 11, ['d']],
    ]);
  });

  it('keep a session moved before the start in a week of its own, numbered before the first', () => {
    const weeks = groupByWeek([session('early', '2027-01-08'), session('a', '2027-01-14')], '2027-01-14');
    expect(weeks.map((w) => w.number)).toEqual([0, 1]);
  });

  it('give no weeks for no sessions', () => {
    expect(groupByWeek([], '2027-01-14')).toEqual([]);
  });
});
