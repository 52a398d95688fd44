import type { AssessmentStage } from '@shared/assessments';
import { roleHolds, type Role } from '@shared/roles';
import type { TimelineItem } from '@shared/timeline';
import type { Db } from '../db/open';
import { all, sql } from '../db/sql';

interface AssessmentRow {
  id: string;
  stage: AssessmentStage;
  date: string;
  created_by_name: string | null;
}

interface CorrectionRow {
  at: string;
  detail: string | null;
  user_name: string | null;
}

/** The assessment an `assessments.save` audit entry names: its detail starts `assessment:<id>`. */
const assessmentIdOf = (detail: string | null): string | undefined => /^assessment:([0-9a-f]{32})/.exec(detail ?? '')?.[1];

/**
 * A participant's assessments on their timeline: each one on the day it was made (`assessment_recorded`), and
 * each correction at the moment it was saved (`assessment_updated`, read from the audit log, which records who and
 * when). The label is the stage's code; no answer or note is shown, as the assessments are read in their own tab.
 */
export function assessmentTimeline(db: Db, participantId: string, role: Role): TimelineItem[] {
  if (!roleHolds(role, 'assessments.read')) return [];
  const rows = all<AssessmentRow>(
    db,
    sql`SELECT a.id, a.stage, a.date, c.display_name AS created_by_name
        FROM assessments a LEFT JOIN users c ON c.id = a.created_by
        WHERE a.participant_id = ${participantId}
        ORDER BY a.created_at DESC`,
  );
  if (rows.length === 0) return [];
  const stageOf = new Map(rows.map((row) => [row.id, row.stage]));
  const corrections = all<CorrectionRow>(
    db,
    sql`SELECT a.at, a.detail, u.display_name AS user_name
        FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.entity = 'participant' AND a.entity_id = ${participantId}
          AND a.action = 'assessments.update' AND a.outcome = 'ok'`,
  );
  return [
    ...rows.map(
      (row): TimelineItem => ({
        kind: 'assessment_recorded',
        id: row.id,
        at: row.date,
        byName: row.created_by_name,
        label: row.stage,
        text: null,
      }),
    ),
    ...corrections.flatMap((change): TimelineItem[] => {
      const id = assessmentIdOf(change.detail);
      const stage = id && stageOf.get(id);
      return id && stage
        ? [{ kind: 'assessment_updated', id, at: change.at, byName: change.user_name, label: stage, text: null }]
        : [];
    }),
  ];
}
