import { describe, expect, it } from 'vitest';
import { intlLocale, clockPhrase, clockRangePhrase, formatClock, formatClockRange } from './clock-format';

describe('clock times in each language', () => {
  it('writes Finnish times with a full stop and no leading zero, "klo" once before a range', () => {
    expect(formatClock('09:00', 'fi')).toBe('9.00');
    expect(formatClock('16:45', 'fi')).toBe('16.45');
    expect(formatClock('00:05', 'fi')).toBe('0.05');
    expect(formatClockRange('09:00', '12:00', 'fi')).toBe('9.00–12.00');
    expect(clockPhrase('10:00', 'fi')).toBe('klo 10.00');
    expect(clockRangePhrase('09:00', '12:00', 'fi')).toBe('klo 9.00–12.00');
  });

  it('writes Swedish times as Swedish is written in Finland: kl. 9.00–12.00', () => {
    expect(formatClock('09:00', 'sv')).toBe('9.00');
    expect(formatClockRange('09:00', '12:30', 'sv')).toBe('9.00–12.30');
    expect(clockPhrase('09:00', 'sv')).toBe('kl. 9.00');
    expect(clockRangePhrase('09:00', '12:00', 'sv')).toBe('kl. 9.00–12.00');
  });

  it('writes English times on the 24-hour clock with a colon and a leading zero, and no word before them', () => {
    expect(formatClock('09:00', 'en')).toBe('09:00');
    expect(formatClockRange('09:00', '12:00', 'en')).toBe('09:00–12:00');
    expect(clockPhrase('09:00', 'en')).toBe('09:00');
    expect(clockRangePhrase('13:15', '16:00', 'en')).toBe('13:15–16:00');
  });

  it('keeps text that is not a stored time as it is', () => {
    expect(formatClock('soon', 'fi')).toBe('soon');
    expect(clockPhrase('', 'sv')).toBe('');
  });

  it('agrees with the clock of a date written with its time by Intl, in each language', () => {
    const at = new Date(2026, 11, 4, 9, 5);
    for (const locale of ['fi', 'sv', 'en'])
      expect(new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' }).format(at), locale).toBe(
        formatClock('09:05', locale),
      );
    expect(new Intl.DateTimeFormat(intlLocale('sv'), { dateStyle: 'long', timeStyle: 'short' }).format(at)).toBe(
      '4 december 2026 kl. 9.05',
    );
  });

  it('reads a full language tag as its language', () => {
    expect(formatClock('09:05', 'fi-FI')).toBe('9.05');
    expect(formatClock('09:05', 'en-GB')).toBe('09:05');
  });
});
