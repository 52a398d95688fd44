import { describe, expect, it } from 'vitest';
import { entryAgeClass, followUpDueOn, followUpListed } from './participation';

describe('the age class at entry', () => {
  it('is the class of both ages a year of birth allows on the entry day, unknown when they straddle a boundary', () => {
    const on = (birthYear: number, entryDate = '2026-03-02') => entryAgeClass({ birthYear, ageBand: null }, entryDate);
    expect(on(2009)).toBe('under_18'); // 16 or 17
    expect(on(2008)).toBe('unknown'); // 17 or 18
    expect(on(2007)).toBe('18_29');
    expect(on(1997)).toBe('18_29'); // 28 or 29
    expect(on(1996)).toBe('unknown'); // 29 or 30
    expect(on(1972)).toBe('30_54'); // 53 or 54
    expect(on(1971)).toBe('unknown'); // 54 or 55
    expect(on(1970)).toBe('55_plus');
  });

  it('follows an age band where it lies within one class, and is unknown without an entry or any age', () => {
    const band = (ageBand: '18-24' | '25-34' | '45-54' | '65+') => entryAgeClass({ birthYear: null, ageBand }, '2026-03-02');
    expect([band('18-24'), band('25-34'), band('45-54'), band('65+')]).toEqual(['18_29', 'unknown', '30_54', '55_plus']);
    expect(entryAgeClass({ birthYear: null, ageBand: null }, '2026-03-02')).toBe('unknown');
    expect(entryAgeClass({ birthYear: 1990, ageBand: null }, null)).toBe('unknown');
  });
});

describe('the six-month follow-up', () => {
  it('falls on the same day six months after the exit, or the month’s last day when it has fewer', () => {
    expect(followUpDueOn('2026-09-30')).toBe('2027-03-30');
    expect(followUpDueOn('2026-08-31')).toBe('2027-02-28');
    expect(followUpDueOn('2027-08-31')).toBe('2028-02-29');
  });

  it('is listed from a fortnight before its day until 90 days after', () => {
    expect(followUpListed('2026-12-12', '2026-11-27')).toBe(false);
    expect(followUpListed('2026-12-12', '2026-11-28')).toBe(true);
    expect(followUpListed('2026-08-30', '2026-11-28')).toBe(true);
    expect(followUpListed('2026-08-29', '2026-11-28')).toBe(false);
  });
});
