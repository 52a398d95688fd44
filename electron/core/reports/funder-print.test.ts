import { describe, expect, it } from 'vitest';
import type { FunderReport } from '@shared/reports';
import { printText } from '../print/labels';
import { reportFileName, funderReportDocument } from './funder-print';

const REPORT: FunderReport = {
  set: { id: 'set', version: 'v<1>', name: 'Set <b>bold</b>' },
  period: { from: '2026-01-01', to: '2026-06-30' },
  cohort: { id: '0123456789abcdef0123456789abcdef', name: 'Kevät & syksy' },
  threshold: 3,
  tables: [
    {
      id: 't',
      title: { text: 'Taulu <script>alert(1)</script>' },
      columns: [{ key: 'reports.columns.women' }, { key: 'reports.columns.total' }],
      rows: [
        {
          id: 't/a',
          label: { text: '=A1 <img src=x>' },
          code: 'EECO02',
          within: false,
          cells: [
            { kind: 'small', below: 3 },
            { kind: 'value', value: 4 },
          ],
        },
        {
          id: 't/b',
          label: { text: 'joista' },
          code: null,
          within: true,
          cells: [{ kind: 'hidden' }, { kind: 'small', below: 3 }],
        },
      ],
    },
  ],
  notCounted: { kind: 'value', value: 0 },
  attendanceRate: null,
};

describe('the printed funder report', () => {
  it('escapes every text of the report’s data, indents a row “of whom”, and writes the marks as the screen does', () => {
    const html = funderReportDocument(REPORT, printText('fi'), { today: '2026-11-28', mode: 'print' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain('Set &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('=A1 &lt;img src=x&gt;');
    expect(html).toContain('<tr class="within">');
    expect(html).toContain('alle 3');
    expect(html).toContain('<td class="num">..</td>');
    expect(html).toContain('Ryhmä: Kevät &amp; syksy');
    expect(html).toContain('Raportointikausi 1.1.2026–30.6.2026');
    expect(html).toContain('Luvut 1–2 näytetään muodossa ”alle 3”');
    expect(html).toContain('ei näytetä (liian vähän osallistujia)');
    expect(html).not.toContain('LUOTTAMUKSELLINEN');
    expect(html).toContain('role="img"');
  });

  it('suggests the year for a calendar year and the days otherwise', () => {
    expect(reportFileName(printText('fi'), { from: '2026-01-01', to: '2026-12-31' }, 'pdf')).toBe('rahoittajaraportti-2026.pdf');
    expect(reportFileName(printText('en'), { from: '2026-01-01', to: '2026-06-30' }, 'csv')).toBe(
      'funder-report-2026-01-01-2026-06-30.csv',
    );
  });
});
