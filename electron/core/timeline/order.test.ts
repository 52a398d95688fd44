import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '@shared/timeline';
import { newestFirst } from './timeline';

const item = (kind: TimelineItem['kind'], id: string, at: string): TimelineItem => ({
  kind,
  id,
  at,
  byName: null,
  label: kind,
  text: null,
});

const order = (items: TimelineItem[]) => [...items].sort(newestFirst('Europe/Helsinki')).map((i) => i.id);

describe('the order of a day on the timeline', () => {
  it('puts the timed entries of a day first, the latest first, and the entries with a date only after them', () => {
    const items = [
      item('note', 'note-morning', '2026-12-04'),
      item('flag_set', 'flag-10', '2026-12-04T08:15:00.000Z'),
      item('status_changed', 'status-14', '2026-12-04T12:03:00.000Z'),
      item('consent_given', 'consent', '2026-12-04'),
      item('note', 'yesterday', '2026-12-03'),
      item('participant_created', 'created-tomorrow', '2026-12-05T07:00:00.000Z'),
    ];
    expect(order(items)).toEqual(['created-tomorrow', 'status-14', 'flag-10', 'note-morning', 'consent', 'yesterday']);
  });

  it('keeps the entries of one kind with a date only in the order their source gives (the latest written first)', () => {
    // Notes come from their repository newest written first; their ids are random and must not reorder them.
    const items = [
      item('note', 'f-written-last', '2026-12-04'),
      item('note', 'a-written-first', '2026-12-04'),
      item('psychosocial', 'entry', '2026-12-04'),
    ];
    expect(order(items)).toEqual(['f-written-last', 'a-written-first', 'entry']);
    expect(order([...items].reverse())).toEqual(['a-written-first', 'f-written-last', 'entry']);
  });

  it('counts a moment on the Finnish day it fell on: 23.30 UTC on the 3rd is 1.30 on the 4th, before that day’s notes', () => {
    const items = [
      item('note', 'note-3rd', '2026-12-03'),
      item('note', 'note-4th', '2026-12-04'),
      item('flag_set', 'flag-night', '2026-12-03T23:30:00.000Z'),
    ];
    expect(order(items)).toEqual(['flag-night', 'note-4th', 'note-3rd']);
  });

  it('orders timed entries of one moment by kind and then id, the same at every reading', () => {
    const at = '2026-12-04T10:00:00.000Z';
    const items = [item('flag_set', 'b', at), item('consent_override', 'z', at), item('flag_set', 'a', at)];
    expect(order(items)).toEqual(['z', 'a', 'b']);
    expect(order([...items].reverse())).toEqual(['z', 'a', 'b']);
  });
});
