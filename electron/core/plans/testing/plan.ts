/** Test support for plans: a plan of two goals and four steps, markers in every text so leaks are easy to spot. */
import type { InputOf } from '@shared/api';

export type PlanGoals = InputOf<'plans.save'>['goals'];

/** A plan as a caseworker and a participant make it, every text carrying `mark`. */
export function samplePlanGoals(mark = 'PLAN-MARKER'): PlanGoals {
  return [
    {
      kind: 'vocationalQualification',
      target: `Lähihoitajan tutkinto ${mark}`,
      targetDate: '2027-12-31',
      why: `Haluan auttaa ihmisiä. ${mark}`,
      steps: [
        { what: `Hae yhteishaussa ${mark}`, owner: 'participant', due: '2026-12-02' },
        { what: `Soita oppilaitokseen ${mark}`, owner: 'caseworker', due: '2026-12-10' },
      ],
    },
    {
      kind: 'languageLevel',
      target: `Suomi B1 ${mark}`,
      steps: [
        { what: `Kielikurssi ${mark}`, owner: 'partner', due: '2026-11-30', status: 'done' },
        { what: `YKI-testi ${mark}`, owner: 'participant', status: 'dropped', droppedReason: `Ei vielä ${mark}` },
      ],
    },
  ];
}
