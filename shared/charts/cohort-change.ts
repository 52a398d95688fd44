/**
 * The geometry of a cohort's change from intake to exit (`assessments.cohortChange`): a small chart per domain, one
 * horizontal bar whose length is the whole cohort — moved down | stayed | moved up side by side, then, apart after
 * a gap, those who cannot be compared. Every part is as long as its count on one d3 scale, so the bars of a cohort's
 * domains end at the same place and read against each other. "Moved up" is solid, "stayed" light, "moved down"
 * hatched and "cannot compare" dotted, so it reads in black and white; each count is written on its part (on a plain
 * box over a pattern; under the part when it is too narrow to hold it). A legend names the four. Every text comes
 * in translated.
 */
import { scaleLinear } from 'd3-scale';
import { CHANGE_KINDS, type ChangeKind, type DomainChangeCounts } from '../assessments';
import type { ChartModel, ChartPaint, Mark } from './model';

export const COHORT_CHANGE_WIDTH = 480;
const BAR_TOP = 4;
const BAR_HEIGHT = 24;
/** The space between those compared and those who cannot be. */
const GAP = 12;
const BAR_LENGTH = COHORT_CHANGE_WIDTH - GAP;
/** A part narrower than this has its count written under it. */
const MIN_LABELLED = 16;
const HEIGHT = BAR_TOP + BAR_HEIGHT + 16;

/** Each kind's paint, and the paint its count is written in on it. */
export const CHANGE_PAINTS: Readonly<Record<ChangeKind, { fill: ChartPaint; text: ChartPaint }>> = {
  down: { fill: 'hatch', text: 'ink' },
  same: { fill: 'light', text: 'ink' },
  up: { fill: 'strong', text: 'paper' },
  missing: { fill: 'dots', text: 'ink' },
};

/** The translated texts of one domain's chart: its name, and a sentence with its counts for a screen reader. */
export interface DomainChangeText {
  title: string;
  description: string;
}

/** One domain's chart. The parts carry `data-domain`, `data-kind` and `data-count`, zero-length ones included. */
export function domainChangeChart(row: DomainChangeCounts, text: DomainChangeText): ChartModel {
  const x = scaleLinear()
    .domain([0, Math.max(row.n, 1)])
    .range([0, BAR_LENGTH]);
  const marks: Mark[] = [];
  let at = 0;
  for (const kind of CHANGE_KINDS) {
    const count = row[kind];
    if (kind === 'missing') at += GAP;
    const width = x(count);
    marks.push({
      kind: 'rect',
      x: at,
      y: BAR_TOP,
      width,
      height: BAR_HEIGHT,
      fill: CHANGE_PAINTS[kind].fill,
      ...(count > 0 ? { stroke: 'ink' as const } : {}),
      data: { domain: row.domain, kind, count: String(count) },
    });
    if (count > 0) {
      const inside = width >= MIN_LABELLED;
      // On a pattern the count sits on a small plain box, so that the hatching does not cross its digits.
      const patterned = CHANGE_PAINTS[kind].fill === 'hatch' || CHANGE_PAINTS[kind].fill === 'dots';
      const boxWidth = 8 * String(count).length + 6;
      if (inside && patterned)
        marks.push({
          kind: 'rect',
          x: at + width / 2 - boxWidth / 2,
          y: BAR_TOP + 5,
          width: boxWidth,
          height: 14,
          fill: 'paper',
        });
      marks.push({
        kind: 'text',
        x: at + width / 2,
        y: inside ? BAR_TOP + BAR_HEIGHT / 2 + 4 : BAR_TOP + BAR_HEIGHT + 12,
        text: String(count),
        anchor: 'middle',
        size: inside ? 12 : 10,
        bold: true,
        fill: inside ? CHANGE_PAINTS[kind].text : 'ink',
      });
    }
    at += width;
  }
  return { width: COHORT_CHANGE_WIDTH, height: HEIGHT, title: text.title, description: text.description, marks };
}

const LEGEND_ENTRY = 120;
const SWATCH = 14;

/** The key to the charts: a swatch and a word for each kind, in the order the bars draw them. */
export function cohortChangeLegend(labels: Readonly<Record<ChangeKind, string>>, title: string): ChartModel {
  const marks: Mark[] = CHANGE_KINDS.flatMap((kind, i): Mark[] => [
    {
      kind: 'rect',
      x: i * LEGEND_ENTRY + 1,
      y: 3,
      width: SWATCH,
      height: SWATCH,
      fill: CHANGE_PAINTS[kind].fill,
      stroke: 'ink',
      data: { kind },
    },
    { kind: 'text', x: i * LEGEND_ENTRY + SWATCH + 6, y: 15, text: labels[kind], anchor: 'start', size: 12 },
  ]);
  return {
    width: LEGEND_ENTRY * CHANGE_KINDS.length,
    height: 20,
    title,
    description: CHANGE_KINDS.map((kind) => labels[kind]).join(', '),
    marks,
  };
}
