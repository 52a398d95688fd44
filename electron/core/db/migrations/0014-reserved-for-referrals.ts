import type { Migration } from '../migrate';

/**
 * A stand-in, on the plans branch only, for the referrals migration (0014) being written beside it: migrations must
 * be numbered without gaps, and the plans take 0015. When the branches meet, the referrals' 0014 replaces this file
 * and its test (delete both, and this entry in index.ts).
 */
export const reservedForReferrals: Migration = {
  version: 14,
  name: '0014-reserved-for-referrals',
  up() {},
};
