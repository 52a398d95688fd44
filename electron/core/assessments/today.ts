/**
 * What the assessments put on the Today page: the stages due this week (within DUE_WINDOW_DAYS of their due date)
 * or overdue, of every participant whose file is open, the user's own first.
 */
import { ASSESSMENT_STAGES, type AssessmentStage } from '@shared/assessments';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import { stagesDue, type DueBasis, type StageDue } from './due';
import { readDueBases } from './due-reader';

export interface DueAssessment {
  participantId: string;
  stage: AssessmentStage;
  due: string;
  overdue: boolean;
  /** The user is the participant's responsible caseworker. */
  mine: boolean;
}

/**
 * Stages due or overdue on `today`: the user's own participants (whose responsible caseworker they are) first,
 * then overdue before due, then by due date and the participant's code. At most `limit`, with the total. Four
 * queries whatever the number of participants: who is enrolled, their bases (two), and the stages they have.
 */
export function dueAssessmentsOf(
  db: Db,
  { userId, today, limit }: { userId: string; today: string; limit: number },
): { rows: DueAssessment[]; total: number } {
  const people = all<{ id: string; pseudonym: string; mine: number }>(
    db,
    // Driven from the enrolments, which are few beside the participants of every year.
    sql`SELECT DISTINCT p.id, p.pseudonym, p.responsible_caseworker_id IS ${userId} AS mine
        FROM enrolments e JOIN participants p ON p.id = e.participant_id
        WHERE p.status <> 'closed'`,
  );
  const ids = people.map((p) => p.id);
  const bases = readDueBases(db, ids);
  const recorded = new Map<string, Partial<Record<AssessmentStage, string>>>();
  for (const row of all<{ participant_id: string; stage: AssessmentStage; date: string }>(
    db,
    sql`SELECT participant_id, stage, date FROM assessments
        WHERE participant_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  )) {
    const stages = recorded.get(row.participant_id) ?? {};
    stages[row.stage] = row.date;
    recorded.set(row.participant_id, stages);
  }

  const stagesOf = sameInputsOnce();
  const lines: (DueAssessment & { pseudonym: string })[] = [];
  for (const person of people) {
    const found = bases.get(person.id);
    if (!found) continue;
    const stages = stagesOf(found.basis, recorded.get(person.id) ?? {}, found.closed, today);
    for (const s of stages)
      if ((s.status === 'due' || s.status === 'overdue') && s.dueDate !== null)
        lines.push({
          participantId: person.id,
          pseudonym: person.pseudonym,
          stage: s.stage,
          due: s.dueDate,
          overdue: s.status === 'overdue',
          mine: person.mine === 1,
        });
  }
  lines.sort(
    (a, b) =>
      Number(b.mine) - Number(a.mine) ||
      Number(b.overdue) - Number(a.overdue) ||
      a.due.localeCompare(b.due) ||
      a.pseudonym.localeCompare(b.pseudonym),
  );
  return {
    rows: lines.slice(0, limit).map((l) => ({
      participantId: l.participantId,
      stage: l.stage,
      due: l.due,
      overdue: l.overdue,
      mine: l.mine,
    })),
    total: lines.length,
  };
}

/**
 * `stagesDue`, worked out once for each distinct input: the members of a group who joined on its first day and have
 * recorded the same stages on the same days share their due dates, so an office's list costs about one computation
 * a group rather than one a participant. A group's teaching weeks are one array for all its members (readDueBases).
 */
function sameInputsOnce() {
  const weeksIds = new Map<object, number>();
  const known = new Map<string, StageDue[]>();
  return (basis: DueBasis, recorded: Partial<Record<AssessmentStage, string>>, closed: boolean, today: string) => {
    let where: string;
    if (basis.kind === 'cohort') {
      if (!weeksIds.has(basis.weeks)) weeksIds.set(basis.weeks, weeksIds.size);
      where = `cohort:${weeksIds.get(basis.weeks)}:${basis.joined}`;
    } else where = `individual:${basis.start}`;
    const key = [
      where,
      basis.left?.date ?? '',
      basis.left?.outcome ?? '',
      closed,
      ...ASSESSMENT_STAGES.map((stage) => recorded[stage] ?? ''),
    ].join('|');
    let stages = known.get(key);
    if (!stages) {
      stages = stagesDue({ basis, recorded, closed, today });
      known.set(key, stages);
    }
    return stages;
  };
}
