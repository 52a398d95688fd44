/**
 * How fast a participant's assessments open (`assessments.list`, through dispatch as the renderer calls it) on the
 * real encrypted vault of a busy office: 1,000 participants with every stage recorded, each assessment answering
 * every item of the form (both raters where both are asked) with a note, the language and a written answer of a
 * few sentences. The file measured holds the most a file can: all five stages (one assessment a stage), the first
 * two under version 1 of the form and the rest under a version 2, so that both versions' wording comes with it.
 * A benchmark to run by hand, not a timed test (target: under 50 ms):
 *
 *   npx vitest bench --run tests/bench/assessment-file.bench.ts
 *
 * The rows are written straight into the vault through the domain's own repository, which takes a few seconds.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import {
  ASSESSMENT_STAGES,
  SCALES,
  type AssessmentAnswer,
  type AssessmentStage,
  type InstrumentDefinition,
} from '../../shared/assessments';
import { insertAssessment } from '../../electron/core/assessments/repo';
import { INSTRUMENT_V1 } from '../../electron/core/assessments/instrument-v1';
import { addVersion2 } from '../../electron/core/assessments/testing/vault';
import { staffedVault, type StaffedVault } from '../support/participants';
import { newId } from '../support/programme';
import { openVaultDb } from '../support/raw-db';

const PARTICIPANTS = 1_000;
/** The day each stage was made on, before the test clock's 2026-11-28. */
const DAYS: Record<AssessmentStage, string> = {
  intake: '2025-09-05',
  midpoint: '2025-10-03',
  exit: '2025-11-14',
  followUp3: '2026-02-13',
  followUp6: '2026-05-15',
};

let v: StaffedVault;
let measured = '';

/** Every item of a version answered, as a thorough caseworker records it with the participant. */
function everyAnswer(definition: InstrumentDefinition, seed: number): AssessmentAnswer[] {
  return definition.items.flatMap((item, i) =>
    item.raters.map((rater): AssessmentAnswer => {
      const scale = item.scale === 'text' ? null : SCALES[item.scale];
      return {
        itemId: item.id,
        rater,
        score: scale ? scale.first + ((seed + i) % scale.steps.length) : null,
        text: scale
          ? null
          : 'Työskenteli kotimaassa kahdeksan vuotta ravintolan keittiössä ja kaksi vuotta Suomessa marjanpoiminnassa. ' +
            'Haluaisi ammattikeittiöön ja suorittaa hygieniapassin ensi keväänä.',
        note: `Keskusteltiin tulkin kanssa, esimerkit auttoivat. Huomio ${seed}-${i}.`,
        withInterpreter: true,
        language: 'arabia',
      };
    }),
  );
}

beforeAll(async () => {
  v = await staffedVault();
  await v.as('caseworker');
  const db = await openVaultDb(v.t);
  const v2 = addVersion2(db);
  const at = '2026-06-01T08:00:00.000Z';
  const ids = Array.from({ length: PARTICIPANTS }, () => newId());
  db.transaction(() => {
    const participant = db.prepare(
      `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, first_name, last_name, status,
         responsible_caseworker_id, created_at, updated_at, created_by, referral_date)
       VALUES (?, ?, 2025, ?, ?, ?, 'completed', ?, ?, ?, ?, '2025-09-01')`,
    );
    ids.forEach((id, i) => {
      participant.run(
        id,
        `P-2025-${String(i + 1).padStart(4, '0')}`,
        i + 1,
        `First${i}`,
        `Last${i}`,
        v.caseworkerId,
        at,
        at,
        v.caseworkerId,
      );
      ASSESSMENT_STAGES.forEach((stage, s) => {
        const definition = s < 2 ? INSTRUMENT_V1 : v2;
        insertAssessment(
          db,
          {
            id: newId(),
            participantId: id,
            stage,
            date: DAYS[stage],
            version: definition.version,
            answers: everyAnswer(definition, i + s),
          },
          at,
          v.caseworkerId,
        );
      });
    });
  })();
  db.close();
  measured = ids[PARTICIPANTS / 2]!;
}, 600_000);

afterAll(() => v.t.cleanup());

describe(`a participant file with every stage assessed, in an office of ${PARTICIPANTS} such files`, () => {
  bench(
    'assessments.list (dispatch, as the renderer calls it)',
    () => v.t.ok('assessments.list', { participantId: measured }).then(() => undefined),
    { time: 3_000, warmupIterations: 10 },
  );
});
