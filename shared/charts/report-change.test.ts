import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS } from '../assessments';
import type { ReportCell, ReportTable } from '../reports';
import { bundles, lookup } from '../i18n/bundles';
import { chartMarkup } from './markup';
import type { Translate } from './report-bars';
import { reportChangeCharts } from './report-change';

const fi: Translate = (key, values = {}) =>
  (lookup(bundles.fi, key) ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
const value = (n: number): ReportCell => ({ kind: 'value', value: n });

/** Columns as the programme report writes them: down, same, up, cannot compare, then the total. */
const TABLE: ReportTable = {
  id: 'change',
  title: { key: 'reports.programme.change' },
  columns: [
    ...CHANGE_KINDS.map((kind) => ({ key: `assessments.cohortChange.kinds.${kind}` })),
    { key: 'assessments.cohortChange.total' },
  ],
  rows: [
    {
      id: 'finnish',
      label: { key: 'assessments.domains.finnish' },
      code: null,
      within: false,
      cells: [0, 6, 9, 5, 20].map(value),
    },
    {
      id: 'digital',
      label: { key: 'assessments.domains.digital' },
      code: null,
      within: false,
      cells: [{ kind: 'small', below: 5 }, value(8), { kind: 'hidden' }, value(5), value(20)],
    },
  ],
};

describe('the change per domain of a report', () => {
  it('draws a domain whose counts are all shown as the group page does, each part its count', () => {
    const { charts } = reportChangeCharts(TABLE, fi);
    expect(charts.map((c) => c.domain)).toEqual(['Suomen kieli']);
    const markup = chartMarkup(charts[0]!.chart, 'x');
    for (const [kind, count] of [
      ['down', 0],
      ['same', 6],
      ['up', 9],
      ['missing', 5],
    ] as const)
      expect(markup).toContain(`data-kind="${kind}" data-count="${count}"`);
  });

  it('leaves out a domain with a small or hidden count and names it, so that no bar shows what the table hides', () => {
    const { charts, leftOut } = reportChangeCharts(TABLE, fi);
    expect(leftOut).toEqual(['Digitaidot']);
    expect(charts.map((c) => chartMarkup(c.chart, 'y')).join('')).not.toContain('data-domain="digital"');
  });
});
