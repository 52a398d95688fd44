import { describe, expect, it } from 'vitest';
import type { DomainChangeCounts } from '../assessments';
import { cohortChangeLegend, COHORT_CHANGE_WIDTH, domainChangeChart } from './cohort-change';
import type { Mark, RectMark, TextMark } from './model';

const FINNISH: DomainChangeCounts = { domain: 'finnish', up: 3, same: 1, down: 0, missing: 2, n: 6 };
const TEXT = { title: 'Suomen kieli', description: 'Nousi 3, pysyi 1, laski 0, ei vertailtavissa 2.' };

/** The bar's parts: the rects that carry data (a count's plain box carries none). */
const parts = (marks: readonly Mark[]) => marks.filter((m): m is RectMark => m.kind === 'rect' && m.data !== undefined);
const words = (marks: readonly Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text').map((m) => m.text);

describe('a domain’s change chart', () => {
  it('draws down, same, up and then, apart, those who cannot be compared, each with its count as in the table', () => {
    const chart = domainChangeChart(FINNISH, TEXT);
    expect(parts(chart.marks).map((m) => m.data)).toEqual([
      { domain: 'finnish', kind: 'down', count: '0' },
      { domain: 'finnish', kind: 'same', count: '1' },
      { domain: 'finnish', kind: 'up', count: '3' },
      { domain: 'finnish', kind: 'missing', count: '2' },
    ]);
    expect(words(chart.marks)).toEqual(['1', '3', '2']);
    expect(chart.title).toBe('Suomen kieli');
    expect(chart.description).toBe(TEXT.description);
  });

  it('makes every part as long as its count, so the whole cohort spans the chart, with a gap before the missing', () => {
    const [down, same, up, missing] = parts(domainChangeChart(FINNISH, TEXT).marks);
    const unit = same!.width;
    expect(down!.width).toBe(0);
    expect(up!.width).toBeCloseTo(3 * unit);
    expect(missing!.width).toBeCloseTo(2 * unit);
    expect(same!.x).toBe(down!.x + down!.width);
    expect(up!.x).toBe(same!.x + same!.width);
    expect(missing!.x).toBeGreaterThan(up!.x + up!.width);
    expect(missing!.x + missing!.width).toBeCloseTo(COHORT_CHANGE_WIDTH);
  });

  it('tells the kinds apart without colour: up solid, same light, down hatched, missing dotted', () => {
    const fills = parts(domainChangeChart({ ...FINNISH, down: 1, n: 7 }, TEXT).marks).map((m) => [m.data?.kind, m.fill]);
    expect(fills).toEqual([
      ['down', 'hatch'],
      ['same', 'light'],
      ['up', 'strong'],
      ['missing', 'dots'],
    ]);
  });

  it('writes a count too narrow for its part under it, and draws nothing long for an empty cohort', () => {
    const crowded = domainChangeChart({ domain: 'rights', up: 1, same: 40, down: 0, missing: 0, n: 41 }, TEXT);
    const [bar] = parts(crowded.marks);
    const one = crowded.marks.find((m): m is TextMark => m.kind === 'text' && m.text === '1')!;
    expect(one.y).toBeGreaterThan(bar!.y + bar!.height);
    const empty = domainChangeChart({ domain: 'rights', up: 0, same: 0, down: 0, missing: 0, n: 0 }, TEXT);
    expect(parts(empty.marks).every((m) => m.width === 0)).toBe(true);
    expect(words(empty.marks)).toEqual([]);
  });
});

describe('the key to the change charts', () => {
  it('names each kind beside its swatch, in the bars’ order', () => {
    const legend = cohortChangeLegend(
      { down: 'Laski', same: 'Pysyi samana', up: 'Nousi', missing: 'Ei vertailtavissa' },
      'Selite',
    );
    expect(parts(legend.marks).map((m) => [m.data?.kind, m.fill])).toEqual([
      ['down', 'hatch'],
      ['same', 'light'],
      ['up', 'strong'],
      ['missing', 'dots'],
    ]);
    expect(words(legend.marks)).toEqual(['Laski', 'Pysyi samana', 'Nousi', 'Ei vertailtavissa']);
  });
});
