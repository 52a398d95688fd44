/**
 * A cohort's change from intake to exit, per domain: how many moved up, stayed, moved down, and how many cannot be
 * compared. Pure and anonymous: participants go in as scores only, and only counts come out.
 *
 * - An item's score is its **ordinal position** on its scale, 0 for the lowest step (CEFR pre-A1 = 0, A1.1 = 1 …;
 *   "not yet" = 0 … "can help others" = 3; a 1–5 ladder's 1 = 0). Unscored items (history, wishes) and items left
 *   without a score are not given.
 * - A domain is compared on the items scored at **both** intake and exit (paired by item id), so that an item
 *   skipped at one stage cannot move the domain. Its score at each stage is the **median** of those positions (the
 *   mean of the middle two for an even count): ordinal steps have no distance to average, and one outlying item
 *   does not swing it. Up / same / down compares the two medians.
 * - Not comparable (`missing`): the intake or the exit is not recorded, or no item of the domain was scored at both.
 * - Linear: each participant's items are visited once; sorting is within a domain's handful of items.
 */
import { median, type AssessmentDomain } from '@shared/assessments';

/** Each domain's item scores at one stage: domain id → item id → ordinal position. */
export type StageScores = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** One participant's scores at intake and exit; a stage not recorded is absent. */
export interface ParticipantChangeInput {
  intake?: StageScores | null;
  exit?: StageScores | null;
}

/** The change of one domain across a cohort. `n` counts every participant: up + same + down + missing. */
export interface DomainChange {
  domain: AssessmentDomain;
  up: number;
  same: number;
  down: number;
  missing: number;
  n: number;
}

/** -1, 0 or 1: how one domain moved for one participant, or null when it cannot be compared. */
export function domainMove(
  intake: Readonly<Record<string, number>> | undefined,
  exit: Readonly<Record<string, number>> | undefined,
): -1 | 0 | 1 | null {
  if (!intake || !exit) return null;
  const before: number[] = [];
  const after: number[] = [];
  for (const item in intake) {
    const a = intake[item];
    const b = exit[item];
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    before.push(a);
    after.push(b);
  }
  if (before.length === 0) return null;
  return Math.sign(median(after) - median(before)) as -1 | 0 | 1;
}

/**
 * Per domain, in the order given (the instrument's), the cohort's counts. Domains nobody has scores for are still
 * listed, all `missing`; scores of domains not listed are ignored.
 */
export function cohortChange(
  domains: readonly AssessmentDomain[],
  participants: readonly ParticipantChangeInput[],
): DomainChange[] {
  const rows = domains.map((domain) => ({ domain, up: 0, same: 0, down: 0, missing: 0, n: participants.length }));
  for (const p of participants) {
    for (const row of rows) {
      const move = domainMove(p.intake?.[row.domain], p.exit?.[row.domain]);
      if (move === null) row.missing++;
      else if (move > 0) row.up++;
      else if (move < 0) row.down++;
      else row.same++;
    }
  }
  return rows;
}
