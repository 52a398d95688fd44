/**
 * The vault side of a cohort's change from intake to exit (`assessments.cohortChange`): who counts, which answer
 * counts, read in four queries whatever the cohort's size, then counted by `cohortChange` (./change.ts).
 *
 * - **Who counts**: every participant ever enrolled in the cohort (open or ended enrolment, in the group or in
 *   individual guidance), once each. Someone who left early counts too, as "cannot compare" unless both their
 *   intake and their exit were recorded: the table then says how many of the group the figures speak for.
 * - **Which answer counts**: an item the participant rates counts by the participant's own view (the self-rating is
 *   the point of those items: the self-confidence ladder), every other item by the caseworker's. One rater an item,
 *   the same at both stages, so a participant's intake is never compared with the caseworker's exit.
 * - An answer's position is its score minus its scale's first score (`scoreRange`), read in the version the
 *   assessment was made with; written answers and items a version does not have do not count.
 * - The domains are the current instrument's scored ones, in its order (work history and wishes are not scored).
 */
import {
  scoreRange,
  type AssessmentDomain,
  type DomainChangeCounts,
  type InstrumentDefinition,
  type Rater,
} from '@shared/assessments';
import { AppError } from '@shared/errors';
import type { Db } from '../db/open';
import { all, get, sql } from '../db/sql';
import type { HandlerGroup } from '../handler';
import { cohortChange, type ParticipantChangeInput } from './change';
import { currentVersion, definitionOf } from './repo';

/** The scored domains of a version, in the order its items are asked. */
export function scoredDomains(definition: InstrumentDefinition): AssessmentDomain[] {
  const domains: AssessmentDomain[] = [];
  for (const item of definition.items) if (item.scale !== 'text' && !domains.includes(item.domain)) domains.push(item.domain);
  return domains;
}

/** The rater whose answer to an item counts in the change: the participant's own view where it is asked. */
export function countingRater(raters: readonly Rater[]): Rater {
  return raters.includes('participant') ? 'participant' : 'caseworker';
}

/** Per item id of a version: its domain, the rater that counts and the scale's first score. */
type CountedItems = Map<string, { domain: AssessmentDomain; rater: Rater; first: number }>;

function countedItems(definition: InstrumentDefinition): CountedItems {
  const items: CountedItems = new Map();
  for (const item of definition.items) {
    if (item.scale === 'text') continue;
    items.set(item.id, { domain: item.domain, rater: countingRater(item.raters), first: scoreRange(item.scale).min });
  }
  return items;
}

interface AssessmentRow {
  id: string;
  participant_id: string;
  stage: 'intake' | 'exit';
  instrument_version: number;
}

interface ScoreRow {
  assessment_id: string;
  item_id: string;
  rater: Rater;
  score: number;
}

/** The cohort's change per scored domain, or `not_found` for a cohort not stored. */
export function readCohortChange(db: Db, cohortId: string): DomainChangeCounts[] {
  const cohort = get<{ participants: number }>(
    db,
    sql`SELECT (SELECT count(DISTINCT e.participant_id) FROM enrolments e WHERE e.cohort_id = c.id) AS participants
          FROM cohorts c WHERE c.id = ${cohortId}`,
  );
  if (!cohort) throw new AppError('not_found');
  const current = definitionOf(db, currentVersion(db));
  if (!current) throw new Error('current instrument not stored');

  const assessments = all<AssessmentRow>(
    db,
    sql`SELECT a.id, a.participant_id, a.stage, a.instrument_version
          FROM assessments a
         WHERE a.stage IN ('intake', 'exit')
           AND a.participant_id IN (SELECT e.participant_id FROM enrolments e WHERE e.cohort_id = ${cohortId})`,
  );
  const scores = all<ScoreRow>(
    db,
    sql`SELECT s.assessment_id, s.item_id, s.rater, s.score
          FROM assessment_answers s
          JOIN assessments a ON a.id = s.assessment_id
         WHERE s.score IS NOT NULL AND a.stage IN ('intake', 'exit')
           AND a.participant_id IN (SELECT e.participant_id FROM enrolments e WHERE e.cohort_id = ${cohortId})`,
  );

  const versions = new Map<number, CountedItems>();
  const itemsOf = (version: number): CountedItems => {
    let items = versions.get(version);
    if (!items) {
      const definition = version === current.version ? current : definitionOf(db, version);
      items = definition ? countedItems(definition) : new Map();
      versions.set(version, items);
    }
    return items;
  };

  type Stage = Record<string, Record<string, number>>;
  const byAssessment = new Map<string, { stage: Stage; items: CountedItems }>();
  const byParticipant = new Map<string, ParticipantChangeInput>();
  for (const a of assessments) {
    const stage: Stage = {};
    byAssessment.set(a.id, { stage, items: itemsOf(a.instrument_version) });
    const input = byParticipant.get(a.participant_id) ?? {};
    input[a.stage] = stage;
    byParticipant.set(a.participant_id, input);
  }
  for (const s of scores) {
    const found = byAssessment.get(s.assessment_id);
    const item = found?.items.get(s.item_id);
    if (!found || !item || item.rater !== s.rater) continue;
    (found.stage[item.domain] ??= {})[s.item_id] = s.score - item.first;
  }

  // Everyone enrolled counts; those with no intake or exit at all are the ones not in the map.
  const participants = [...byParticipant.values()];
  for (let i = participants.length; i < cohort.participants; i++) participants.push({});
  return cohortChange(scoredDomains(current), participants);
}

/** `assessments.cohortChange`: counts only, so it is not audited (no file is opened). */
export const cohortChangeHandlers = {
  'assessments.cohortChange': {
    kind: 'tx',
    run: (input, { db }) => ({ domains: readCohortChange(db, input.cohortId) }),
  },
} satisfies HandlerGroup;
