import { describe, expect, it } from 'vitest';
import { assessmentProgress, levelPercent, progressChartLabels } from '../assessment-progress';
import { progressFixture } from '../testing/assessment-fixture';
import { chartMarkup } from './markup';
import type { RectMark, TextMark } from './model';
import { progressChart, progressPaint } from './progress';

/** Each word its key's last part; a percentage as the Finnish catalogue writes it. */
const labels = progressChartLabels((key, values) =>
  values?.percent !== undefined ? `${values.percent} %` : key.split('.').at(-1)!,
);
const { assessments, instruments } = progressFixture();
const data = assessmentProgress(assessments, instruments, 'fi');
const model = progressChart(data, labels);
const bars = model.marks.filter((m): m is RectMark => m.kind === 'rect' && m.data !== undefined);
const texts = model.marks.filter((m): m is TextMark => m.kind === 'text').map((m) => m.text);

describe('the progress picture', () => {
  it('draws one bar for each stage recorded, rater and domain rated, and none for a stage not recorded', () => {
    expect(bars.map((b) => [b.data!.domain, b.data!.stage, b.data!.rater, b.data!.value])).toEqual(
      data.levels.map((l) => [l.domain, l.stage, l.rater, String(levelPercent(l.level))]),
    );
    expect(bars).toHaveLength(7);
    expect(bars.filter((b) => b.data!.stage === 'midpoint')).toEqual([]);
    expect(bars.filter((b) => b.data!.domain === 'jobSearch')).toEqual([]);
  });

  it('makes each bar as long as its level on one axis from 0 to 100 %', () => {
    const start = bars[0]!.x;
    const full = bars.find((b) => b.data!.domain === 'finnish' && b.data!.stage === 'exit')!.width / 0.4;
    expect(full).toBeGreaterThan(400);
    for (const [bar, level] of bars.map((b, i) => [b, data.levels[i]!.level] as const)) {
      expect(bar.x).toBe(start);
      expect(bar.width).toBeCloseTo(full * level, 6);
    }
    expect(model.width).toBe(640);
    expect(start + full).toBeLessThanOrEqual(model.width);
  });

  it('tells the participant’s own view from the caseworker’s by pattern, and names every bar’s stage', () => {
    const self = bars.filter((b) => b.data!.rater === 'participant');
    expect(self.map((b) => b.fill)).toEqual(['hatch', 'hatch']);
    const caseworker = bars.filter((b) => b.data!.rater === 'caseworker');
    expect(caseworker.every((b) => b.fill !== 'hatch')).toBe(true);
    expect(progressPaint('caseworker', 'intake')).not.toBe(progressPaint('caseworker', 'exit'));
    // The stage's name beside each bar, the legend's rater names, every domain (one not assessed) and the axis words.
    expect(texts.filter((t) => t === 'intake')).toHaveLength(5);
    expect(texts.filter((t) => t === 'exit')).toHaveLength(2);
    for (const word of ['participant', 'caseworker', 'finnish', 'jobSearch', 'notAssessed', 'start', 'middle', 'end', '50 %'])
      expect(texts, word).toContain(word);
  });

  it('stacks the domains without overlap inside its box, and writes the same marks as SVG with their data', () => {
    const ys = bars.map((b) => b.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.y).toBeGreaterThanOrEqual(bars[i - 1]!.y + bars[i - 1]!.height);
    expect(Math.max(...model.marks.map((m) => ('y' in m ? m.y : 0)))).toBeLessThan(model.height);
    const svg = chartMarkup(model, 'p');
    expect(svg.match(/data-domain="/g)).toHaveLength(7);
    expect(svg).toContain('data-domain="selfConfidence" data-stage="exit" data-rater="participant" data-value="88"');
    expect(svg).toContain('fill="url(#p-hatch)"');
  });
});
