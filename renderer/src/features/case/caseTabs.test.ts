import { describe, expect, it } from 'vitest';
import { caseTabsFor } from './caseTabs';

describe("the tabs of a participant's file", () => {
  it('are all there for staff who work on the whole file', () => {
    const all = ['overview', 'timeline', 'consents', 'flags', 'notes', 'plan', 'referrals', 'psychosocial', 'assessments'];
    expect(caseTabsFor('coordinator')).toEqual(all);
    expect(caseTabsFor('caseworker')).toEqual(all);
    expect(caseTabsFor('psychologist')).toEqual(all);
  });

  it('are only the limited overview for a teacher, who sees the code and first name alone (no referrals)', () => {
    expect(caseTabsFor('teacher')).toEqual(['overview']);
  });
});
