import { describe, expect, it } from 'vitest';
import { formatDay, formatTime } from '../../i18n/format';
import { dayOf, groupByDay, isBareDate } from './dates';

describe('dates on a participant’s file', () => {
  it('keep a bare date as the calendar day it names, in any time zone', () => {
    expect(isBareDate('2026-10-01')).toBe(true);
    expect(isBareDate('2026-10-01T09:00:00.000Z')).toBe(false);
    expect(dayOf('2026-10-01')).toBe('2026-10-01');
    expect(formatDay('2026-10-01', 'long', 'en-GB')).toBe('1 October 2026');
    expect(formatDay('2026-10-01', 'long', 'fi')).toBe('1. lokakuuta 2026');
  });

  it('write a time of day as the interface language does: 9.05 in Finnish and Swedish, 09:05 in English, never 9:05 AM', () => {
    const at = new Date(2026, 11, 4, 9, 5).toISOString();
    expect(formatTime(at, 'fi')).toBe('9.05');
    expect(formatTime(at, 'sv')).toBe('9.05');
    expect(formatTime(at, 'en')).toBe('09:05');
  });

  it('put a timed moment on the local day it falls on', () => {
    const at = new Date(2026, 10, 28, 23, 30).toISOString();
    expect(dayOf(at)).toBe('2026-11-28');
  });

  it('group a newest-first timeline by day, each day once, in the order the days first appear', () => {
    const at = (d: number, h: number) => new Date(2026, 10, d, h).toISOString();
    const items = [
      { id: 'a', at: at(29, 10) },
      { id: 'b', at: '2026-11-29' },
      { id: 'c', at: at(28, 15) },
      { id: 'd', at: at(29, 8) },
      { id: 'e', at: '2026-11-27' },
    ];
    expect(groupByDay(items).map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2026-11-29', ['a', 'b', 'd']],
      ['2026-11-28', ['c']],
      ['2026-11-27', ['e']],
    ]);
  });
});
