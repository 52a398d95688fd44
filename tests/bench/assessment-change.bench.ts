/**
 * How fast the cohort change table is worked out at a decade's scale: 100 cohorts × 30 participants, each with
 * intake and exit (of five stages) over seven domains of four items. The pure count only (the target for the whole
 * cohort view is under 100 ms). A benchmark to run by hand, not a timed test:
 *
 *   npx vitest bench --run tests/bench/assessment-change.bench.ts
 */
import { bench, describe } from 'vitest';
import { ASSESSMENT_DOMAINS } from '../../shared/assessments';
import { cohortChange, type ParticipantChangeInput, type StageScores } from '../../electron/core/assessments/change';

const DOMAINS = ASSESSMENT_DOMAINS;
const ITEMS = ['a', 'b', 'c', 'd'];

function scores(seed: number): StageScores {
  return Object.fromEntries(
    DOMAINS.map((d, i) => [d, Object.fromEntries(ITEMS.map((item, j) => [item, (seed * 7 + i * 3 + j) % 5]))]),
  );
}

const COHORTS: ParticipantChangeInput[][] = Array.from({ length: 100 }, (_, c) =>
  Array.from({ length: 30 }, (_, p) => ({ intake: scores(c + p), exit: p % 6 === 0 ? null : scores(c + p + 1) })),
);

describe('cohort change', () => {
  bench('100 cohorts × 30 participants × 7 domains', () => {
    for (const cohort of COHORTS) cohortChange(DOMAINS, cohort);
  });
});
