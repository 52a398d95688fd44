import { randomBytes } from 'node:crypto';
import { COHORT_LENGTH_WEEKS, type CohortSummary, type Enrolment } from '@shared/cohorts';
import { AppError } from '@shared/errors';
import { requireConsent } from '../consents/guard';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { findParticipant } from '../participants/repo';
import {
  cohortNameInUse,
  endEnrolment,
  findCohort,
  findEnrolment,
  findOpenEnrolment,
  insertCohort,
  insertEnrolment,
  listCohorts,
  listEnrolments,
} from './repo';

const newId = () => randomBytes(16).toString('hex');

function assertParticipant(db: Db, participantId: string): void {
  if (!findParticipant(db, participantId)) throw new AppError('not_found');
}

const invalid = (path: string, key: string) =>
  new AppError('invalid_input', { issues: [{ path, i18nKey: `registry.cohorts.problems.${key}` }] });

function storedCohort(cohort: CohortSummary | undefined): CohortSummary {
  if (!cohort) throw new Error('cohort vanished');
  return cohort;
}

function storedEnrolment(enrolment: Enrolment | undefined): Enrolment {
  if (!enrolment) throw new Error('enrolment vanished');
  return enrolment;
}

/**
 * Cohorts and enrolments. A participant is in at most one cohort at a time (a partial unique index backs the
 * check here). Enrolment changes are audited under the participant as `enrolment:<id>`; a new cohort under
 * the cohort. No names or reasons go into the audit.
 */
export const cohortHandlers = {
  'cohorts.list': { kind: 'tx', run: (_input, { db }) => listCohorts(db) },

  'cohorts.enrolments': {
    kind: 'tx',
    run: (input, { db }) => {
      assertParticipant(db, input.participantId);
      return listEnrolments(db, input.participantId);
    },
  },

  'cohorts.create': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      if (cohortNameInUse(db, input.name)) throw invalid('name', 'nameTaken');
      const id = newId();
      insertCohort(db, {
        id,
        name: input.name,
        startDate: input.startDate,
        lengthWeeks: input.lengthWeeks ?? COHORT_LENGTH_WEEKS.default,
        createdBy: session.userId,
        createdAt: now.toISOString(),
      });
      return { cohort: storedCohort(findCohort(db, id)) };
    },
    audit: (_input, output) => ({ action: 'cohorts.create', entity: 'cohort', entityId: output.cohort.id }),
  },

  'cohorts.enrol': {
    kind: 'tx',
    run: (input, { db }) => {
      assertParticipant(db, input.participantId);
      if (!findCohort(db, input.cohortId)) throw new AppError('not_found');
      requireConsent(db, input.participantId, 'processing');
      if (findOpenEnrolment(db, input.participantId)) throw invalid('cohortId', 'alreadyEnrolled');
      const id = newId();
      insertEnrolment(db, { id, participantId: input.participantId, cohortId: input.cohortId, startDate: input.startDate });
      return { enrolment: storedEnrolment(findEnrolment(db, id)) };
    },
    audit: (input, output) => ({
      action: 'cohorts.enrol',
      entity: 'participant',
      entityId: input.participantId,
      detail: `enrolment:${output.enrolment.id}`,
    }),
  },

  'cohorts.endEnrolment': {
    kind: 'tx',
    run: (input, { db }) => {
      const enrolment = findEnrolment(db, input.id);
      if (!enrolment) throw new AppError('not_found');
      if (enrolment.endDate !== null) throw invalid('id', 'alreadyEnded');
      if (input.endDate < enrolment.startDate) throw invalid('endDate', 'endBeforeStart');
      endEnrolment(db, input.id, { endDate: input.endDate, outcome: input.outcome, reason: input.reason ?? null });
      return { enrolment: storedEnrolment(findEnrolment(db, input.id)) };
    },
    audit: (_input, output) => ({
      action: 'cohorts.endEnrolment',
      entity: 'participant',
      entityId: output.enrolment.participantId,
      detail: `enrolment:${output.enrolment.id}`,
    }),
  },
} satisfies HandlerGroup;
