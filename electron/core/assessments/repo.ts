import {
  RATERS,
  type Assessment,
  type AssessmentAnswer,
  type AssessmentStage,
  type Instrument,
  type InstrumentDefinition,
  type Rater,
} from '@shared/assessments';
import { dayOf } from '@shared/days';
import { authorshipOf, type AuthorshipRow } from '../db/authorship';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

/** A version's definition as stored, or undefined when the vault has no such version. */
export function definitionOf(db: Db, version: number): InstrumentDefinition | undefined {
  const row = get<{ definition: string }>(db, sql`SELECT definition FROM assessment_instruments WHERE version = ${version}`);
  // Stored only by a migration or an import, both checked against the contract: read back as written.
  return row ? (JSON.parse(row.definition) as InstrumentDefinition) : undefined;
}

/** The current version of the instrument: the highest stored. */
export function currentVersion(db: Db): number {
  const row = get<{ version: number | null }>(db, sql`SELECT max(version) AS version FROM assessment_instruments`);
  if (!row?.version) throw new Error('no assessment instrument stored');
  return row.version;
}

/** The ids of a version's items hidden from new assessments. */
export function hiddenItemsOf(db: Db, version: number): Set<string> {
  const rows = all<{ item_id: string }>(db, sql`SELECT item_id FROM assessment_hidden_items WHERE version = ${version}`);
  return new Set(rows.map((r) => r.item_id));
}

/** A version as the interface reads it, each item with its hidden flag; undefined when not stored. */
export function instrumentOf(db: Db, version: number): Instrument | undefined {
  const definition = definitionOf(db, version);
  if (!definition) return undefined;
  const hidden = hiddenItemsOf(db, version);
  return {
    version: definition.version,
    scales: definition.scales,
    items: definition.items.map((item) => ({ ...item, hidden: hidden.has(item.id) })),
  };
}

/** Hides an item of a version from new assessments, or shows it again. */
export function setItemHidden(db: Db, version: number, itemId: string, hidden: boolean, at: string, by: string): void {
  if (hidden)
    run(
      db,
      sql`INSERT INTO assessment_hidden_items (version, item_id, hidden_at, hidden_by)
          VALUES (${version}, ${itemId}, ${at}, ${by}) ON CONFLICT (version, item_id) DO NOTHING`,
    );
  else run(db, sql`DELETE FROM assessment_hidden_items WHERE version = ${version} AND item_id = ${itemId}`);
}

/**
 * The first day the participant is known to be in the programme: the earliest of the referral date, the start of
 * any enrolment and the day the file was opened. No assessment is dated before it.
 */
export function participantStart(db: Db, participantId: string): string | undefined {
  const row = get<{ referral_date: string | null; created_at: string; first_enrolment: string | null }>(
    db,
    sql`SELECT p.referral_date, p.created_at,
               (SELECT min(e.start_date) FROM enrolments e WHERE e.participant_id = p.id) AS first_enrolment
        FROM participants p WHERE p.id = ${participantId}`,
  );
  if (!row) return undefined;
  const days = [row.referral_date, row.first_enrolment, dayOf(new Date(row.created_at))].filter(
    (day): day is string => day !== null,
  );
  return days.sort()[0];
}

interface AssessmentRow extends AuthorshipRow {
  id: string;
  participant_id: string;
  stage: AssessmentStage;
  date: string;
  instrument_version: number;
}

interface AnswerRow {
  assessment_id: string;
  item_id: string;
  rater: Rater;
  score: number | null;
  text: string | null;
  note: string | null;
  with_interpreter: number;
  language: string | null;
}

/** The participant's assessments, in stage order, each with its answers in the order saved. */
export function assessmentsOf(db: Db, participantId: string): Assessment[] {
  const rows = all<AssessmentRow>(
    db,
    sql`SELECT a.id, a.participant_id, a.stage, a.date, a.instrument_version, a.created_at, a.created_by,
               c.display_name AS created_by_name, a.updated_at, a.updated_by, u.display_name AS updated_by_name
        FROM assessments a
        LEFT JOIN users c ON c.id = a.created_by
        LEFT JOIN users u ON u.id = a.updated_by
        WHERE a.participant_id = ${participantId}
        ORDER BY CASE a.stage WHEN 'intake' THEN 0 WHEN 'midpoint' THEN 1 WHEN 'exit' THEN 2
                              WHEN 'followUp3' THEN 3 ELSE 4 END`,
  );
  const answers = all<AnswerRow>(
    db,
    sql`SELECT s.assessment_id, s.item_id, s.rater, s.score, s.text, s.note, s.with_interpreter, s.language
        FROM assessment_answers s JOIN assessments a ON a.id = s.assessment_id
        WHERE a.participant_id = ${participantId}
        ORDER BY s.assessment_id, s.position`,
  );
  const byAssessment = new Map<string, AssessmentAnswer[]>();
  for (const a of answers) {
    const list = byAssessment.get(a.assessment_id) ?? [];
    list.push({
      itemId: a.item_id,
      rater: a.rater,
      score: a.score,
      text: a.text,
      note: a.note,
      withInterpreter: a.with_interpreter === 1,
      language: a.language,
    });
    byAssessment.set(a.assessment_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    participantId: row.participant_id,
    stage: row.stage,
    date: row.date,
    version: row.instrument_version,
    answers: byAssessment.get(row.id) ?? [],
    ...authorshipOf(row),
  }));
}

/**
 * The participant's assessments in stage order and every instrument version they were made with (each with its
 * hidden flags): what `assessments.list` answers and the printed progress picture reads, so that each assessment
 * reads with its own version.
 */
export function assessmentsWithVersions(db: Db, participantId: string): { assessments: Assessment[]; instruments: Instrument[] } {
  const assessments = assessmentsOf(db, participantId);
  const versions = [...new Set(assessments.map((a) => a.version))].sort((a, b) => a - b);
  // A version an assessment names is always stored: the foreign key keeps it.
  const instruments = versions.map((version) => instrumentOf(db, version)).filter((i): i is Instrument => i !== undefined);
  return { assessments, instruments };
}

/** An answer as stored: only the score of a scored item, only the text of a written one. */
export type AnswerToStore = AssessmentAnswer;

/** The answers in the version's order of items, the participant's view before the caseworker's. */
export function inItemOrder(answers: AnswerToStore[], definition: InstrumentDefinition): AnswerToStore[] {
  const position = new Map(definition.items.map((item, i) => [item.id, i]));
  const rank = (a: AnswerToStore) => (position.get(a.itemId) ?? 0) * RATERS.length + RATERS.indexOf(a.rater);
  return [...answers].sort((a, b) => rank(a) - rank(b));
}

function insertAnswers(db: Db, assessmentId: string, answers: AnswerToStore[]): void {
  answers.forEach((a, position) => {
    run(
      db,
      sql`INSERT INTO assessment_answers
            (assessment_id, item_id, rater, position, score, text, note, with_interpreter, language)
          VALUES (${assessmentId}, ${a.itemId}, ${a.rater}, ${position}, ${a.score}, ${a.text}, ${a.note},
                  ${a.withInterpreter ? 1 : 0}, ${a.language})`,
    );
  });
}

export interface AssessmentToStore {
  id: string;
  participantId: string;
  stage: AssessmentStage;
  date: string;
  version: number;
  answers: AnswerToStore[];
}

/** Stores a new assessment of a stage with its answers. */
export function insertAssessment(db: Db, a: AssessmentToStore, at: string, by: string): void {
  run(
    db,
    sql`INSERT INTO assessments
          (id, participant_id, stage, date, instrument_version, created_at, created_by, updated_at, updated_by)
        VALUES (${a.id}, ${a.participantId}, ${a.stage}, ${a.date}, ${a.version}, ${at}, ${by}, ${at}, ${by})`,
  );
  insertAnswers(db, a.id, a.answers);
}

/** Replaces a stored assessment's day, version and answers, whole. */
export function replaceAssessment(db: Db, a: AssessmentToStore, at: string, by: string): void {
  run(db, sql`DELETE FROM assessment_answers WHERE assessment_id = ${a.id}`);
  run(
    db,
    sql`UPDATE assessments SET date = ${a.date}, instrument_version = ${a.version}, updated_at = ${at}, updated_by = ${by}
        WHERE id = ${a.id}`,
  );
  insertAnswers(db, a.id, a.answers);
}
