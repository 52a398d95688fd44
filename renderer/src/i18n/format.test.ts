import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatDay, formatDayAt, formatDayMonth, formatDayRange, formatMoment, formatTime, formatWhen } from './format';

describe('days and times in the interface language', () => {
  beforeAll(() => {
    vi.stubEnv('TZ', 'Europe/Helsinki');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('write a calendar day in the style asked for, and leave anything else as it is', () => {
    expect(formatDay('2026-11-20', 'medium', 'fi')).toBe('20.11.2026');
    expect(formatDay('2026-11-20', 'long', 'fi')).toBe('20. marraskuuta 2026');
    expect(formatDay('2026-11-28', 'full', 'en-GB')).toBe('Saturday, 28 November 2026');
    expect(formatDay('', 'medium', 'fi')).toBe('');
    expect(formatDay('2026-02-30', 'medium', 'fi')).toBe('2026-02-30');
  });

  it('keep a day on its date on the days the clocks change', () => {
    expect(formatDay('2027-03-28', 'medium', 'fi')).toBe('28.3.2027');
    expect(formatDay('2027-10-31', 'medium', 'fi')).toBe('31.10.2027');
  });

  it('write days of the month, ranges and appointments the locale’s way', () => {
    expect(formatDayMonth('2027-01-14', 'en-GB')).toBe('14 Jan');
    expect(formatDayRange('2027-01-14', '2027-03-25', 'en-GB').replace(/\s/gu, ' ')).toBe('14 Jan – 25 Mar 2027');
    expect(formatDayRange('2027-01-14', '', 'en-GB')).toBe('2027-01-14 – ');
    expect(formatDayAt('2026-11-20', null, 'long', 'en-GB')).toBe('20 November 2026');
    expect(formatDayAt('2026-11-20', '09:30', 'long', 'en-GB')).toBe('20 November 2026 at 09:30');
  });

  it('write a moment on the workstation’s clock, with only its time when it is today', () => {
    const morning = '2026-11-28T07:05:00.000Z';
    expect(formatTime(morning, 'en-GB')).toBe('09:05');
    expect(formatMoment(morning, 'medium', 'short', 'en-GB')).toBe('28 Nov 2026, 09:05');
    expect(formatWhen(morning, new Date('2026-11-28T21:50:00.000Z'), 'en-GB')).toBe('09:05');
    expect(formatWhen(morning, new Date('2026-11-28T22:10:00.000Z'), 'en-GB')).toBe('28 Nov 2026, 09:05');
    // In running text ("Tallennettu klo 9.05") the Finnish and Swedish clock takes its word.
    expect(formatWhen(morning, new Date('2026-11-28T21:50:00.000Z'), 'fi')).toBe('klo 9.05');
    expect(formatWhen(morning, new Date('2026-11-28T21:50:00.000Z'), 'sv')).toBe('kl. 9.05');
    expect(formatMoment('not a moment')).toBe('not a moment');
  });
});
