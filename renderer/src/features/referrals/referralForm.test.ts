import { describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES, TARGET_STATUSES } from '@shared/referrals';
import { validateInput } from '../../api/validate';
import { draftErrors, draftInput, emptyDraft, moveErrors, moveInput, movesFrom, partnerChoices } from './referralForm';

const ID = '0123456789abcdef0123456789abcdef';
const PARTNER = 'fedcba9876543210fedcba9876543210';

describe('the referral draft form', () => {
  it('sends empty choices as none, and a summary only while it is chosen to be shared', () => {
    const state = {
      ...emptyDraft(),
      partnerId: PARTNER,
      reason: 'Tarvitsee oikeusapua',
      summary: 'Kirjoitettu, sitten jätetty pois',
    };
    expect(draftInput(state)).toMatchObject({ contactId: null, followUpOn: null, summary: null, sharedFields: [] });
    expect(draftInput({ ...state, sharedFields: ['name', 'summary'] })).toMatchObject({
      summary: 'Kirjoitettu, sitten jätetty pois',
    });
    expect(validateInput('referrals.create', { participantId: ID, ...draftInput(state) }).ok).toBe(true);
  });

  it("says a missing partner and a missing reason in the form's own words, next to those fields", () => {
    const checked = validateInput('referrals.create', { participantId: ID, ...draftInput(emptyDraft()) });
    expect(checked.ok).toBe(false);
    const errors = draftErrors(checked.ok ? {} : checked.errors);
    expect(errors.partnerId).toEqual({ key: 'referrals.form.partnerRequired' });
    expect(errors.reason).toEqual({ key: 'referrals.form.reasonRequired' });
  });

  it('offers the partners still worked with, and keeps a draft’s partner that has since been set inactive', () => {
    const partner = (id: string, active: boolean) => ({ id, name: id, type: 'school' as const, active, contacts: 0, visits: 0 });
    const partners = [partner('a', true), partner('b', false), partner('c', false)];
    expect(partnerChoices(partners, '').map((p) => p.id)).toEqual(['a']);
    expect(partnerChoices(partners, 'b').map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('the moves of a referral', () => {
  it('are those of the shared lifecycle: none once declined, completed or withdrawn', () => {
    expect(movesFrom('draft')).toEqual(['sent', 'withdrawn']);
    expect(movesFrom('sent')).toEqual(['accepted', 'declined', 'withdrawn']);
    expect(movesFrom('accepted')).toEqual(['completed', 'withdrawn']);
    for (const status of ['declined', 'completed', 'withdrawn'] as const) expect(movesFrom(status)).toEqual([]);
    for (const status of REFERRAL_STATUSES) for (const to of movesFrom(status)) expect(TARGET_STATUSES).toContain(to);
  });

  it('send only what each move takes, which its channel accepts', () => {
    const state = {
      date: '2026-11-20',
      followUpOn: '',
      reason: 'Ei paikkoja',
      outcome: 'other' as const,
      outcomeText: 'Sai harjoittelupaikan',
    };
    expect(moveInput(ID, 'sent', state)).toEqual({ id: ID, to: 'sent', date: '2026-11-20', followUpOn: null });
    expect(moveInput(ID, 'accepted', state)).toEqual({ id: ID, to: 'accepted', date: '2026-11-20' });
    expect(moveInput(ID, 'declined', state)).toEqual({ id: ID, to: 'declined', date: '2026-11-20', reason: 'Ei paikkoja' });
    expect(moveInput(ID, 'completed', state)).toEqual({
      id: ID,
      to: 'completed',
      date: '2026-11-20',
      outcome: 'other',
      outcomeText: 'Sai harjoittelupaikan',
    });
    for (const to of TARGET_STATUSES) expect(validateInput('referrals.transition', moveInput(ID, to, state)).ok, to).toBe(true);
  });

  it('say a missing reason of a decline or a withdrawal as the app says a missing reason', () => {
    const checked = validateInput(
      'referrals.transition',
      moveInput(ID, 'withdrawn', {
        date: '2026-11-20',
        followUpOn: '',
        reason: '',
        outcome: 'startedCourse',
        outcomeText: '',
      }),
    );
    expect(checked.ok).toBe(false);
    expect(moveErrors(checked.ok ? {} : checked.errors).reason).toEqual({ key: 'validation.reason_required' });
  });
});
