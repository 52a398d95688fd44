import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, cancelDraftSave, flushDrafts, saveDraftNow, scheduleDraftSave } from './drafts';

/** A stand-in for the main side: records what was saved, and can hold a save open to test ordering. */
function recorder() {
  const saved: string[] = [];
  const held: (() => void)[] = [];
  const save =
    (value: string, { hold = false } = {}) =>
    () =>
      new Promise<void>((resolve) => {
        const done = () => {
          saved.push(value);
          resolve();
        };
        if (hold) held.push(done);
        else done();
      });
  return { saved, held, save };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(async () => {
  await flushDrafts();
  vi.useRealTimers();
});

describe('draft autosave', () => {
  it('saves once typing has paused, only the latest state', async () => {
    const r = recorder();
    scheduleDraftSave('p1:new', r.save('K'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    scheduleDraftSave('p1:new', r.save('Ka'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(r.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(r.saved).toEqual(['Ka']);
  });

  it('saves at once when asked (a field lost focus), and not again when the timer would have run', async () => {
    const r = recorder();
    scheduleDraftSave('p1:new', r.save('Kävimme'));
    await saveDraftNow('p1:new');
    expect(r.saved).toEqual(['Kävimme']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(r.saved).toEqual(['Kävimme']);
  });

  it('flushes every waiting draft before locking or closing, and waits for them to be saved', async () => {
    const r = recorder();
    scheduleDraftSave('p1:new', r.save('new note'));
    scheduleDraftSave('p1:n1', r.save('edit of n1'));
    scheduleDraftSave('p2:new', r.save('another participant'));
    await flushDrafts();
    expect(r.saved.sort()).toEqual(['another participant', 'edit of n1', 'new note']);
  });

  it('never lets an older state overwrite a newer one: saves of one draft run in order', async () => {
    const r = recorder();
    scheduleDraftSave('p1:new', r.save('older', { hold: true }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    scheduleDraftSave('p1:new', r.save('newer'));
    const flushed = flushDrafts();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.saved).toEqual([]);
    r.held.shift()?.();
    await flushed;
    expect(r.saved).toEqual(['older', 'newer']);
  });

  it('drops a waiting save when the note is saved, after any save already running', async () => {
    const r = recorder();
    scheduleDraftSave('p1:new', r.save('running', { hold: true }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    scheduleDraftSave('p1:new', r.save('waiting'));
    let cancelled = false;
    const cancel = cancelDraftSave('p1:new').then(() => {
      cancelled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(cancelled).toBe(false);
    r.held.shift()?.();
    await cancel;
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    await flushDrafts();
    expect(r.saved).toEqual(['running']);
  });

  it('goes on after a failed save', async () => {
    const r = recorder();
    scheduleDraftSave('p1:new', () => Promise.reject(new Error('locked')));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    scheduleDraftSave('p1:new', r.save('after'));
    await flushDrafts();
    expect(r.saved).toEqual(['after']);
  });
});
