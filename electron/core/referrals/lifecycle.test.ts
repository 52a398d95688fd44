import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { bundles } from '@shared/i18n/bundles';
import { LOCALES } from '@shared/locales';
import {
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  TARGET_STATUSES,
  type ReferralStatus,
  type TargetStatus,
} from '@shared/referrals';
import { assertMove, canMove, NEXT_SENTENCE, OPEN_STATUSES } from './lifecycle';

/** The referral lifecycle, written out pair by pair. */
const ALLOWED: readonly [ReferralStatus, TargetStatus][] = [
  ['draft', 'sent'],
  ['draft', 'withdrawn'],
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['sent', 'withdrawn'],
  ['accepted', 'completed'],
  ['accepted', 'withdrawn'],
];

const allowed = (from: ReferralStatus, to: TargetStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe('the referral lifecycle', () => {
  for (const from of REFERRAL_STATUSES) {
    for (const to of TARGET_STATUSES) {
      if (allowed(from, to)) {
        it(`allows ${from} → ${to}`, () => {
          expect(canMove(from, to)).toBe(true);
          expect(() => assertMove(from, to)).not.toThrow();
        });
      } else {
        it(`refuses ${from} → ${to} with the sentence of what may follow ${from}`, () => {
          expect(canMove(from, to)).toBe(false);
          let thrown: unknown;
          try {
            assertMove(from, to);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(AppError);
          expect(thrown).toMatchObject({
            code: 'invalid_transition',
            details: { issues: [{ path: 'to', i18nKey: NEXT_SENTENCE[from] }] },
          });
        });
      }
    }
  }

  it('has a sentence in every locale for what may follow each status', () => {
    for (const locale of LOCALES)
      for (const status of REFERRAL_STATUSES) {
        const key = NEXT_SENTENCE[status].split('.').at(-1) as keyof (typeof bundles)['fi']['referrals']['errors'];
        expect(bundles[locale].referrals.errors[key], `${locale} ${status}`).toMatch(/\S/);
      }
  });

  it('lets every open referral be withdrawn and nothing leave a final status', () => {
    expect(OPEN_STATUSES).toEqual(['draft', 'sent', 'accepted']);
    for (const status of OPEN_STATUSES) expect(REFERRAL_TRANSITIONS[status]).toContain('withdrawn');
    for (const status of ['declined', 'completed', 'withdrawn'] as const) expect(REFERRAL_TRANSITIONS[status]).toEqual([]);
  });
});
