import { describe, expect, it } from 'vitest';
import { place } from '@shared/place';
import { placeOf, screenOfPlace, type Screen } from './screens';

const FILE = '0123456789abcdef0123456789abcdef';

describe('the place an unlock comes back to', () => {
  it('keeps a participant file with its tab, a group page, a programme or report tab and a settings page, and nothing typed', () => {
    const screens: Screen[] = [
      { name: 'participant', id: FILE, from: 'search', tab: 'notes' },
      { name: 'cohort', id: FILE, from: 'week', created: 12, at: '2026-12-04' },
      { name: 'programme', tab: 'partners' },
      { name: 'reports', tab: 'funder' },
      { name: 'settings', notice: 'renewed', section: 'backups' },
      { name: 'participant-new' },
    ];
    const places = screens.map(placeOf);
    expect(places).toEqual([
      { page: 'participant', id: FILE, from: 'search', tab: 'notes' },
      { page: 'cohort', id: FILE, from: 'week' },
      { page: 'programme', tab: 'partners' },
      { page: 'reports', tab: 'funder' },
      { page: 'settings', section: 'backups' },
      { page: 'participants' },
    ]);
    // Every place passes the main side's schema.
    for (const p of places) expect(place.safeParse(p).success).toBe(true);
  });

  it('keeps no place for the screens before a session or in the middle of a passphrase or recovery code', () => {
    const screens: Screen[] = [
      { name: 'unlock', retryAfterMs: 0 },
      { name: 'new-passphrase', reason: 'recovery' },
      { name: 'recovery-code', code: 'ABCDE', reason: 'setup' },
      { name: 'loading' },
    ];
    expect(screens.map(placeOf)).toEqual([null, null, null, null]);
  });

  it('opens the same file at the same tab, as a full screen again', () => {
    expect(screenOfPlace({ page: 'participant', id: FILE, from: 'home', tab: 'notes' }, 'caseworker')).toEqual({
      name: 'participant',
      id: FILE,
      from: 'home',
      tab: 'notes',
    });
  });

  it("drops a tab the role may not see and a page outside the role's menu", () => {
    expect(screenOfPlace({ page: 'participant', id: FILE, from: 'home', tab: 'notes' }, 'teacher')).toEqual({
      name: 'participant',
      id: FILE,
      from: 'home',
    });
    expect(screenOfPlace({ page: 'audit' }, 'caseworker')).toBeNull();
    expect(screenOfPlace({ page: 'staff' }, 'teacher')).toBeNull();
    expect(screenOfPlace({ page: 'retention' }, 'caseworker')).toBeNull();
    expect(screenOfPlace({ page: 'search' }, 'teacher')).toBeNull();
    expect(screenOfPlace({ page: 'reports', tab: 'funder' }, 'caseworker')).toEqual({ name: 'reports', tab: 'programme' });
    expect(screenOfPlace({ page: 'reports', tab: 'programme' }, 'psychologist')).toBeNull();
    expect(screenOfPlace({ page: 'reports', tab: 'no-such-report' }, 'coordinator')).toEqual({ name: 'reports', tab: 'funder' });
    expect(screenOfPlace({ page: 'settings', section: 'no-such-page' }, 'teacher')).toEqual({ name: 'settings', notice: null });
  });

  it("keeps the file's way back when a notice inside it opens another of its tabs", () => {
    const current: Screen = { name: 'participant', id: FILE, from: 'search', tab: 'notes' };
    expect(
      screenOfPlace({ page: 'participant', id: FILE, from: 'participants', tab: 'consents' }, 'caseworker', current),
    ).toEqual({
      name: 'participant',
      id: FILE,
      from: 'search',
      tab: 'consents',
    });
  });
});
