/**
 * A chart as data: the marks to draw, already placed in a fixed coordinate box. The geometry of each chart (its
 * d3 scales and shapes) is computed once, here in shared/, and drawn by two thin renderers that only translate
 * marks to elements: `ChartSvg` on screen (renderer/src/components/ChartSvg.tsx) and `chartSvg` in a print
 * (electron/core/print/chart-svg.ts), whose window runs no script. Neither renderer computes a position.
 *
 * Paints are few and print in black and white: what tells two series apart is a pattern or a marker shape as well
 * as a shade, never colour alone. Every mark may carry `data` (written as `data-*` attributes) so that a test can
 * hold the marks against the numbers of the table beside the chart.
 */

/** The fills a chart may use. `hatch` and `dots` are patterns the renderers define once per chart. */
export const CHART_PAINTS = ['ink', 'strong', 'mid', 'light', 'paper', 'hatch', 'dots', 'none'] as const;
export type ChartPaint = (typeof CHART_PAINTS)[number];

/** The shade of each solid paint, and the line colour of the patterns. Dark to light, legible in grey print. */
export const PAINT_COLOURS: Readonly<Record<Exclude<ChartPaint, 'hatch' | 'dots' | 'none'>, string>> = {
  ink: '#1f2328',
  strong: '#1d4e89',
  mid: '#5b87c2',
  light: '#c9d8ee',
  paper: '#ffffff',
};
/** The lines of the `hatch` and `dots` patterns. */
export const PATTERN_INK = '#1d4e89';

/** `data-*` attributes of a mark: name (without `data-`) → value. Names are lower-case words joined by `-`. */
export type MarkData = Readonly<Record<string, string>>;

interface MarkBase {
  data?: MarkData;
}
export interface RectMark extends MarkBase {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: ChartPaint;
  stroke?: ChartPaint;
}
export interface LineMark extends MarkBase {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: ChartPaint;
  /** An SVG dash array, e.g. "3 3"; solid when left out. */
  dash?: string;
  width?: number;
}
export interface PathMark extends MarkBase {
  kind: 'path';
  d: string;
  fill: ChartPaint;
  stroke: ChartPaint;
  width?: number;
  dash?: string;
}
export interface CircleMark extends MarkBase {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: ChartPaint;
  stroke: ChartPaint;
}
export interface TextMark extends MarkBase {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  /** Font size in the chart's units; 12 when left out. */
  size?: number;
  bold?: boolean;
  fill?: ChartPaint;
}
export type Mark = RectMark | LineMark | PathMark | CircleMark | TextMark;

/**
 * A whole chart. `title` is its accessible name; `description` says in a sentence what it shows (the numbers are in
 * the table beside it, so the picture itself is one image to a screen reader).
 */
export interface ChartModel {
  width: number;
  height: number;
  title: string;
  description: string;
  marks: readonly Mark[];
}

/** Rounds a coordinate to two decimals, so that both renderers write the same short numbers. */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The paint as an SVG fill or stroke value; patterns refer to the chart's own definitions by `idPrefix`. */
export function paintValue(paint: ChartPaint, idPrefix: string): string {
  if (paint === 'none') return 'none';
  if (paint === 'hatch' || paint === 'dots') return `url(#${idPrefix}-${paint})`;
  return PAINT_COLOURS[paint];
}

/** Whether a chart uses a pattern paint, so that the renderers define only the patterns it needs. */
export function patternsUsed(model: ChartModel): ('hatch' | 'dots')[] {
  const used = new Set<'hatch' | 'dots'>();
  for (const mark of model.marks) {
    for (const paint of ['fill' in mark ? mark.fill : undefined, 'stroke' in mark ? mark.stroke : undefined]) {
      if (paint === 'hatch' || paint === 'dots') used.add(paint);
    }
  }
  return [...used].sort();
}

/** One pattern's element attributes and its lines or dots, shared by both renderers. */
export const PATTERN_SHAPES = {
  hatch: {
    size: 6,
    lines: [
      { x1: 0, y1: 6, x2: 6, y2: 0 },
      { x1: -1, y1: 1, x2: 1, y2: -1 },
      { x1: 5, y1: 7, x2: 7, y2: 5 },
    ],
  },
  dots: { size: 5, dots: [{ cx: 2.5, cy: 2.5, r: 1.1 }] },
} as const;

/** An SVG element as plain data: the one tree both renderers write, the print as text and the screen as React. */
export interface SvgNode {
  tag: 'svg' | 'title' | 'desc' | 'defs' | 'pattern' | 'g' | 'rect' | 'line' | 'path' | 'circle' | 'text';
  /** Attribute names as SVG spells them (`text-anchor`, `stroke-width`, `data-stage`). */
  attrs: Readonly<Record<string, string | number>>;
  text?: string;
  children?: readonly SvgNode[];
}

function dataAttrs(data: MarkData | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(data ?? {})) out[`data-${name}`] = value;
  return out;
}

function markNode(mark: Mark, idPrefix: string): SvgNode {
  const paint = (p: ChartPaint) => paintValue(p, idPrefix);
  const data = dataAttrs(mark.data);
  switch (mark.kind) {
    case 'rect':
      return {
        tag: 'rect',
        attrs: {
          x: px(mark.x),
          y: px(mark.y),
          width: px(Math.max(0, mark.width)),
          height: px(Math.max(0, mark.height)),
          fill: paint(mark.fill),
          ...(mark.stroke ? { stroke: paint(mark.stroke), 'stroke-width': 1 } : {}),
          ...data,
        },
      };
    case 'line':
      return {
        tag: 'line',
        attrs: {
          x1: px(mark.x1),
          y1: px(mark.y1),
          x2: px(mark.x2),
          y2: px(mark.y2),
          stroke: paint(mark.stroke),
          'stroke-width': mark.width ?? 1,
          ...(mark.dash ? { 'stroke-dasharray': mark.dash } : {}),
          ...data,
        },
      };
    case 'path':
      return {
        tag: 'path',
        attrs: {
          d: mark.d,
          fill: paint(mark.fill),
          stroke: paint(mark.stroke),
          'stroke-width': mark.width ?? 1,
          ...(mark.dash ? { 'stroke-dasharray': mark.dash } : {}),
          ...data,
        },
      };
    case 'circle':
      return {
        tag: 'circle',
        attrs: { cx: px(mark.cx), cy: px(mark.cy), r: px(mark.r), fill: paint(mark.fill), stroke: paint(mark.stroke), ...data },
      };
    case 'text':
      return {
        tag: 'text',
        attrs: {
          x: px(mark.x),
          y: px(mark.y),
          'text-anchor': mark.anchor,
          'font-size': mark.size ?? 12,
          ...(mark.bold ? { 'font-weight': 'bold' } : {}),
          fill: paint(mark.fill ?? 'ink'),
          ...data,
        },
        text: mark.text,
      };
  }
}

function patternNode(name: 'hatch' | 'dots', idPrefix: string): SvgNode {
  const attrs = { id: `${idPrefix}-${name}`, patternUnits: 'userSpaceOnUse' };
  if (name === 'hatch') {
    const { size, lines } = PATTERN_SHAPES.hatch;
    return {
      tag: 'pattern',
      attrs: { ...attrs, width: size, height: size },
      children: [
        { tag: 'rect', attrs: { width: size, height: size, fill: PAINT_COLOURS.paper } },
        ...lines.map((l): SvgNode => ({ tag: 'line', attrs: { ...l, stroke: PATTERN_INK, 'stroke-width': 1.4 } })),
      ],
    };
  }
  const { size, dots } = PATTERN_SHAPES.dots;
  return {
    tag: 'pattern',
    attrs: { ...attrs, width: size, height: size },
    children: [
      { tag: 'rect', attrs: { width: size, height: size, fill: PAINT_COLOURS.paper } },
      ...dots.map((d): SvgNode => ({ tag: 'circle', attrs: { ...d, fill: PATTERN_INK } })),
    ],
  };
}

/**
 * The chart as one `<svg>` tree: a titled image (`role="img"`, named by its title and described by its
 * description) whose marks keep their `data-*`. `idPrefix` keeps the pattern ids of two charts on one page apart.
 */
export function chartTree(model: ChartModel, idPrefix: string): SvgNode {
  const patterns = patternsUsed(model);
  return {
    tag: 'svg',
    attrs: {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${px(model.width)} ${px(model.height)}`,
      width: px(model.width),
      height: px(model.height),
      role: 'img',
      'aria-labelledby': `${idPrefix}-title ${idPrefix}-desc`,
      'font-family': 'inherit',
    },
    children: [
      { tag: 'title', attrs: { id: `${idPrefix}-title` }, text: model.title },
      { tag: 'desc', attrs: { id: `${idPrefix}-desc` }, text: model.description },
      ...(patterns.length > 0
        ? [{ tag: 'defs' as const, attrs: {}, children: patterns.map((p) => patternNode(p, idPrefix)) }]
        : []),
      { tag: 'g', attrs: { 'aria-hidden': 'true' }, children: model.marks.map((m) => markNode(m, idPrefix)) },
    ],
  };
}
