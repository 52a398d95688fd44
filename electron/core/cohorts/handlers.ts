import { randomBytes } from 'node:crypto';
import {
  COHORT_DEFAULTS,
  COHORT_LENGTH_WEEKS,
  type CohortDetail,
  type CohortMember,
  type CohortSummary,
  type EnrolCandidate,
  type Enrolment,
} from '@shared/cohorts';
import { AppError, type FieldIssue } from '@shared/errors';
import { addDays } from '@shared/days';
import { CALENDAR_YEARS, generateSchedule } from '@shared/programme-calendar';
import { appendAudit } from '../audit/audit';
import { consentStanding, requireConsent } from '../consents/guard';
import type { Db } from '../db/open';
import type { HandlerGroup } from '../handler';
import { programmeName } from '../participants/projection';
import { findListedParticipant, findParticipant } from '../participants/repo';
import { programmeProblem } from '../sessions/problems';
import { insertSession, isActiveUser } from '../sessions/repo';
import {
  cohortNameInUse,
  endEnrolment,
  findCohort,
  findCohortDetail,
  findEnrolment,
  findOpenEnrolment,
  insertCohort,
  insertEnrolment,
  listCohortEnrolments,
  listCohorts,
  listStaffOptions,
  listEnrolments,
  listEnrolCandidateIds,
  renameCohort,
  setCohortPlace,
  setCohortStaff,
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

function storedDetail(cohort: CohortDetail | undefined): CohortDetail {
  if (!cohort) throw new Error('cohort vanished');
  return cohort;
}

function storedEnrolment(enrolment: Enrolment | undefined): Enrolment {
  if (!enrolment) throw new Error('enrolment vanished');
  return enrolment;
}

/** Staff of a cohort must be active accounts; anything else is refused on `staffIds`. */
function assertStaff(db: Db, staffIds: readonly string[]): void {
  if (staffIds.some((id) => !isActiveUser(db, id))) throw programmeProblem('staffIds', 'staffUnknown');
}

/**
 * Cohorts and enrolments. A participant is in at most one cohort at a time (a partial unique index backs the
 * check here). Enrolment changes are audited under the participant as `enrolment:<id>`; cohort changes under
 * the cohort with the changed field names. No names, places or reasons go into the audit.
 */
export const cohortHandlers = {
  'cohorts.list': { kind: 'tx', run: (_input, { db }) => listCohorts(db) },

  'cohorts.staffOptions': { kind: 'tx', run: (_input, { db }) => listStaffOptions(db) },

  'cohorts.enrolments': {
    kind: 'tx',
    run: (input, { db }) => {
      assertParticipant(db, input.participantId);
      return listEnrolments(db, input.participantId);
    },
  },

  'cohorts.get': {
    kind: 'tx',
    run: (input, { db }) => {
      const cohort = findCohortDetail(db, input.id);
      if (!cohort) throw new AppError('not_found');
      return cohort;
    },
  },

  'cohorts.members': {
    kind: 'tx',
    run: (input, { db, session }) => {
      if (!findCohort(db, input.id)) throw new AppError('not_found');
      return listCohortEnrolments(db, input.id).map((enrolment): CohortMember => {
        const participant = findListedParticipant(db, enrolment.participantId);
        if (!participant) throw new Error('participant vanished');
        return {
          enrolmentId: enrolment.id,
          participantId: enrolment.participantId,
          ...programmeName(session.role, participant),
          startDate: enrolment.startDate,
          endDate: enrolment.endDate,
          mode: enrolment.mode,
          outcome: enrolment.outcome,
        };
      });
    },
  },

  'cohorts.create': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      if (cohortNameInUse(db, input.name)) throw invalid('name', 'nameTaken');
      const staffIds = input.staffIds ?? [];
      assertStaff(db, staffIds);
      const id = newId();
      const rhythm = {
        startDate: input.startDate,
        lengthWeeks: input.lengthWeeks ?? COHORT_LENGTH_WEEKS.default,
        weekdays: input.weekdays ?? COHORT_DEFAULTS.weekdays,
        startTime: input.startTime ?? COHORT_DEFAULTS.startTime,
        endTime: input.endTime ?? COHORT_DEFAULTS.endTime,
      };
      // The calendar covers the years 1900-2200 (shared/programme-calendar.ts); a cohort outside them is a typo.
      const yearOf = (date: string) => Number(date.split('-')[0]);
      const lastDay = addDays(rhythm.startDate, rhythm.lengthWeeks * 7 - 1);
      if (yearOf(rhythm.startDate) < CALENDAR_YEARS.min || yearOf(lastDay) > CALENDAR_YEARS.max)
        throw programmeProblem('startDate', 'dateOutOfRange');
      const place = input.place ?? null;
      const createdAt = now.toISOString();
      insertCohort(db, { id, name: input.name, ...rhythm, place, createdBy: session.userId, createdAt });
      setCohortStaff(db, id, staffIds);
      const schedule = generateSchedule(rhythm);
      for (const planned of schedule.planned)
        insertSession(db, {
          id: newId(),
          cohortId: id,
          ...planned,
          place,
          topic: null,
          facilitatorId: null,
          extra: false,
          createdAt,
        });
      return { cohort: storedCohort(findCohort(db, id)), sessions: schedule.planned.length, skipped: schedule.skipped };
    },
    audit: (_input, output) => ({ action: 'cohorts.create', entity: 'cohort', entityId: output.cohort.id }),
  },

  'cohorts.update': {
    kind: 'tx',
    run: (input, { db }) => {
      if (!findCohort(db, input.id)) throw new AppError('not_found');
      if (input.name !== undefined) {
        if (cohortNameInUse(db, input.name, input.id)) throw invalid('name', 'nameTaken');
        renameCohort(db, input.id, input.name);
      }
      if (input.place !== undefined) setCohortPlace(db, input.id, input.place);
      if (input.staffIds !== undefined) {
        assertStaff(db, input.staffIds);
        setCohortStaff(db, input.id, input.staffIds);
      }
      return { cohort: storedDetail(findCohortDetail(db, input.id)) };
    },
    audit: (input) => {
      const changed = (['name', 'place', 'staffIds'] as const).filter((field) => input[field] !== undefined);
      return {
        action: 'cohorts.update',
        entity: 'cohort',
        entityId: input.id,
        ...(changed.length > 0 ? { detail: changed.join(',') } : {}),
      };
    },
  },

  'cohorts.enrol': {
    kind: 'tx',
    run: (input, { db }) => {
      assertParticipant(db, input.participantId);
      if (!findCohort(db, input.cohortId)) throw new AppError('not_found');
      requireConsent(db, input.participantId, 'processing');
      if (findOpenEnrolment(db, input.participantId)) throw invalid('cohortId', 'alreadyEnrolled');
      const id = newId();
      insertEnrolment(db, {
        id,
        participantId: input.participantId,
        cohortId: input.cohortId,
        startDate: input.startDate,
        mode: input.mode ?? 'group',
      });
      return { enrolment: storedEnrolment(findEnrolment(db, id)) };
    },
    audit: (input, output) => ({
      action: 'cohorts.enrol',
      entity: 'participant',
      entityId: input.participantId,
      detail: `enrolment:${output.enrolment.id}`,
    }),
  },

  'cohorts.enrolCandidates': {
    kind: 'tx',
    run: (input, { db, session }) => {
      if (!findCohort(db, input.cohortId)) throw new AppError('not_found');
      return listEnrolCandidateIds(db).map((participantId): EnrolCandidate => {
        const participant = findListedParticipant(db, participantId);
        if (!participant) throw new Error('participant vanished');
        return {
          participantId,
          ...programmeName(session.role, participant),
          consent: consentStanding(db, participantId, 'processing') !== null,
        };
      });
    },
  },

  /**
   * Every participant is checked before any is enrolled, and every refusal is named (by pseudonym code, never a
   * name) so that the form can list them at once. Each enrolment is audited under its participant as a single
   * enrolment is; the call itself under the cohort with the count.
   */
  'cohorts.enrolMany': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      if (!findCohort(db, input.cohortId)) throw new AppError('not_found');
      const issues: FieldIssue[] = [];
      for (const participantId of input.participantIds) {
        const participant = findListedParticipant(db, participantId);
        const problem = (key: string) =>
          issues.push({
            path: 'participantIds',
            i18nKey: `programme.enrol.problems.${key}`,
            ...(participant ? { values: { code: participant.pseudonym } } : {}),
          });
        if (!participant) problem('unknown');
        else if (consentStanding(db, participantId, 'processing') === null) problem('noConsent');
        else if (findOpenEnrolment(db, participantId)) problem('alreadyEnrolled');
      }
      if (issues.length > 0) throw new AppError('invalid_input', { issues });
      const enrolments = input.participantIds.map((participantId) => {
        const id = newId();
        insertEnrolment(db, {
          id,
          participantId,
          cohortId: input.cohortId,
          startDate: input.startDate,
          mode: input.mode ?? 'group',
        });
        appendAudit(
          db,
          {
            userId: session.userId,
            action: 'cohorts.enrol',
            entity: 'participant',
            entityId: participantId,
            outcome: 'ok',
            detail: `enrolment:${id}`,
          },
          now,
        );
        return storedEnrolment(findEnrolment(db, id));
      });
      return { enrolments };
    },
    audit: (input, output) => ({
      action: 'cohorts.enrolMany',
      entity: 'cohort',
      entityId: input.cohortId,
      detail: `enrolments:${output.enrolments.length}`,
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
