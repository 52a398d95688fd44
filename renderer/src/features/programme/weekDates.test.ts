import { describe, expect, it } from 'vitest';
import { today } from '@shared/days';
import { dayHeading, shownDays, weekTitle } from './weekDates';

describe('the week view’s days', () => {
  it('are Monday to Friday, with Saturday or Sunday only when a session falls on them', () => {
    expect(shownDays('2027-03-22', new Set())).toEqual(['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26']);
    expect(shownDays('2027-03-22', new Set(['2027-03-28']))).toHaveLength(6);
    expect(shownDays('2027-03-22', new Set(['2027-03-27', '2027-03-28'])).at(-1)).toBe('2027-03-28');
  });

  it('are written the locale’s way, with the ISO week number', () => {
    expect(weekTitle('fi', '2027-03-22')).toEqual({ number: 12, dates: '22.–28.3.2027' });
    expect(weekTitle('sv', '2026-12-28')).toEqual({ number: 53, dates: '28 december 2026–3 januari 2027' });
    expect(dayHeading('fi', '2027-03-22')).toBe('Maanantai 22.3.');
    expect(dayHeading('en', '2027-03-27')).toBe('Saturday March 27');
  });

  it('takes today from the local clock', () => {
    expect(today(new Date(2027, 0, 4, 23, 59))).toBe('2027-01-04');
  });
});
