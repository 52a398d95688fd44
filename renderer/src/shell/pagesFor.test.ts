import { describe, expect, it } from 'vitest';
import { pagesFor } from './AppShell';

describe('the menu of each role', () => {
  it('shows the programme to every role, the referrals to all but teachers, and the reports to the coordinator and caseworkers', () => {
    expect(pagesFor('teacher')).toEqual(['home', 'participants', 'programme', 'settings']);
    expect(pagesFor('psychologist')).toEqual(['home', 'participants', 'referrals', 'programme', 'search', 'settings']);
    expect(pagesFor('caseworker')).toEqual(['home', 'participants', 'referrals', 'programme', 'reports', 'search', 'settings']);
    expect(pagesFor('coordinator')).toEqual([
      'home',
      'participants',
      'referrals',
      'programme',
      'reports',
      'search',
      'audit',
      'staff',
      'settings',
    ]);
  });
});
