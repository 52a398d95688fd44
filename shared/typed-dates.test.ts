import { describe, expect, it } from 'vitest';
import {
  describeTypedDate,
  describeTypedTime,
  formatTypedDate,
  intlLocale,
  formatTypedTime,
  parseTypedDate,
  parseTypedTime,
} from './typed-dates';

const near = { today: '2026-11-20' };
const past = { today: '2026-11-20', years: 'past' as const };

describe('a date typed the Finnish way', () => {
  it.each([
    ['4.12.', '2026-12-04'],
    ['4.12', '2026-12-04'],
    ['4.12.2026', '2026-12-04'],
    ['04.12.2026', '2026-12-04'],
    ['4.12.26', '2026-12-04'],
    ['041226', '2026-12-04'],
    ['04122026', '2026-12-04'],
    ['0412', '2026-12-04'],
    [' 4. 12. 2026 ', '2026-12-04'],
    ['2026-12-04', '2026-12-04'],
    ['29.2.2028', '2028-02-29'],
    ['31.12.2026', '2026-12-31'],
  ])('reads %s as %s (day first, never month first)', (typed, stored) => {
    expect(parseTypedDate(typed, near)).toBe(stored);
  });

  it.each(['31.2.2026', '29.2.2027', '4.13.2026', '0.12.2026', '4122026', '41226', '12/4/2026 pm', 'huomenna', '4..12'])(
    'refuses %s, which is no calendar day it can be sure of',
    (typed) => {
      expect(parseTypedDate(typed, near)).toBeNull();
    },
  );

  it('reads nothing typed as an empty value, not as a mistake', () => {
    expect(parseTypedDate('  ', near)).toBe('');
  });

  it('puts a two-digit year of a follow-up in the nearest century, and a birth year in the past', () => {
    expect(parseTypedDate('4.12.26', near)).toBe('2026-12-04');
    expect(parseTypedDate('4.12.99', near)).toBe('1999-12-04');
    expect(parseTypedDate('4.12.30', near)).toBe('2030-12-04');
    expect(parseTypedDate('4.12.30', past)).toBe('1930-12-04');
    expect(parseTypedDate('4.12.05', past)).toBe('2005-12-04');
    expect(parseTypedDate('15.3.26', past)).toBe('2026-03-15');
  });
});

describe('a date typed the Swedish and English way', () => {
  it.each([
    ['2026-12-04', '2026-12-04'],
    ['2026-12-4', '2026-12-04'],
    ['4/12 2026', '2026-12-04'],
    ['4/12/2026', '2026-12-04'],
    ['04/12/26', '2026-12-04'],
    ['4/12', '2026-12-04'],
    ['4-12-2026', '2026-12-04'],
  ])('reads %s as %s', (typed, stored) => {
    expect(parseTypedDate(typed, near)).toBe(stored);
  });

  it('never reads 12/4/2026 as 4 December: day first in every language of the app', () => {
    expect(parseTypedDate('12/4/2026', near)).toBe('2026-04-12');
    expect(parseTypedDate('12/31/2026', near)).toBeNull();
  });
});

describe('a stored day shown in a field', () => {
  it('is written d.m.yyyy in Finnish and in Swedish as written in Finland, day first in English', () => {
    expect(formatTypedDate('2026-12-04', 'fi')).toBe('4.12.2026');
    expect(formatTypedDate('2026-12-04', 'sv')).toBe('4.12.2026');
    expect(formatTypedDate('2026-12-04', 'en')).toBe('4/12/2026');
  });

  it('reads back as the same day in every language', () => {
    for (const locale of ['fi', 'sv', 'en'] as const) {
      expect(parseTypedDate(formatTypedDate('2031-01-09', locale), near)).toBe('2031-01-09');
    }
  });

  it('keeps text that is not a stored day as it is', () => {
    expect(formatTypedDate('4.13.', 'fi')).toBe('4.13.');
    expect(formatTypedDate('', 'en')).toBe('');
  });

  it('is told in words with its weekday, so a misread day is seen before saving', () => {
    expect(describeTypedDate('2026-12-04', 'fi')).toBe('pe 4.12.2026');
    const swedish = describeTypedDate('2026-12-04', 'sv');
    expect(swedish).toMatch(/^fre/);
    expect(swedish).toMatch(/4 dec/);
    expect(describeTypedDate('2026-12-04', 'en')).toMatch(/^Fri,? 4 Dec 2026$/);
  });
});

describe('a time typed', () => {
  it.each([
    ['klo 9.00', '09:00'],
    ['klo 9', '09:00'],
    ['kl. 9.30', '09:30'],
    ['9.00', '09:00'],
    ['9', '09:00'],
    ['09:00', '09:00'],
    ['9:30', '09:30'],
    ['930', '09:30'],
    ['0930', '09:30'],
    ['1645', '16:45'],
    ['16.45', '16:45'],
    ['0', '00:00'],
    ['23.59', '23:59'],
    ['9 pm', '21:00'],
    ['12 am', '00:00'],
    ['12.30 pm', '12:30'],
  ])('reads %s as %s', (typed, stored) => {
    expect(parseTypedTime(typed)).toBe(stored);
  });

  it.each(['9.5', '24', '24.00', '9.60', '13 pm', '99999', 'aamulla', '9..00'])(
    'refuses %s, which is not a time it can be sure of',
    (typed) => {
      expect(parseTypedTime(typed)).toBeNull();
    },
  );

  it('reads nothing typed as an empty value', () => {
    expect(parseTypedTime('')).toBe('');
  });

  it('is shown 9.00 in Finnish and Swedish and 09:00 in English', () => {
    expect(formatTypedTime('09:00', 'fi')).toBe('9.00');
    expect(formatTypedTime('16:45', 'fi')).toBe('16.45');
    expect(formatTypedTime('09:00', 'sv')).toBe('9.00');
    expect(formatTypedTime('09:00', 'en')).toBe('09:00');
    expect(parseTypedTime(formatTypedTime('07:05', 'fi'))).toBe('07:05');
  });

  it('is told in running text as klo 9.00 in Finnish, kl. 9.00 in Swedish and 09:00 in English', () => {
    expect(describeTypedTime('09:00', 'fi')).toBe('klo 9.00');
    expect(describeTypedTime('09:00', 'sv')).toBe('kl. 9.00');
    expect(describeTypedTime('09:00', 'en')).toBe('09:00');
  });
});

describe('the Intl locale of an interface language', () => {
  it('is British English for English, so numeric dates are day first, and keeps any other tag', () => {
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('fi')).toBe('fi-FI');
    expect(intlLocale('sv')).toBe('sv-FI');
    expect(intlLocale('de-AT')).toBe('de-AT');
    expect(new Intl.DateTimeFormat(intlLocale('en'), { dateStyle: 'short' }).format(new Date(2026, 11, 4))).toBe('04/12/2026');
  });
});
