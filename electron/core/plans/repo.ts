import type { GoalInput, Plan, PlanGoal, PlanStep, PlanVersionLine } from '@shared/plans';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

interface PlanRow {
  id: string;
  participant_id: string;
  version: number;
  created_at: string;
  created_by: string;
  created_by_name: string | null;
  updated_at: string;
  updated_by: string;
  updated_by_name: string | null;
}

interface GoalRow {
  id: string;
  kind: PlanGoal['kind'];
  target: string;
  target_date: string | null;
  why: string | null;
}

interface StepRow {
  id: string;
  goal_id: string;
  what: string;
  owner: PlanStep['owner'];
  due: string | null;
  status: PlanStep['status'];
  dropped_reason: string | null;
  referral_id: string | null;
}

interface VersionRow {
  version: number;
  goals: string;
  saved_at: string;
  saved_by: string;
  saved_by_name: string | null;
}

/** Goals and steps with the ids they will be stored under: each goal and step of the input given one. */
export type GoalsToStore = (Omit<GoalInput, 'id' | 'steps'> & { id: string; steps: (PlanStep & { id: string })[] })[];

function planRowOf(db: Db, participantId: string): PlanRow | undefined {
  return get<PlanRow>(
    db,
    sql`SELECT p.*, c.display_name AS created_by_name, u.display_name AS updated_by_name
        FROM plans p LEFT JOIN users c ON c.id = p.created_by LEFT JOIN users u ON u.id = p.updated_by
        WHERE p.participant_id = ${participantId}`,
  );
}

/** The goals in force of a plan, each with its steps, in the order shown. */
export function goalsOf(db: Db, planId: string): PlanGoal[] {
  const goals = all<GoalRow>(
    db,
    sql`SELECT id, kind, target, target_date, why FROM plan_goals WHERE plan_id = ${planId} ORDER BY position`,
  );
  const steps = all<StepRow>(
    db,
    sql`SELECT s.id, s.goal_id, s.what, s.owner, s.due, s.status, s.dropped_reason, s.referral_id
        FROM plan_steps s JOIN plan_goals g ON g.id = s.goal_id
        WHERE g.plan_id = ${planId} ORDER BY g.position, s.position`,
  );
  return goals.map((g) => ({
    id: g.id,
    kind: g.kind,
    target: g.target,
    targetDate: g.target_date,
    why: g.why,
    steps: steps
      .filter((s) => s.goal_id === g.id)
      .map((s) => ({
        id: s.id,
        what: s.what,
        owner: s.owner,
        due: s.due,
        status: s.status,
        droppedReason: s.dropped_reason,
        referralId: s.referral_id,
      })),
  }));
}

function planOf(row: PlanRow, goals: PlanGoal[], saved: { version: number; at: string; by: string; name: string | null }): Plan {
  return {
    id: row.id,
    participantId: row.participant_id,
    version: saved.version,
    goals,
    savedAt: saved.at,
    savedBy: saved.by,
    savedByName: saved.name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  };
}

/** The participant's plan in force, or undefined when none has been saved. */
export function findPlan(db: Db, participantId: string): Plan | undefined {
  const row = planRowOf(db, participantId);
  if (!row) return undefined;
  return planOf(row, goalsOf(db, row.id), {
    version: row.version,
    at: row.updated_at,
    by: row.updated_by,
    name: row.updated_by_name,
  });
}

function insertGoals(db: Db, planId: string, goals: GoalsToStore): void {
  goals.forEach((goal, position) => {
    run(
      db,
      sql`INSERT INTO plan_goals (id, plan_id, position, kind, target, target_date, why)
          VALUES (${goal.id}, ${planId}, ${position}, ${goal.kind}, ${goal.target}, ${goal.targetDate}, ${goal.why})`,
    );
    goal.steps.forEach((step, stepPosition) => {
      run(
        db,
        sql`INSERT INTO plan_steps (id, goal_id, position, what, owner, due, status, dropped_reason, referral_id)
            VALUES (${step.id}, ${goal.id}, ${stepPosition}, ${step.what}, ${step.owner}, ${step.due}, ${step.status},
                    ${step.droppedReason}, ${step.referralId})`,
      );
    });
  });
}

/** Saves a participant's first plan, as version 1. */
export function insertPlan(
  db: Db,
  { id, participantId, goals, at, by }: { id: string; participantId: string; goals: GoalsToStore; at: string; by: string },
): void {
  run(
    db,
    sql`INSERT INTO plans (id, participant_id, version, created_at, created_by, updated_at, updated_by)
        VALUES (${id}, ${participantId}, 1, ${at}, ${by}, ${at}, ${by})`,
  );
  insertGoals(db, id, goals);
}

/**
 * Replaces the plan's goals and steps as a new version: the version in force is first copied whole to
 * plan_versions, with who saved it and when.
 */
export function replacePlan(db: Db, planId: string, goals: GoalsToStore, at: string, by: string): void {
  run(
    db,
    sql`INSERT INTO plan_versions (plan_id, version, goals, saved_at, saved_by)
        SELECT id, version, ${JSON.stringify(goalsOf(db, planId))}, updated_at, updated_by FROM plans WHERE id = ${planId}`,
  );
  run(db, sql`DELETE FROM plan_steps WHERE goal_id IN (SELECT id FROM plan_goals WHERE plan_id = ${planId})`);
  run(db, sql`DELETE FROM plan_goals WHERE plan_id = ${planId}`);
  insertGoals(db, planId, goals);
  run(db, sql`UPDATE plans SET version = version + 1, updated_at = ${at}, updated_by = ${by} WHERE id = ${planId}`);
}

const stepCount = (goals: PlanGoal[]) => goals.reduce((n, g) => n + g.steps.length, 0);

/** Every version of the participant's plan as saved, the one in force first, with the goals of each. */
function versionsWithGoals(
  db: Db,
  participantId: string,
): { plan: PlanRow; versions: (VersionRow & { parsed: PlanGoal[] })[] } | undefined {
  const row = planRowOf(db, participantId);
  if (!row) return undefined;
  const earlier = all<VersionRow>(
    db,
    sql`SELECT v.version, v.goals, v.saved_at, v.saved_by, u.display_name AS saved_by_name
        FROM plan_versions v LEFT JOIN users u ON u.id = v.saved_by
        WHERE v.plan_id = ${row.id} ORDER BY v.version DESC`,
  );
  const current = goalsOf(db, row.id);
  return {
    plan: row,
    versions: [
      {
        version: row.version,
        goals: '',
        parsed: current,
        saved_at: row.updated_at,
        saved_by: row.updated_by,
        saved_by_name: row.updated_by_name,
      },
      ...earlier.map((v) => ({ ...v, parsed: JSON.parse(v.goals) as PlanGoal[] })),
    ],
  };
}

/** The plan's history, the version in force first. */
export function listPlanVersions(db: Db, participantId: string): PlanVersionLine[] {
  return (versionsWithGoals(db, participantId)?.versions ?? []).map((v) => ({
    version: v.version,
    savedAt: v.saved_at,
    savedBy: v.saved_by,
    savedByName: v.saved_by_name,
    goals: v.parsed.length,
    steps: stepCount(v.parsed),
  }));
}

/**
 * The plan at one version, or the version in force at the end of a day: the latest one saved on or before it.
 * `dayOfSave` turns a saved moment into the workstation's calendar day.
 */
export function findPlanVersion(
  db: Db,
  participantId: string,
  which: { version: number } | { at: string; dayOfSave: (savedAt: string) => string },
): Plan | undefined {
  const found = versionsWithGoals(db, participantId);
  if (!found) return undefined;
  const version =
    'version' in which
      ? found.versions.find((v) => v.version === which.version)
      : found.versions.find((v) => which.dayOfSave(v.saved_at) <= which.at);
  if (!version) return undefined;
  return planOf(found.plan, version.parsed, {
    version: version.version,
    at: version.saved_at,
    by: version.saved_by,
    name: version.saved_by_name,
  });
}

/** Each saved version of the participant's plan, newest first, with who saved it: the plan's timeline entries. */
export function planSaves(
  db: Db,
  participantId: string,
): { planId: string; version: number; savedAt: string; savedByName: string | null }[] {
  return all<{ planId: string; version: number; savedAt: string; savedByName: string | null }>(
    db,
    sql`SELECT s.plan_id AS planId, s.version, s.saved_at AS savedAt, u.display_name AS savedByName
        FROM (SELECT id AS plan_id, version, updated_at AS saved_at, updated_by AS saved_by FROM plans
              WHERE participant_id = ${participantId}
              UNION ALL
              SELECT v.plan_id, v.version, v.saved_at, v.saved_by FROM plan_versions v
              JOIN plans p ON p.id = v.plan_id WHERE p.participant_id = ${participantId}) s
        LEFT JOIN users u ON u.id = s.saved_by
        ORDER BY s.version DESC`,
  );
}
