import { dayOf } from '@shared/days';
import { AppError, type FieldIssue } from '@shared/errors';
import type { ExitResult, FollowUpResult, Participation } from '@shared/participation';
import { requireConsent } from '../consents/guard';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { findParticipant } from '../participants/repo';
import { participationDatesOf, type ParticipationDates } from './dates';
import { readParticipation } from './read';
import { findResults, writeResults } from './repo';

function refuse(issues: FieldIssue[]): void {
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
}

const refused = (i18nKey: string): never => {
  throw new AppError('invalid_input', { issues: [{ path: 'checkedOn', i18nKey }] });
};

/** The participant's dates, refusing a participant never enrolled: without an entry there is no participation. */
function enrolledDates(db: Db, participantId: string): ParticipationDates {
  if (!findParticipant(db, participantId)) throw new AppError('not_found');
  return participationDatesOf(db, participantId) ?? refused('participation.errors.notEnrolled');
}

/** A day checked is neither in the future nor before the entry (nor, for the follow-up, before the exit). */
function dayIssues(checkedOn: string, today: string, earliest: string, beforeKey: string): FieldIssue[] {
  if (checkedOn > today) return [{ path: 'checkedOn', i18nKey: 'participation.errors.dateInFuture' }];
  if (checkedOn < earliest) return [{ path: 'checkedOn', i18nKey: beforeKey }];
  return [];
}

/** Both parts as they stand, with one of them replaced. */
function save(
  db: Db,
  participantId: string,
  change: { exit?: ExitResult | null; followUp?: FollowUpResult | null },
  at: Date,
  by: string,
): Participation {
  const before = findResults(db, participantId);
  const exit = change.exit === undefined ? (before?.exit ?? null) : change.exit;
  const followUp = change.followUp === undefined ? (before?.followUp ?? null) : change.followUp;
  writeResults(db, participantId, { exit, followUp }, at.toISOString(), by);
  return readParticipation(db, participantId);
}

/** The action names what was done to which part; nothing of the answers is logged (whether someone found work is theirs). */
const audited = (action: string) => (_input: unknown, output: { participation: Participation }) => ({
  action,
  entity: 'participant',
  entityId: output.participation.participantId,
});

/**
 * The funder's data of a participation: the situation at exit and the follow-up six months later. Recording needs
 * the participant's consent to processing (or the coordinator's override); taking a wrong entry away does not.
 * Audited by what was done to which part, never with the answers; reading is not audited, since opening the file is.
 */
export const participationHandlers = {
  'participation.get': {
    kind: 'tx',
    run: (input, { db }) => ({ participation: readParticipation(db, input.participantId) }),
  },

  'participation.recordExit': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const dates = enrolledDates(db, input.participantId);
      refuse(dayIssues(input.checkedOn, dayOf(now), dates.entryDate, 'participation.errors.beforeEntry'));
      requireConsent(db, input.participantId, 'processing');
      const { participantId: _id, ...exit } = input;
      return { participation: save(db, input.participantId, { exit }, now, session.userId) };
    },
    audit: audited('participation.recordExit'),
  },

  'participation.recordFollowUp': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const dates = enrolledDates(db, input.participantId);
      const exitDate = dates.exitDate ?? refused('participation.errors.notExited');
      refuse(dayIssues(input.checkedOn, dayOf(now), exitDate, 'participation.errors.beforeExit'));
      requireConsent(db, input.participantId, 'processing');
      const followUp: FollowUpResult =
        input.outcome === 'reached'
          ? { checkedOn: input.checkedOn, outcome: 'reached', employed: input.employed, improved: input.improved }
          : { checkedOn: input.checkedOn, outcome: 'not_reached' };
      return { participation: save(db, input.participantId, { followUp }, now, session.userId) };
    },
    audit: audited('participation.recordFollowUp'),
  },

  'participation.clear': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      if (!findParticipant(db, input.participantId)) throw new AppError('not_found');
      const change = input.part === 'exit' ? { exit: null } : { followUp: null };
      return { participation: save(db, input.participantId, change, now, session.userId) };
    },
    audit: (input, output) =>
      audited(input.part === 'exit' ? 'participation.clearExit' : 'participation.clearFollowUp')(input, output),
  },
} satisfies HandlerGroup;
