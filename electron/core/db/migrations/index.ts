import type { Migration } from '../migrate';
import { foundation } from './0001-foundation';
import { staffAccounts } from './0002-staff-accounts';
import { participants } from './0003-participants';
import { consentsAndFlags } from './0004-consents-flags';
import { notes } from './0005-notes';
import { psychosocial } from './0006-psychosocial';
import { savedViews } from './0007-saved-views';
import { auditIndex } from './0008-audit-index';
import { cohorts } from './0009-cohorts';
import { closedAt } from './0010-closed-at';
import { programme } from './0011-programme';
import { followUpOwner } from './0012-follow-up-owner';
import { searchStems } from './0013-search-stems';
import { referrals } from './0014-referrals';
import { plans } from './0015-plans';
import { planStepReferral } from './0016-plan-step-referral';
import { referralPageIndexes } from './0017-referral-page-indexes';
import { assessments } from './0018-assessments';
import { sealedPrivateNotes } from './0019-sealed-private-notes';
import { participationResults } from './0020-participation-results';

/** Every migration, in version order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  staffAccounts,
  participants,
  consentsAndFlags,
  notes,
  psychosocial,
  savedViews,
  auditIndex,
  cohorts,
  closedAt,
  programme,
  followUpOwner,
  searchStems,
  referrals,
  plans,
  planStepReferral,
  referralPageIndexes,
  assessments,
  sealedPrivateNotes,
  participationResults,
];
