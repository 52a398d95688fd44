import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportTable } from '../reports';
import { bundles, lookup } from '../i18n/bundles';
import { chartMarkup } from './markup';
import type { Mark, RectMark, TextMark } from './model';
import { cellText, REPORT_BARS_WIDTH, reportBarsChart, type Translate } from './report-bars';

/** The Finnish wording, as the print's `t` gives it. */
const fi: Translate = (key, values = {}) =>
  (lookup(bundles.fi, key) ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

const value = (n: number): ReportCell => ({ kind: 'value', value: n });
const SMALL: ReportCell = { kind: 'small', below: 5 };
const HIDDEN: ReportCell = { kind: 'hidden' };

const TABLE: ReportTable = {
  id: 'outputs',
  title: { text: 'Osallistujat alussa' },
  columns: [{ key: 'reports.columns.women' }, { key: 'reports.columns.men' }, { key: 'reports.columns.total' }],
  rows: [
    { id: 'outputs/EECO02', label: { text: 'Työttömät' }, code: 'EECO02', within: false, cells: [value(6), SMALL, value(9)] },
    { id: 'outputs/EECO03', label: { text: 'Pitkäaikaistyöttömät' }, code: 'EECO03', within: true, cells: [SMALL, SMALL, SMALL] },
    {
      id: 'outputs/EECO04',
      label: { text: 'Työvoiman ulkopuolella' },
      code: 'EECO04',
      within: false,
      cells: [HIDDEN, value(5), HIDDEN],
    },
    {
      id: 'outputs/none',
      label: { key: 'reports.funder.leavers' },
      code: null,
      within: false,
      cells: [value(0), value(0), value(0)],
    },
  ],
};

const bars = (marks: readonly Mark[]) => marks.filter((m): m is RectMark => m.kind === 'rect');
const texts = (marks: readonly Mark[]) => marks.filter((m): m is TextMark => m.kind === 'text');

describe('the bars of a report table', () => {
  it('draws a bar for each shown figure of the total column only, and the mark as text for the others', () => {
    const chart = reportBarsChart(TABLE, fi);
    expect(bars(chart.marks).map((m) => m.data)).toEqual([
      { row: 'outputs/EECO02', count: '9' },
      { row: 'outputs/none', count: '0' },
    ]);
    expect(
      texts(chart.marks)
        .filter((m) => m.data?.cell)
        .map((m) => [m.data?.row, m.text]),
    ).toEqual([
      ['outputs/EECO03', 'alle 5'],
      ['outputs/EECO04', '..'],
    ]);
    expect(chart.title).toBe('Osallistujat alussa');
    expect(chart.description).toContain('”Yhteensä”');
    expect(texts(chart.marks).map((m) => m.text)).toContain('EECO02 Työttömät');
    expect(texts(chart.marks).map((m) => m.text)).toContain('Päättäneet');
  });

  it('indents a row “of whom” and scales to the largest figure shown', () => {
    const chart = reportBarsChart(TABLE, fi);
    const within = texts(chart.marks).find((m) => m.text.startsWith('EECO03'))!;
    expect(within.x).toBeGreaterThan(0);
    const [nine, zero] = bars(chart.marks);
    expect(nine!.width).toBeGreaterThan(REPORT_BARS_WIDTH / 2);
    expect(zero!.width).toBe(0);
  });

  it('draws another column when asked: the women’s', () => {
    const chart = reportBarsChart(TABLE, fi, 0);
    expect(bars(chart.marks).map((m) => m.data?.count)).toEqual(['6', '0']);
  });

  it('is an accessible image with a title and a description when drawn', () => {
    const svg = chartMarkup(reportBarsChart(TABLE, fi), 'bars0');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="bars0-title">Osallistujat alussa</title>');
    expect(svg).toContain('<desc id="bars0-desc">');
  });

  it('never draws a suppressed cell as a length: bars only for values, no number that is not shown', () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 400 }).map(value), fc.constant(SMALL), fc.constant(HIDDEN));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (cells) => {
        const table: ReportTable = {
          ...TABLE,
          columns: [...TABLE.columns, { key: 'reports.columns.otherOrNotTold' }],
          rows: cells.map((row, i) => ({
            id: `r${i}`,
            label: { text: `Rivi ${i}` },
            code: null,
            within: i % 2 === 1,
            cells: row,
          })),
        };
        const chart = reportBarsChart(table, fi);
        const shown = cells.map((row) => row[3]!);
        const drawn = bars(chart.marks);
        expect(drawn.map((m) => m.data?.row)).toEqual(shown.flatMap((c, i) => (c.kind === 'value' ? [`r${i}`] : [])));
        const largest = Math.max(1, ...shown.map((c) => (c.kind === 'value' ? c.value : 0)));
        for (const bar of drawn) {
          const count = Number(bar.data?.count);
          expect(shown[Number(bar.data?.row?.slice(1))]).toEqual(value(count));
          expect(bar.width).toBeCloseTo((count / largest) * (REPORT_BARS_WIDTH - 16 - 44));
        }
        // Every word of the picture is a label, a shown figure, or a mark as the table writes it.
        const allowed = new Set([
          ...table.rows.map((r) => (r.label as { text: string }).text),
          ...shown.map((c) => cellText(fi, c)),
        ]);
        for (const mark of texts(chart.marks)) expect(allowed).toContain(mark.text);
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });
});
