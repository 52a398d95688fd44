import { describe, expect, it } from 'vitest';
import { previewCalendar } from './preview';

const USUAL = { lengthWeeks: '10', weekdays: [1, 2, 3, 4], startTime: '09:00', endTime: '12:00' };

describe('the calendar preview of a new cohort', () => {
  it('counts the sessions of ten weeks Monday to Thursday and names the days off it skips', () => {
    // Spring 2027: Easter Monday 29 March, Ascension Day Thursday 6 May fall on meeting days.
    const preview = previewCalendar({ ...USUAL, startDate: '2027-03-15' });
    expect(preview).toEqual({
      sessions: 38,
      first: '2027-03-15',
      last: '2027-05-20',
      skipped: [
        { date: '2027-03-29', holiday: 'easterMonday' },
        { date: '2027-05-06', holiday: 'ascension' },
      ],
    });
  });

  it('shows nothing while the start date, length, weekdays or times cannot make a calendar', () => {
    expect(previewCalendar({ ...USUAL, startDate: '' })).toBeNull();
    expect(previewCalendar({ ...USUAL, startDate: '2027-03-15', lengthWeeks: '' })).toBeNull();
    expect(previewCalendar({ ...USUAL, startDate: '2027-03-15', lengthWeeks: '2.5' })).toBeNull();
    expect(previewCalendar({ ...USUAL, startDate: '2027-03-15', lengthWeeks: '53' })).toBeNull();
    expect(previewCalendar({ ...USUAL, startDate: '2027-03-15', weekdays: [] })).toBeNull();
    expect(previewCalendar({ ...USUAL, startDate: '2027-03-15', endTime: '09:00' })).toBeNull();
    expect(previewCalendar({ ...USUAL, startDate: '2027-02-30' })).toBeNull();
    expect(previewCalendar({ ...USUAL, startDate: '1850-01-01' })).toBeNull();
  });

  it('follows a changed rhythm: one week of Fridays only', () => {
    expect(previewCalendar({ ...USUAL, startDate: '2027-12-20', lengthWeeks: '1', weekdays: [5] })).toEqual({
      sessions: 0,
      first: null,
      last: null,
      skipped: [{ date: '2027-12-24', holiday: 'christmasEve' }],
    });
  });
});
