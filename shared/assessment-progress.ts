/**
 * Where a participant stands in each domain at each recorded stage, as the progress picture and its table show it
 * (docs/assessments.md, "The progress picture"). Pure: it reads what `assessments.list` returns, each assessment
 * with the instrument version it was made with, never another.
 *
 * - An item's place is its ordinal position on its scale taken as a fraction of the scale's top (0 = its lowest
 *   step, 1 = its highest), so that domains on scales of different lengths share one 0–100 % axis.
 * - A domain's level at a stage, for one rater, is the **median** of those fractions over the items of the domain
 *   that rater scored (the rule of the cohort's change). Unscored items (history and wishes) do not enter.
 * - Its label is the step of the median position, rounded down, in the version's own words: on a domain whose
 *   items share one scale, "A1.2 Kehittyvä alkeiskielitaito" reads as the step the participant has reached.
 *   A domain whose items are on different scales has no one step to name (null).
 */
import {
  ASSESSMENT_DOMAINS,
  ASSESSMENT_STAGES,
  median,
  RATERS,
  SCALES,
  type Assessment,
  type AssessmentDomain,
  type AssessmentStage,
  type Instrument,
  type Rater,
  type ScoredScale,
} from './assessments';
import type { ProgressChartLabels } from './charts/progress';
import type { Locale } from './locales';

/** The domains a level is computed for: every domain but the written history and wishes. */
export const SCORED_DOMAINS = ASSESSMENT_DOMAINS.filter((d): d is Exclude<AssessmentDomain, 'history'> => d !== 'history');
export type ScoredDomain = (typeof SCORED_DOMAINS)[number];

/** One domain at one stage in one rater's view. */
export interface DomainLevel {
  domain: ScoredDomain;
  stage: AssessmentStage;
  rater: Rater;
  /** The median of the scored items' positions as fractions of their scales' tops, 0…1. */
  level: number;
  /** How many scored items the level rests on. */
  items: number;
  /** The step reached, in the version's words in the locale asked for; null when the domain mixes scales. */
  label: string | null;
}

export interface AssessmentProgress {
  /** The stages recorded, in the programme's order. */
  stages: AssessmentStage[];
  /** Every scored domain, in the contract's order: a domain nobody rated is listed with no levels. */
  domains: readonly ScoredDomain[];
  /** Domain by domain (contract order), then stage, then rater (participant before caseworker). */
  levels: DomainLevel[];
}

const isScored = (scale: string): scale is ScoredScale => scale in SCALES;

/**
 * The levels of every scored domain at every recorded stage, for each rater who scored items of it; labels in
 * `locale`. An assessment whose version is not among `instruments` is left out (the list always sends it).
 */
export function assessmentProgress(
  assessments: readonly Assessment[],
  instruments: readonly Instrument[],
  locale: Locale,
): AssessmentProgress {
  const versions = new Map(instruments.map((i) => [i.version, i]));
  const levels: DomainLevel[] = [];
  const recorded = new Set<AssessmentStage>();
  for (const a of assessments) {
    const instrument = versions.get(a.version);
    if (!instrument) continue;
    recorded.add(a.stage);
    const items = new Map(instrument.items.map((item) => [item.id, item]));
    // domain → rater → the positions and scales of the items scored
    const scored = new Map<string, { fractions: number[]; positions: number[]; scales: Set<ScoredScale> }>();
    for (const answer of a.answers) {
      const item = items.get(answer.itemId);
      if (!item || answer.score === null || !isScored(item.scale) || item.domain === 'history') continue;
      const { first, steps } = SCALES[item.scale];
      const position = answer.score - first;
      const key = `${item.domain}/${answer.rater}`;
      const entry = scored.get(key) ?? { fractions: [], positions: [], scales: new Set() };
      entry.fractions.push(position / (steps.length - 1));
      entry.positions.push(position);
      entry.scales.add(item.scale);
      scored.set(key, entry);
    }
    for (const domain of SCORED_DOMAINS) {
      for (const rater of RATERS) {
        const entry = scored.get(`${domain}/${rater}`);
        if (!entry) continue;
        const [scale, ...others] = [...entry.scales];
        let label: string | null = null;
        if (scale && others.length === 0) {
          // Rounded down: a median between two steps has not reached the upper one yet.
          const step = Math.floor(median([...entry.positions]));
          label = instrument.scales[scale][step]?.label[locale] ?? null;
        }
        levels.push({ domain, stage: a.stage, rater, level: median(entry.fractions), items: entry.fractions.length, label });
      }
    }
  }
  const order = (l: DomainLevel) =>
    (SCORED_DOMAINS.indexOf(l.domain) * ASSESSMENT_STAGES.length + ASSESSMENT_STAGES.indexOf(l.stage)) * RATERS.length +
    RATERS.indexOf(l.rater);
  levels.sort((x, y) => order(x) - order(y));
  return { stages: ASSESSMENT_STAGES.filter((s) => recorded.has(s)), domains: SCORED_DOMAINS, levels };
}

/** One row of the table beside the picture: a domain in one rater's view, a cell per recorded stage. */
export interface ProgressRow {
  domain: ScoredDomain;
  /** Null on the one row of a domain no one has rated. */
  rater: Rater | null;
  /** In the order of `stages`; null where this rater did not rate the domain at that stage. */
  cells: (DomainLevel | null)[];
}

/**
 * The table's rows: each domain in the contract's order, a row for each rater who rated it (the participant's own
 * view first), and a single row for a domain no one rated; columns are the recorded stages.
 */
export function progressRows(progress: AssessmentProgress): ProgressRow[] {
  return progress.domains.flatMap((domain): ProgressRow[] => {
    const levels = progress.levels.filter((l) => l.domain === domain);
    if (levels.length === 0) return [{ domain, rater: null, cells: progress.stages.map(() => null) }];
    return RATERS.filter((rater) => levels.some((l) => l.rater === rater)).map((rater) => ({
      domain,
      rater,
      cells: progress.stages.map((stage) => levels.find((l) => l.stage === stage && l.rater === rater) ?? null),
    }));
  });
}

/** A level as a whole percentage of the way up its scale (what the table prints beside the step). */
export function levelPercent(level: number): number {
  return Math.round(level * 100);
}

/** A translation function with values: the interface's `t` or the print's. */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/** A level's figures as the table writes them on screen and in print: "35 % · 2 kysymystä". */
export function levelFigures(level: DomainLevel, t: Translate): string {
  const percent = t('assessments.progress.percent', { percent: levelPercent(level.level) });
  return t('assessments.progress.cell', { percent, count: level.items });
}

/**
 * The progress picture's words from a translation function (the interface's `t`, or the print's): the stages,
 * domains and raters from their one home in the catalogue, the rest under `assessments.progress`.
 */
export function progressChartLabels(t: Translate): ProgressChartLabels {
  const named = <K extends string>(codes: readonly K[], group: string) =>
    Object.fromEntries(codes.map((code) => [code, t(`assessments.${group}.${code}`)])) as Record<K, string>;
  return {
    title: t('assessments.progress.title'),
    description: t('assessments.progress.description'),
    domains: named(SCORED_DOMAINS, 'domains'),
    stages: named(ASSESSMENT_STAGES, 'stages'),
    raters: named(RATERS, 'raters'),
    axis: {
      start: t('assessments.progress.axis.start'),
      middle: t('assessments.progress.axis.middle'),
      end: t('assessments.progress.axis.end'),
    },
    notAssessed: t('assessments.progress.notAssessed'),
    percent: (value) => t('assessments.progress.percent', { percent: value }),
  };
}
