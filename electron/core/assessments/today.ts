/**
 * What the assessments put on the Today page: the stages due this week (within DUE_WINDOW_DAYS of their due date)
 * or overdue, of every participant whose file is open, the user's own first.
 */
import type { AssessmentStage } from '@shared/assessments';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import { stagesDue } from './due';
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
    sql`SELECT p.id, p.pseudonym, p.responsible_caseworker_id IS ${userId} AS mine FROM participants p
        WHERE p.status <> 'closed' AND EXISTS (SELECT 1 FROM enrolments e WHERE e.participant_id = p.id)`,
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

  const lines: (DueAssessment & { pseudonym: string })[] = [];
  for (const person of people) {
    const found = bases.get(person.id);
    if (!found) continue;
    const stages = stagesDue({ basis: found.basis, recorded: recorded.get(person.id) ?? {}, closed: found.closed, today });
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
