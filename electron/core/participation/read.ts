import { AppError } from '@shared/errors';
import { entryAgeClass, followUpDueOn, type Participation } from '@shared/participation';
import type { Db } from '../db/open';
import { findParticipant } from '../participants/repo';
import { participationDatesOf } from './dates';
import { findResults } from './repo';

/**
 * A participant's participation as the file's form and the case summary show it: the dates, what the intake holds,
 * what is recorded. `not_found` for an unknown participant.
 */
export function readParticipation(db: Db, participantId: string): Participation {
  const participant = findParticipant(db, participantId);
  if (!participant) throw new AppError('not_found');
  const dates = participationDatesOf(db, participantId);
  const results = findResults(db, participantId);
  const exitDate = dates?.exitDate ?? null;
  return {
    participantId,
    entryDate: dates?.entryDate ?? null,
    exitDate,
    followUpDue: exitDate === null ? null : followUpDueOn(exitDate),
    entry: {
      labourMarketStatus: participant.labourMarketStatusAtEntry,
      ageClass: entryAgeClass(participant, dates?.entryDate ?? null),
      education: participant.educationIsced,
    },
    exit: results?.exit ?? null,
    followUp: results?.followUp ?? null,
    updatedAt: results?.updatedAt ?? null,
    updatedByName: results?.updatedByName ?? null,
  };
}
