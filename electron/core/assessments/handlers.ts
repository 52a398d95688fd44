import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  ASSESSMENT_STAGES,
  scoreRange,
  type saveAssessmentInput,
  type Assessment,
  type Instrument,
  type InstrumentDefinition,
  type StageStanding,
} from '@shared/assessments';
import { dayOf } from '@shared/days';
import { AppError, type FieldIssue } from '@shared/errors';
import { requireConsent } from '../consents/guard';
import type { Db } from '../db/open';
import { get, sql } from '../db/sql';
import type { HandlerGroup } from '../handler';
import { readStagesDue } from './due-reader';
import {
  assessmentsOf,
  assessmentsWithVersions,
  currentVersion,
  definitionOf,
  hiddenItemsOf,
  inItemOrder,
  insertAssessment,
  instrumentOf,
  participantStart,
  replaceAssessment,
  setItemHidden,
  type AnswerToStore,
} from './repo';

type SaveInput = z.output<typeof saveAssessmentInput>;

const newId = () => randomBytes(16).toString('hex');

function requireParticipant(db: Db, participantId: string): void {
  if (!get(db, sql`SELECT 1 FROM participants WHERE id = ${participantId}`)) throw new AppError('not_found');
}

function storedInstrument(db: Db, version: number): Instrument {
  const found = instrumentOf(db, version);
  if (!found) throw new AppError('not_found');
  return found;
}

/** Throws `invalid_input` with the issues, when there are any. */
function refuse(issues: FieldIssue[]): void {
  if (issues.length > 0) throw new AppError('invalid_input', { issues });
}

/**
 * The answers checked against the items of the assessment's own version, each refusal on its field: an item not in
 * the version, one hidden from new assessments (unless this assessment already answered it), a rater the item does
 * not ask, a score missing or outside the item's scale, a written answer missing. A scored item keeps only its
 * score and a written one only its text.
 */
function checkedAnswers(input: SaveInput, definition: InstrumentDefinition, hidden: Set<string>, answeredBefore: Set<string>) {
  const items = new Map(definition.items.map((item) => [item.id, item]));
  const issues: FieldIssue[] = [];
  const answers: AnswerToStore[] = input.answers.map((answer, i) => {
    const at = (field: string) => `answers.${i}.${field}`;
    const item = items.get(answer.itemId);
    const stored: AnswerToStore = { ...answer };
    if (!item) {
      issues.push({ path: at('itemId'), i18nKey: 'assessments.errors.itemNotInVersion' });
      return stored;
    }
    if (hidden.has(item.id) && !answeredBefore.has(item.id))
      issues.push({ path: at('itemId'), i18nKey: 'assessments.errors.itemHidden' });
    if (!item.raters.includes(answer.rater)) issues.push({ path: at('rater'), i18nKey: 'assessments.errors.raterNotAsked' });
    if (item.scale === 'text') {
      if (answer.text === null) issues.push({ path: at('text'), i18nKey: 'assessments.errors.textRequired' });
      return { ...stored, score: null };
    }
    const { min, max } = scoreRange(item.scale);
    if (answer.score === null) issues.push({ path: at('score'), i18nKey: 'assessments.errors.scoreRequired' });
    else if (answer.score < min || answer.score > max)
      issues.push({ path: at('score'), i18nKey: 'assessments.errors.scoreOutOfScale' });
    return { ...stored, text: null };
  });
  return { issues, answers: inItemOrder(answers, definition) };
}

/** The day is neither in the future (the workstation's clock) nor before the participant joined the programme. */
function dateIssues(db: Db, input: SaveInput, now: Date): FieldIssue[] {
  if (input.date > dayOf(now)) return [{ path: 'date', i18nKey: 'assessments.errors.dateInFuture' }];
  const start = participantStart(db, input.participantId);
  if (start !== undefined && input.date < start) return [{ path: 'date', i18nKey: 'assessments.errors.beforeIntake' }];
  return [];
}

/**
 * Each stage of the participant with its due date and status on `today`. Someone never enrolled has no due dates:
 * a stage not recorded is `upcoming` with no date, so that the file still shows it as missing.
 */
function stagesOf(db: Db, participantId: string, assessments: readonly Assessment[], today: string): StageStanding[] {
  const recorded = Object.fromEntries(assessments.map((a) => [a.stage, a.date]));
  return (
    readStagesDue(db, participantId, recorded, today) ??
    ASSESSMENT_STAGES.map((stage) => {
      const recordedOn = recorded[stage] ?? null;
      return { stage, dueDate: null, status: recordedOn ? 'done' : 'upcoming', recordedOn, provisional: false };
    })
  );
}

function saved(db: Db, participantId: string, id: string): Assessment {
  const found = assessmentsOf(db, participantId).find((a) => a.id === id);
  if (!found) throw new Error('assessment vanished');
  return found;
}

/**
 * Assessments and their instrument. Saving needs the participant's consent to processing, or the coordinator's
 * override, and is audited with the assessment's id and stage only (never an answer); reads are not audited, since
 * opening the file is. Hiding an item is audited with the version and the item's id.
 */
export const assessmentHandlers = {
  'assessments.instrument': {
    kind: 'tx',
    run: (input, { db }) => {
      const current = currentVersion(db);
      return { instrument: storedInstrument(db, input.version ?? current), current };
    },
  },

  'assessments.list': {
    kind: 'tx',
    run: (input, { db, now }) => {
      requireParticipant(db, input.participantId);
      const listed = assessmentsWithVersions(db, input.participantId);
      return { ...listed, stages: stagesOf(db, input.participantId, listed.assessments, dayOf(now)) };
    },
  },

  'assessments.save': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      requireParticipant(db, input.participantId);
      const before = assessmentsOf(db, input.participantId).find((a) => a.stage === input.stage);
      const definition = definitionOf(db, input.version);
      if (!definition)
        throw new AppError('invalid_input', { issues: [{ path: 'version', i18nKey: 'assessments.errors.unknownVersion' }] });
      const answeredBefore = new Set(before?.version === input.version ? before.answers.map((a) => a.itemId) : []);
      const checked = checkedAnswers(input, definition, hiddenItemsOf(db, input.version), answeredBefore);
      refuse([...dateIssues(db, input, now), ...checked.issues]);
      requireConsent(db, input.participantId, 'processing');
      if (input.baseUpdatedAt === null && before) refuse([{ path: 'stage', i18nKey: 'assessments.errors.stageRecorded' }]);
      // Someone saved this stage since the form read it (or it is gone): saving now would silently undo their work.
      if (input.baseUpdatedAt !== null && before?.updatedAt !== input.baseUpdatedAt)
        refuse([{ path: 'baseUpdatedAt', i18nKey: 'assessments.errors.stale' }]);
      const at = now.toISOString();
      const toStore = {
        id: before?.id ?? newId(),
        participantId: input.participantId,
        stage: input.stage,
        date: input.date,
        version: input.version,
        answers: checked.answers,
      };
      if (before) replaceAssessment(db, toStore, at, session.userId);
      else insertAssessment(db, toStore, at, session.userId);
      return { assessment: saved(db, input.participantId, toStore.id) };
    },
    audit: (input, output) => ({
      ...(input.baseUpdatedAt === null ? { action: 'assessments.create' } : { action: 'assessments.update' }),
      entity: 'participant',
      entityId: output.assessment.participantId,
      detail: `assessment:${output.assessment.id};stage:${output.assessment.stage}`,
    }),
  },

  'assessments.hideItem': {
    kind: 'tx',
    run: (input, { db, session, now }) => {
      const instrument = storedInstrument(db, input.version);
      if (!instrument.items.some((item) => item.id === input.itemId))
        refuse([{ path: 'itemId', i18nKey: 'assessments.errors.itemNotInVersion' }]);
      setItemHidden(db, input.version, input.itemId, input.hidden, now.toISOString(), session.userId);
      return { instrument: storedInstrument(db, input.version) };
    },
    audit: (input) => ({
      ...(input.hidden ? { action: 'assessments.hideItem' } : { action: 'assessments.showItem' }),
      entity: 'instrument',
      entityId: String(input.version),
      detail: `item:${input.itemId}`,
    }),
  },
} satisfies HandlerGroup;

/** The cohort's change from intake to exit: counts only, read and counted in ./cohort-change.ts. */
export { cohortChangeHandlers } from './cohort-change';
