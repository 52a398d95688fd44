/**
 * How fast the cohort change view (`assessments.cohortChange`) comes from the real encrypted database at a decade's
 * scale: 100 cohorts × 30 participants, each assessed at all five stages with every item of version 1 answered (both
 * raters where both are asked): 15,000 assessments and about 600,000 answers. One cohort, and all 100 one after
 * another, through dispatch as the renderer calls it. Target: the cohort change view under 100 ms. A benchmark to
 * run by hand, not a timed test:
 *
 *   npx vitest bench --run tests/bench/assessment-cohort.bench.ts
 *
 * The rows are written straight into the vault (as tests/support/programme.ts does), which takes about a minute.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { ASSESSMENT_STAGES, scoreRange } from '../../shared/assessments';
import { INSTRUMENT_V1 } from '../../electron/core/assessments/instrument-v1';
import { foldText } from '../../electron/core/participants/keys';
import { staffedVault, type StaffedVault } from '../support/participants';
import { newId } from '../support/programme';
import { openVaultDb } from '../support/raw-db';

const COHORTS = 100;
const GROUP = 30;

let v: StaffedVault;
const cohortIds: string[] = [];

beforeAll(async () => {
  v = await staffedVault();
  const db = await openVaultDb(v.t);
  const at = '2026-01-01T08:00:00.000Z';
  db.transaction(() => {
    const cohort = db.prepare(
      `INSERT INTO cohorts (id, name, name_key, start_date, length_weeks, created_by, created_at)
       VALUES (?, ?, ?, '2026-01-12', 10, ?, ?)`,
    );
    const participant = db.prepare(
      `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, first_name, last_name, status,
         responsible_caseworker_id, created_at, updated_at, created_by)
       VALUES (?, ?, 2026, ?, ?, ?, 'active', ?, ?, ?, ?)`,
    );
    const enrolment = db.prepare(
      `INSERT INTO enrolments (id, participant_id, cohort_id, start_date, end_date, outcome)
       VALUES (?, ?, ?, '2026-01-12', ?, ?)`,
    );
    const assessment = db.prepare(
      `INSERT INTO assessments
         (id, participant_id, stage, date, instrument_version, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, '2026-03-01', 1, ?, ?, ?, ?)`,
    );
    const answer = db.prepare(
      `INSERT INTO assessment_answers (assessment_id, item_id, rater, position, score, text, note, with_interpreter, language)
       VALUES (?, ?, ?, ?, ?, ?, NULL, 0, NULL)`,
    );
    let number = 0;
    for (let c = 0; c < COHORTS; c++) {
      const cohortId = newId();
      cohortIds.push(cohortId);
      cohort.run(cohortId, `Ryhmä ${c + 1}`, foldText(`Ryhmä ${c + 1}`), v.coordinatorId, at);
      for (let p = 0; p < GROUP; p++) {
        number++;
        const id = newId();
        participant.run(
          id,
          `P-2026-${String(number).padStart(5, '0')}`,
          number,
          `First${number}`,
          `Last${number}`,
          v.caseworkerId,
          at,
          at,
          v.coordinatorId,
        );
        // Every tenth left early; the rest completed.
        enrolment.run(newId(), id, cohortId, '2026-03-20', p % 10 === 0 ? 'discontinued' : 'completed');
        ASSESSMENT_STAGES.forEach((stage, s) => {
          const assessmentId = newId();
          assessment.run(assessmentId, id, stage, at, v.caseworkerId, at, v.caseworkerId);
          let position = 0;
          INSTRUMENT_V1.items.forEach((item, i) => {
            for (const rater of item.raters) {
              if (item.scale === 'text') answer.run(assessmentId, item.id, rater, position++, null, `Teksti ${i}`);
              else {
                const { min, max } = scoreRange(item.scale);
                answer.run(assessmentId, item.id, rater, position++, min + ((number + i + s) % (max - min + 1)), null);
              }
            }
          });
        });
      }
    }
  })();
  db.close();
  await v.as('caseworker');
}, 600_000);

afterAll(() => {
  v.t.cleanup();
});

const options = { time: 3_000, warmupIterations: 5 };

describe(`assessments.cohortChange over ${COHORTS} cohorts × ${GROUP} participants × 5 stages (dispatch)`, () => {
  bench('one cohort', () => v.t.ok('assessments.cohortChange', { cohortId: cohortIds[42]! }).then(() => undefined), options);
  bench(
    `all ${COHORTS} cohorts, one after another`,
    async () => {
      for (const cohortId of cohortIds) await v.t.ok('assessments.cohortChange', { cohortId });
    },
    { time: 5_000, warmupIterations: 2 },
  );
});
