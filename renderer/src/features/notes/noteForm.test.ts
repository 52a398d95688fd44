import { describe, expect, it } from 'vitest';
import type { Note } from '@shared/notes';
import { validateInput } from '../../api/validate';
import {
  FORM_FIELDS,
  ownerOptions,
  emptyForm,
  errorsByField,
  formFromDraft,
  formFromNote,
  noteInput,
  parseTags,
} from './noteForm';

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
  it('starts on today as an individual guidance note with nothing else filled in, any follow-up the writer’s', () => {
    expect(emptyForm('2026-11-28', 'w')).toMatchObject({
      date: '2026-11-28',
      type: 'individual_guidance',
      text: '',
      hasFollowUp: false,
      followUpOwner: 'w',
    });
  });

  it('shows the text first and the optional details after it', () => {
    expect(FORM_FIELDS[0]).toBe('text');
    expect(FORM_FIELDS.slice(1)).toEqual(['date', 'type', 'topics', 'tags', 'followUp.task', 'followUp.due', 'followUp.owner']);
  });

  it('sends the chosen owner with the follow-up, and none when there is no one to choose', () => {
    const form = { ...emptyForm('2026-11-28', 'w'), hasFollowUp: true, followUpTask: 'Soita', followUpDue: '2026-12-01' };
    expect(noteInput({ ...form, followUpOwner: 'o' }).followUp).toEqual({
      task: 'Soita',
      due: '2026-12-01',
      done: false,
      owner: 'o',
    });
    expect(noteInput({ ...form, followUpOwner: '' }).followUp).toEqual({ task: 'Soita', due: '2026-12-01', done: false });
  });

  it('restores the owner chosen in a draft, and keeps the form’s owner when an older draft names none', () => {
    const form = formFromNote(NOTE, 'w');
    expect(formFromDraft({ text: 'Uusi', followUpOwner: 'o' }, form)).toEqual({ ...form, text: 'Uusi', followUpOwner: 'o' });
    expect(formFromDraft({ text: 'Uusi' }, form)).toEqual({ ...form, text: 'Uusi' });
  });

  it('shows a saved note as it is, and saves it back unchanged', () => {
    const form = formFromNote(NOTE, 'w');
    expect(form.tagsText).toBe('CV, asunto');
    expect(noteInput(form)).toEqual({
      date: NOTE.date,
      type: NOTE.type,
      topics: NOTE.topics,
      tags: NOTE.tags,
      text: NOTE.text,
      // The owner the follow-up has, not the one editing it.
      followUp: { task: 'Soita', due: '2026-12-01', done: true, owner: 'u' },
    });
  });

  it('takes a restored draft over the form, keeping fields the draft does not hold', () => {
    const form = formFromDraft({ text: 'Kesken', hasFollowUp: true }, formFromNote(NOTE, 'w'));
    expect(form).toMatchObject({ text: 'Kesken', hasFollowUp: true, date: NOTE.date, followUpTask: 'Soita', followUpOwner: 'u' });
  });

  it('reads tags separated by commas or semicolons and drops empty ones', () => {
    expect(parseTags(' asunto, pankki;;  Kela ,')).toEqual(['asunto', 'pankki', 'Kela']);
    expect(parseTags('   ')).toEqual([]);
  });

  it('sends no follow-up when the follow-up part is not in use, whatever was typed in it', () => {
    const form = { ...emptyForm('2026-11-28', 'w'), text: 'x', followUpTask: 'left over', hasFollowUp: false };
    expect(noteInput(form).followUp).toBeNull();
  });

  it('shows each problem at its form field, a problem with one tag at the tags field', () => {
    const form = { ...emptyForm('2026-11-28', '0'.repeat(32)), tagsText: `ok, ${'x'.repeat(41)}`, hasFollowUp: true };
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

  it('offers the staff as owners, and keeps an owner who is no longer among them', () => {
    const staff = [{ id: 'a', displayName: 'Aino' }];
    expect(ownerOptions(staff, 'a', {}, '?')).toEqual([{ value: 'a', label: 'Aino' }]);
    expect(ownerOptions(staff, 'gone', { gone: 'Eeva' }, '?')).toEqual([
      { value: 'gone', label: 'Eeva' },
      { value: 'a', label: 'Aino' },
    ]);
    expect(ownerOptions([], 'x', {}, '?')).toEqual([{ value: 'x', label: '?' }]);
  });
});
