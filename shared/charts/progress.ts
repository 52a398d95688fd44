/**
 * The participant's progress picture: one block per domain, a horizontal bar for each stage recorded and each
 * rater, on one 0–100 % axis (how far up its scale the domain's level is; shared/assessment-progress.ts). The
 * participant's own view is hatched and the caseworker's solid, and every bar has its stage written beside it, so
 * nothing rests on colour; the caseworker's bars darken from stage to stage, the latest darkest. Words come in
 * translated; the geometry is d3-scale's.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { AssessmentStage, Rater } from '../assessments';
import { levelPercent, type AssessmentProgress, type ScoredDomain } from '../assessment-progress';
import type { ChartModel, ChartPaint, Mark } from './model';

/** The words of the picture, translated by the caller. */
export interface ProgressChartLabels {
  /** The chart's accessible name. */
  title: string;
  /** A sentence on how to read it (the numbers are in the table beside it). */
  description: string;
  domains: Readonly<Record<ScoredDomain, string>>;
  stages: Readonly<Record<AssessmentStage, string>>;
  raters: Readonly<Record<Rater, string>>;
  /** Words under the axis at its start, middle and end ("ei vielä", "osittain", "vahva"). */
  axis: { start: string; middle: string; end: string };
  /** Written in a domain's block when no stage rated it. */
  notAssessed: string;
  /** A whole percentage as the language writes it ("25 %" in Finnish, "25%" in English). */
  percent: (value: number) => string;
}

export const PROGRESS_WIDTH = 640;
const STAGE_COLUMN = 150;
const PLOT_LEFT = STAGE_COLUMN + 10;
const PLOT_RIGHT = PROGRESS_WIDTH - 20;
const LEGEND_HEIGHT = 30;
const HEADING = 22;
const BAR_STEP = 20;
const BLOCK_GAP = 12;
const AXIS_HEIGHT = 36;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** The caseworker's bar at each stage: light at intake to dark at the follow-ups, outlined so a light bar prints. */
const STAGE_PAINT: Readonly<Record<AssessmentStage, ChartPaint>> = {
  intake: 'light',
  midpoint: 'mid',
  exit: 'strong',
  followUp3: 'ink',
  followUp6: 'ink',
};

/** The paint of a bar: the participant's own view hatched, the caseworker's solid in its stage's shade. */
export function progressPaint(rater: Rater, stage: AssessmentStage): ChartPaint {
  return rater === 'participant' ? 'hatch' : STAGE_PAINT[stage];
}

/** The picture of a participant's levels (assessmentProgress) with `labels`, 640 units wide. */
export function progressChart(data: AssessmentProgress, labels: ProgressChartLabels): ChartModel {
  const x = scaleLinear().domain([0, 1]).range([PLOT_LEFT, PLOT_RIGHT]);
  const marks: Mark[] = [];
  const bars: Mark[] = [];

  // The legend: the participant's own view as a hatched swatch; the caseworker's as a solid one in the shades of
  // the stages, light to dark.
  const half = PROGRESS_WIDTH / 2;
  marks.push(
    { kind: 'rect', x: 0, y: 4, width: 30, height: 14, fill: 'hatch', stroke: 'strong' },
    { kind: 'text', x: 38, y: 15, text: labels.raters.participant, anchor: 'start', size: 13 },
    ...(['light', 'mid', 'strong'] as const).map(
      (fill, i): Mark => ({ kind: 'rect', x: half + i * 10, y: 4, width: 10, height: 14, fill, stroke: 'strong' }),
    ),
    { kind: 'text', x: half + 38, y: 15, text: labels.raters.caseworker, anchor: 'start', size: 13 },
  );

  let top = LEGEND_HEIGHT;
  const plotTop = top;
  for (const domain of data.domains) {
    const levels = data.levels.filter((l) => l.domain === domain);
    marks.push({ kind: 'text', x: 0, y: top + 15, text: labels.domains[domain], anchor: 'start', size: 14, bold: true });
    const barsTop = top + HEADING;
    if (levels.length === 0) {
      marks.push({
        kind: 'text',
        x: PLOT_LEFT,
        y: barsTop + 12,
        text: labels.notAssessed,
        anchor: 'start',
        size: 12,
        fill: 'strong',
      });
      top = barsTop + BAR_STEP + BLOCK_GAP;
      continue;
    }
    const band = scaleBand<string>()
      .domain(levels.map((l) => `${l.stage}/${l.rater}`))
      .range([barsTop, barsTop + levels.length * BAR_STEP])
      .paddingInner(0.25);
    for (const l of levels) {
      const y = band(`${l.stage}/${l.rater}`)!;
      const h = band.bandwidth();
      const end = x(l.level);
      marks.push({ kind: 'text', x: STAGE_COLUMN, y: y + h - 3, text: labels.stages[l.stage], anchor: 'end', size: 12 });
      bars.push(
        {
          kind: 'rect',
          x: x(0),
          y,
          width: end - x(0),
          height: h,
          fill: progressPaint(l.rater, l.stage),
          stroke: 'strong',
          data: { domain, stage: l.stage, rater: l.rater, value: String(levelPercent(l.level)) },
        },
        // The bar's end, drawn strong so that a level of 0 ("not yet") is seen too, as a stroke at the axis.
        { kind: 'line', x1: end, y1: y - 1, x2: end, y2: y + h + 1, stroke: 'ink', width: 2 },
      );
    }
    top = barsTop + levels.length * BAR_STEP + BLOCK_GAP;
  }

  // The grid behind the bars, and the axis under them: percentages and three words.
  const grid: Mark[] = TICKS.map((t) => ({
    kind: 'line',
    x1: x(t),
    y1: plotTop,
    x2: x(t),
    y2: top,
    stroke: 'light',
    dash: t === 0 ? undefined : '3 3',
  }));
  for (const t of TICKS)
    marks.push({ kind: 'text', x: x(t), y: top + 13, text: labels.percent(levelPercent(t)), anchor: 'middle', size: 11 });
  marks.push(
    { kind: 'text', x: x(0), y: top + 29, text: labels.axis.start, anchor: 'start', size: 12 },
    { kind: 'text', x: x(0.5), y: top + 29, text: labels.axis.middle, anchor: 'middle', size: 12 },
    { kind: 'text', x: x(1), y: top + 29, text: labels.axis.end, anchor: 'end', size: 12 },
  );
  return {
    width: PROGRESS_WIDTH,
    height: top + AXIS_HEIGHT,
    title: labels.title,
    description: labels.description,
    marks: [...grid, ...marks, ...bars],
  };
}
