import type { LimitedParticipant, Participant, ParticipantPage, ParticipantRow, ParticipantView } from '@shared/participants';
import { roleHolds, type Role } from '@shared/roles';
import type { ListedParticipant } from './repo';

/**
 * How much of a participant a role may see. Decided here, in the core, so that the interface never receives
 * what it must not show: `participants.read` gives the whole record, `participants.readLimited` alone only
 * the pseudonym, first name and cohort (shared/roles.ts).
 */
export function participantViewOf(role: Role): 'full' | 'limited' {
  return roleHolds(role, 'participants.read') ? 'full' : 'limited';
}

/** The limited view, built field by field so that a new column never slips into it. */
export function limitedProjection(
  participant: Pick<ListedParticipant, 'id' | 'pseudonym' | 'firstName' | 'cohortName'>,
): LimitedParticipant {
  return {
    id: participant.id,
    pseudonym: participant.pseudonym,
    firstName: participant.firstName,
    cohortName: participant.cohortName,
  };
}

/** The whole record, without the cohort: a full reader sees enrolments through the cohort channels. */
function recordOf(listed: ListedParticipant): Participant {
  const { cohortId: _cohortId, cohortName: _cohortName, ...record } = listed;
  return record;
}

/** A registry row: the record without contact details and notes, with the current cohort. */
export function rowProjection(p: ListedParticipant & { safetyFlags: number }): ParticipantRow {
  return {
    id: p.id,
    pseudonym: p.pseudonym,
    firstName: p.firstName,
    lastName: p.lastName,
    preferredName: p.preferredName,
    birthYear: p.birthYear,
    ageBand: p.ageBand,
    gender: p.gender,
    languages: p.languages,
    interpreterNeeded: p.interpreterNeeded,
    nationalAssistanceStatus: p.nationalAssistanceStatus,
    referralSourceType: p.referralSourceType,
    referralDate: p.referralDate,
    workAbility: p.workAbility,
    responsibleCaseworkerId: p.responsibleCaseworkerId,
    responsibleCaseworkerName: p.responsibleCaseworkerName,
    cohortId: p.cohortId,
    cohortName: p.cohortName,
    safetyFlags: p.safetyFlags,
    status: p.status,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** One opened participant as `role` may see it. */
export function projectParticipant(role: Role, participant: ListedParticipant): ParticipantView {
  return participantViewOf(role) === 'full'
    ? { view: 'full', participant: recordOf(participant) }
    : { view: 'limited', participant: limitedProjection(participant) };
}

/** A registry page as `role` may see it. */
export function projectPage(
  role: Role,
  participants: readonly (ListedParticipant & { safetyFlags: number })[],
  total: number,
): ParticipantPage {
  return participantViewOf(role) === 'full'
    ? { view: 'full', rows: participants.map(rowProjection), total }
    : { view: 'limited', rows: participants.map(limitedProjection), total };
}

/** The parts of a participant a list names them by. */
export type NamedParticipant = Pick<ListedParticipant, 'pseudonym' | 'firstName' | 'lastName' | 'cohortName' | 'id'>;

/**
 * How a participant is named in lists outside the registry (cohort members, attendance, the Referrals page) for
 * `role`: the limited view's first name and code for a limited reader, the whole name for a full reader. Built on
 * the projections above, so a limited reader never gets more here than in the registry.
 */
export function programmeName(role: Role, participant: NamedParticipant): { displayName: string; pseudonym: string } {
  if (participantViewOf(role) === 'limited') {
    const limited = limitedProjection(participant);
    return { displayName: limited.firstName ?? limited.pseudonym, pseudonym: limited.pseudonym };
  }
  const name = [participant.firstName, participant.lastName].filter((part): part is string => !!part).join(' ');
  return { displayName: name === '' ? participant.pseudonym : name, pseudonym: participant.pseudonym };
}
