import { describe, expect, it } from 'vitest';
import type { FullEntry } from '@shared/psychosocial';
import { emptyForm, formOf, validateEntry, type EntryForm } from './entryForm';

const TODAY = '2026-11-28';
const PARTICIPANT = { participantId: '0123456789abcdef0123456789abcdef' };
const ENTRY_ID = 'fedcba9876543210fedcba9876543210';

const filled: EntryForm = {
  ...emptyForm(TODAY),
  riskLevel: 'low',
  summary: ' Tuki jatkuu. ',
  privateNotes: 'Yksityinen.',
  appointmentDate: '2026-12-04',
  appointmentTime: '10:30',
};

describe('the meeting form', () => {
  it('starts as an individual meeting of an hour today, with no risk level chosen', () => {
    expect(emptyForm(TODAY)).toMatchObject({ date: TODAY, durationMinutes: '60', kind: 'individual', riskLevel: '' });
  });

  it('sends what is typed as the channel takes it: numbers, trimmed texts, the appointment with its time', () => {
    const checked = validateEntry(PARTICIPANT, filled, TODAY);
    expect(checked).toEqual({
      ok: true,
      channel: 'psychosocial.create',
      input: {
        ...PARTICIPANT,
        date: TODAY,
        durationMinutes: 60,
        kind: 'individual',
        riskLevel: 'low',
        summary: 'Tuki jatkuu.',
        privateNotes: 'Yksityinen.',
        nextAppointment: { date: '2026-12-04', time: '10:30' },
      },
    });
  });

  it('edits an entry through the update channel, with empty texts and no appointment as none', () => {
    const checked = validateEntry(
      { id: ENTRY_ID },
      { ...filled, summary: '', privateNotes: ' ', appointmentDate: '', appointmentTime: '' },
      TODAY,
    );
    expect(checked).toMatchObject({
      ok: true,
      channel: 'psychosocial.update',
      input: { id: ENTRY_ID, summary: null, privateNotes: null, nextAppointment: null },
    });
  });

  it('asks for a risk level to be chosen, never recording one by default', () => {
    expect(validateEntry(PARTICIPANT, { ...filled, riskLevel: '' }, TODAY)).toEqual({
      ok: false,
      errors: { riskLevel: { key: 'psychosocial.errors.riskRequired' } },
    });
  });

  it('shows each problem at its field: length, a future day, an appointment before the meeting or without a day', () => {
    const problems = (change: Partial<EntryForm>) => {
      const checked = validateEntry(PARTICIPANT, { ...filled, ...change }, TODAY);
      return checked.ok ? {} : checked.errors;
    };
    expect(problems({ durationMinutes: '' })).toEqual({ durationMinutes: { key: 'validation.required' } });
    expect(problems({ durationMinutes: '4' })).toEqual({
      durationMinutes: { key: 'validation.too_small_number', values: { min: 5 } },
    });
    expect(problems({ durationMinutes: '45.5' })).toEqual({ durationMinutes: { key: 'validation.whole_number' } });
    expect(problems({ date: '2026-11-29' })).toEqual({ date: { key: 'psychosocial.errors.dateInFuture' } });
    expect(problems({ date: '' })).toEqual({ date: { key: 'validation.date' } });
    expect(problems({ appointmentDate: '2026-11-01' })).toEqual({
      'nextAppointment.date': { key: 'psychosocial.errors.appointmentBeforeMeeting' },
    });
    expect(problems({ appointmentDate: '', appointmentTime: '10:00' })).toMatchObject({
      'nextAppointment.date': { key: 'psychosocial.errors.timeWithoutDate' },
    });
    expect(problems({ privateNotes: 'x'.repeat(20_001) })).toEqual({
      privateNotes: { key: 'validation.too_long', values: { max: 20_000 } },
    });
  });

  it('fills in an entry being edited with every field as it is', () => {
    const entry: FullEntry = {
      id: ENTRY_ID,
      participantId: PARTICIPANT.participantId,
      date: '2026-11-20',
      durationMinutes: 90,
      kind: 'group',
      riskLevel: 'high',
      summary: null,
      privateNotes: 'Muistiinpano',
      nextAppointment: { date: '2026-12-01', time: null },
      version: 2,
      createdAt: 'then',
      createdBy: 'u',
      createdByName: null,
      updatedAt: 'now',
      updatedBy: 'u',
      updatedByName: null,
    };
    expect(formOf(entry)).toEqual({
      date: '2026-11-20',
      durationMinutes: '90',
      kind: 'group',
      riskLevel: 'high',
      summary: '',
      privateNotes: 'Muistiinpano',
      appointmentDate: '2026-12-01',
      appointmentTime: '',
    });
  });
});
