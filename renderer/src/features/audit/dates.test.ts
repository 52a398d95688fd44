import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMoment } from '../../i18n/format';
import { endOfLocalDay, startOfLocalDay } from './dates';

// The renderer's type settings know no Node globals; this test runs under Node, which reads TZ again whenever
// it changes, so that one process can try several time zones.
declare const process: { env: Record<string, string | undefined> };

let savedZone: string | undefined;
beforeEach(() => {
  savedZone = process.env.TZ;
});
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

describe('the audit filter’s date range', () => {
  it('starts and ends a day at the user’s own midnight, not at UTC midnight', () => {
    process.env.TZ = 'Europe/Helsinki';
    expect(startOfLocalDay('2026-11-28')).toBe('2026-11-27T22:00:00.000Z');
    expect(endOfLocalDay('2026-11-28')).toBe('2026-11-28T21:59:59.999Z');
  });

  it('covers the whole day when the clocks change (a 23-hour and a 25-hour day)', () => {
    process.env.TZ = 'Europe/Helsinki';
    expect(startOfLocalDay('2026-03-29')).toBe('2026-03-28T22:00:00.000Z');
    expect(endOfLocalDay('2026-03-29')).toBe('2026-03-29T20:59:59.999Z');
    expect(startOfLocalDay('2026-10-25')).toBe('2026-10-24T21:00:00.000Z');
    expect(endOfLocalDay('2026-10-25')).toBe('2026-10-25T21:59:59.999Z');
  });

  it('works west of Greenwich too, where the day ends on the next UTC date', () => {
    process.env.TZ = 'America/New_York';
    expect(startOfLocalDay('2026-12-31')).toBe('2026-12-31T05:00:00.000Z');
    expect(endOfLocalDay('2026-12-31')).toBe('2027-01-01T04:59:59.999Z');
  });

  it('gives nothing for an empty or half-typed date', () => {
    expect(startOfLocalDay('')).toBeNull();
    expect(endOfLocalDay('2026-1-5')).toBeNull();
    expect(startOfLocalDay('28.11.2026')).toBeNull();
  });

  it('shows an entry’s moment in the user’s zone, with seconds', () => {
    process.env.TZ = 'Europe/Helsinki';
    expect(formatMoment('2026-11-28T09:05:30.000Z', 'short', 'medium', 'en-GB')).toBe('28/11/2026, 11:05:30');
    expect(formatMoment('2026-11-28T22:30:00.000Z', 'short', 'medium', 'fi')).toMatch(/^29\.11\.2026.*0?0\.30\.00$/);
  });

  it('writes the English interface day first on the 24-hour clock, never in the US order', () => {
    process.env.TZ = 'Europe/Helsinki';
    expect(formatMoment('2026-12-04T07:00:00.000Z', 'short', 'medium', 'en')).toBe('04/12/2026, 09:00:00');
  });
});
