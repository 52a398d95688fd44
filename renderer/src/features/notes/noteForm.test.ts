import { describe, expect, it } from 'vitest';
import type { Note } from '@shared/notes';
import { validateInput } from '../../api/validate';
import { emptyForm, errorsByField, formFromDraft, formFromNote, noteInput, parseTags } from './noteForm';

const NOTE: Note = {
  id: 'n1',
  participantId: 'p1',
  date: '2026-11-20',
  type: 'home_visit',
  topics: ['job_search'],
  tags: ['CV', 'asunto'],
  text: 'Teksti',
  followUp: { task: 'Soita', due: '2026-12-01', done: true, owner: 'u', ownerName: 'K' },
  version: 2,
  createdAt: 'a',
  createdBy: 'u',
  createdByName: 'K',
  updatedAt: 'b',
  updatedBy: 'u',
  updatedByName: 'K',
};

describe('the note form', () => {
  it('starts on today as an individual guidance note with nothing else filled in', () => {
    expect(emptyForm('2026-11-28')).toMatchObject({
      date: '2026-11-28',
      type: 'individual_guidance',
      text: '',
      hasFollowUp: false,
    });
  });

  it('shows a saved note as it is, and saves it back unchanged', () => {
    const form = formFromNote(NOTE);
    expect(form.tagsText).toBe('CV, asunto');
    expect(noteInput(form)).toEqual({
      date: NOTE.date,
      type: NOTE.type,
      topics: NOTE.topics,
      tags: NOTE.tags,
      text: NOTE.text,
      // The form names no owner, so the main side keeps the one the follow-up has.
      followUp: { task: 'Soita', due: '2026-12-01', done: true },
    });
  });

  it('takes a restored draft over the form, keeping fields the draft does not hold', () => {
    const form = formFromDraft({ text: 'Kesken', hasFollowUp: true }, formFromNote(NOTE));
    expect(form).toMatchObject({ text: 'Kesken', hasFollowUp: true, date: NOTE.date, followUpTask: 'Soita' });
  });

  it('reads tags separated by commas or semicolons and drops empty ones', () => {
    expect(parseTags(' asunto, pankki;;  Kela ,')).toEqual(['asunto', 'pankki', 'Kela']);
    expect(parseTags('   ')).toEqual([]);
  });

  it('sends no follow-up when the follow-up part is not in use, whatever was typed in it', () => {
    const form = { ...emptyForm('2026-11-28'), text: 'x', followUpTask: 'left over', hasFollowUp: false };
    expect(noteInput(form).followUp).toBeNull();
  });

  it('shows each problem at its form field, a problem with one tag at the tags field', () => {
    const form = { ...emptyForm('2026-11-28'), tagsText: `ok, ${'x'.repeat(41)}`, hasFollowUp: true };
    const validated = validateInput('notes.create', { participantId: '0'.repeat(32), ...noteInput(form) });
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(errorsByField(validated.errors)).toEqual({
      tags: { key: 'validation.too_long', values: { max: 40 } },
      text: { key: 'validation.required' },
      'followUp.task': { key: 'validation.required' },
      'followUp.due': { key: 'validation.date' },
    });
  });
});
