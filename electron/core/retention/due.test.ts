import { dayOf } from '@shared/days';
import { describe, expect, it } from 'vitest';
import { addYears, dueFiles } from './due';

/** An instant at local noon of a calendar day, so that the day is the same in every time zone the tests run in. */
const noon = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).toISOString();
};
const closed = (id: string, day: string) => ({ id, pseudonym: `P-${id}`, closedAt: noon(day) });

describe('the retention period', () => {
  it('ends on the same calendar day N years after the closing', () => {
    expect(addYears('2020-03-15', 5)).toBe('2025-03-15');
    expect(addYears('2019-12-31', 1)).toBe('2020-12-31');
  });

  it('counted from 29 February ends on 28 February of a common year, and on 29 February of a leap year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28');
  });

  it('reads the closing day in the computer’s time zone', () => {
    expect(dayOf(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29');
    expect(dayOf(new Date(2024, 2, 1, 0, 1))).toBe('2024-03-01');
  });
});

describe('the due list', () => {
  it('holds a file from the day its period ends, not the day before', () => {
    const files = [closed('a', '2020-06-10')];
    expect(dueFiles(files, 5, '2025-06-09')).toEqual([]);
    expect(dueFiles(files, 5, '2025-06-10')).toEqual([
      { participantId: 'a', pseudonym: 'P-a', closedAt: noon('2020-06-10'), closedOn: '2020-06-10', dueSince: '2025-06-10' },
    ]);
    expect(dueFiles(files, 5, '2031-01-01').map((f) => f.dueSince)).toEqual(['2025-06-10']);
  });

  it('holds a file closed on a leap day from 28 February of the common year', () => {
    const files = [closed('leap', '2024-02-29')];
    expect(dueFiles(files, 1, '2025-02-27')).toEqual([]);
    expect(dueFiles(files, 1, '2025-02-28').map((f) => f.dueSince)).toEqual(['2025-02-28']);
    expect(dueFiles(files, 4, '2028-02-28')).toEqual([]);
    expect(dueFiles(files, 4, '2028-02-29').map((f) => f.dueSince)).toEqual(['2028-02-29']);
  });

  it('keeps the order it is given (oldest closing first) and leaves out files still within their period', () => {
    const files = [closed('a', '2019-01-01'), closed('b', '2020-01-01'), closed('c', '2023-01-01')];
    expect(dueFiles(files, 3, '2024-06-01').map((f) => f.participantId)).toEqual(['a', 'b']);
  });

  it('is empty while the rule is off', () => {
    expect(dueFiles([closed('a', '1990-01-01')], 0, '2026-01-01')).toEqual([]);
  });
});
