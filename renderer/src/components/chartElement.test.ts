import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chartTree, type ChartModel } from '@shared/charts/model';
import { chartMarkup } from '@shared/charts/markup';
import { reportBarsChart } from '@shared/charts/report-bars';
import { toElement } from './chartElement';

const MODEL: ChartModel = {
  width: 200.123,
  height: 100,
  title: 'Suomen kieli <alku>',
  description: 'Alku & loppu',
  marks: [
    { kind: 'rect', x: 1.005, y: 2, width: 30, height: -4, fill: 'hatch', stroke: 'ink', data: { stage: 'intake', value: '3' } },
    { kind: 'line', x1: 0, y1: 0, x2: 10, y2: 10, stroke: 'mid', dash: '3 3' },
    { kind: 'path', d: 'M0,0L5,5', fill: 'none', stroke: 'strong', width: 2 },
    { kind: 'circle', cx: 5, cy: 5, r: 3, fill: 'dots', stroke: 'ink' },
    { kind: 'text', x: 4, y: 12, text: 'A1.2 "x"', anchor: 'end', bold: true },
  ],
};

describe('one chart tree, two renderers', () => {
  it('writes the same SVG on screen and in print, escaped, with only the patterns used', () => {
    const printed = chartMarkup(MODEL, 'c1');
    const screen = renderToStaticMarkup(toElement(chartTree(MODEL, 'c1')));
    // React writes empty elements self-closed; otherwise the markup is the same, attribute for attribute.
    const normal = (s: string) => s.replace(/<(\w+)([^>]*)\/>/g, '<$1$2></$1>').replace(/&#x27;/g, '&#39;');
    expect(normal(screen)).toBe(normal(printed));
    expect(printed).toContain('<title id="c1-title">Suomen kieli &lt;alku&gt;</title>');
    expect(printed).toContain('fill="url(#c1-hatch)"');
    expect(printed).toContain('<pattern id="c1-dots"');
    expect(printed).toContain('data-stage="intake"');
    expect(printed).toContain('height="0"');
    expect(printed).toContain('width="200.12"');
    expect(printed).not.toContain('<script');
  });
});

describe('a report table’s bars on screen', () => {
  it('draw as on paper: bars for shown figures, the marks as text, an image named by the table', () => {
    const t = (key: string, values: Record<string, string | number> = {}) => `${key}${JSON.stringify(values)}`;
    const model = reportBarsChart(
      {
        id: 'participation',
        title: { text: 'Osallistujat' },
        columns: [{ text: 'Naiset' }, { text: 'Yhteensä' }],
        rows: [
          {
            id: 'a',
            label: { text: 'Aloittaneet' },
            code: 'EECO01',
            within: false,
            cells: [
              { kind: 'small', below: 5 },
              { kind: 'value', value: 7 },
            ],
          },
          {
            id: 'b',
            label: { text: 'Päättäneet' },
            code: null,
            within: false,
            cells: [
              { kind: 'value', value: 0 },
              { kind: 'small', below: 5 },
            ],
          },
        ],
      },
      t,
    );
    const screen = renderToStaticMarkup(toElement(chartTree(model, 'r1')));
    const normal = (s: string) => s.replace(/<(\w+)([^>]*)\/>/g, '<$1$2></$1>').replace(/&#x27;/g, '&#39;');
    expect(normal(screen)).toBe(normal(chartMarkup(model, 'r1')));
    expect(screen).toContain('role="img"');
    expect(screen).toContain('data-row="a" data-count="7"');
    expect(screen).toContain('data-row="b" data-cell="small"');
    expect(screen.match(/<rect /g)).toHaveLength(1);
  });
});
