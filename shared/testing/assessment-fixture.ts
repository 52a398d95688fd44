/**
 * A small instrument and a participant's assessments, for the progress picture's tests: few enough items that each
 * level can be computed by hand in the test. Labels carry the version (`v1`, `v2`) so that a test sees which
 * version's words it reads. For tests only.
 */
import {
  SCALES,
  type Assessment,
  type AssessmentStage,
  type Instrument,
  type Rater,
  type ScaleKind,
  type ScoredScale,
} from '../assessments';

const w = (text: string) => ({ fi: `${text} fi`, sv: `${text} sv`, en: `${text} en` });

function scales(tag: string): Instrument['scales'] {
  const steps = (kind: ScoredScale) =>
    SCALES[kind].steps.map((code, i) => ({ score: SCALES[kind].first + i, code, label: w(`${code} ${tag}`) }));
  return { cefr: steps('cefr'), independence: steps('independence'), check: steps('check'), ladder: steps('ladder') };
}

const BOTH: Rater[] = ['participant', 'caseworker'];
const ITEMS: [string, ScaleKind, Rater[]][] = [
  ['finnish.listening', 'cefr', ['caseworker']],
  ['finnish.speaking', 'cefr', ['caseworker']],
  ['finnish.reading', 'cefr', ['caseworker']],
  ['finnish.writing', 'cefr', ['caseworker']],
  ['digital.phone', 'independence', ['caseworker']],
  ['digital.email', 'independence', ['caseworker']],
  // A domain on two scales: no one step names its level.
  ['rights.contract', 'check', ['caseworker']],
  ['rights.where', 'independence', ['caseworker']],
  ['selfConfidence.sameRights', 'ladder', BOTH],
  ['selfConfidence.askHelp', 'ladder', BOTH],
  ['history.wishes', 'text', ['caseworker']],
];

/** Version `version` of the small instrument; its steps' words end in `v<version>`. */
export function smallInstrument(version: number): Instrument {
  return {
    version,
    scales: scales(`v${version}`),
    items: ITEMS.map(([id, scale, raters]) => ({
      id,
      domain: id.split('.')[0] as Instrument['items'][number]['domain'],
      scale,
      raters,
      wording: w(id),
      guidance: null,
      hidden: false,
    })),
  };
}

/** One recorded assessment: `scores` as `itemId` or `itemId/rater` (caseworker when left out) → score. */
export function recorded(
  stage: AssessmentStage,
  version: number,
  scores: Record<string, number>,
  texts: Record<string, string> = {},
): Assessment {
  const answer = (key: string, score: number | null, text: string | null) => {
    const [itemId, rater = 'caseworker'] = key.split('/');
    return { itemId: itemId!, rater: rater as Rater, score, text, note: null, withInterpreter: false, language: null };
  };
  return {
    id: `a-${stage}`,
    participantId: 'p-1',
    stage,
    date: '2026-10-05',
    version,
    answers: [
      ...Object.entries(scores).map(([key, score]) => answer(key, score, null)),
      ...Object.entries(texts).map(([key, text]) => answer(key, null, text)),
    ],
    createdAt: '2026-10-05T09:00:00.000Z',
    createdBy: 'u-1',
    createdByName: 'Kalle Ohjaaja',
    updatedAt: '2026-10-05T09:00:00.000Z',
    updatedBy: 'u-1',
    updatedByName: 'Kalle Ohjaaja',
  };
}

/**
 * An intake under version 1 and an exit under version 2 (no mid-point). By hand, positions from each scale's lowest:
 *
 *   intake (v1)  finnish L1 S2 R0 W1 → positions 0 1 1 2 → median 1 of 10 → 0.1, step A1.1, 4 items
 *                digital phone 2 email 1 → positions 1 0 → fractions 1/3, 0 → 1/6; median position 0.5 → notYet
 *                rights contract 1 (of 0–2) where 4 (of 1–4) → fractions 0.5, 1 → 0.75; two scales: no step
 *                selfConfidence participant sameRights 2 askHelp 3 → fractions 0.25 0.5 → 0.375, position 1.5 → step 2
 *                selfConfidence caseworker sameRights 3 → 0.5, step 3, 1 item
 *   exit (v2)    finnish L4 S5 R4 W4 → positions 4 4 4 5 → median 4 → 0.4, step A2.1
 *                selfConfidence participant sameRights 5 askHelp 4 → positions 4 3 → 0.875, position 3.5 → step 4
 *   jobSearch and everydayLife: never rated.
 */
export function progressFixture(): { assessments: Assessment[]; instruments: Instrument[] } {
  return {
    assessments: [
      recorded(
        'intake',
        1,
        {
          'finnish.listening': 1,
          'finnish.speaking': 2,
          'finnish.reading': 0,
          'finnish.writing': 1,
          'digital.phone': 2,
          'digital.email': 1,
          'rights.contract': 1,
          'rights.where': 4,
          'selfConfidence.sameRights/participant': 2,
          'selfConfidence.askHelp/participant': 3,
          'selfConfidence.sameRights/caseworker': 3,
        },
        { 'history.wishes': 'Keittiöön' },
      ),
      recorded('exit', 2, {
        'finnish.listening': 4,
        'finnish.speaking': 5,
        'finnish.reading': 4,
        'finnish.writing': 4,
        'selfConfidence.sameRights/participant': 5,
        'selfConfidence.askHelp/participant': 4,
      }),
    ],
    instruments: [smallInstrument(1), smallInstrument(2)],
  };
}
