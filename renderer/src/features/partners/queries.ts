/** The partners feature's reads: the organisations, one with its contacts, and a session's visit. */
import { channelQuery } from '../../api/query';

export const partnerListQuery = () => channelQuery('partners.list', {});
export const partnerQuery = (id: string) => channelQuery('partners.get', { id });
/** A cohort's visit records, one a visit session. */
export const cohortVisitsQuery = (cohortId: string) => channelQuery('visits.list', { cohortId });
/** The referrals the partner received: counts by status for every role, the referrals for roles that read them. */
export const partnerReferralsQuery = (partnerId: string) => channelQuery('referrals.byPartner', { partnerId });
