import { describe, expect, it } from 'vitest';
import { REPORT_COLUMNS, type FunderReport } from '@shared/reports';
import { parseCsv } from '../../../tests/support/csv';
import { printText } from '../print/labels';
import { CSV_BOM, csvField, csvText, funderCsv, tableRows } from './csv';

const REPORT: FunderReport = {
  set: { id: 'esf-plus-2021-2027', version: '1', name: 'ESF+' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  cohort: null,
  threshold: 5,
  tables: [
    {
      id: 'outputs',
      title: { text: 'Tuotokset; alussa' },
      columns: REPORT_COLUMNS.map((c) => ({ key: `reports.columns.${c}` })),
      rows: [
        {
          id: 'outputs/EECO02',
          label: { text: '=HYPERLINK("http://x","työttömät")' },
          code: 'EECO02',
          within: false,
          cells: [{ kind: 'value', value: 7 }, { kind: 'small', below: 5 }, { kind: 'hidden' }, { kind: 'value', value: 12 }],
        },
        {
          id: 'outputs/x',
          label: { key: 'reports.funder.completed' },
          code: null,
          within: true,
          cells: [
            { kind: 'value', value: 0 },
            { kind: 'value', value: 0 },
            { kind: 'value', value: 0 },
            { kind: 'value', value: 0 },
          ],
        },
      ],
    },
  ],
  notCounted: { kind: 'small', below: 5 },
  attendanceRate: 83,
};

describe('a CSV field', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+358 40', `"'+358 40"`],
    ['-3', `"'-3"`],
    ['\u22123', `"'\u22123"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['\uFF1D1', `"'\uFF1D1"`],
    ['=say "hi"', `"'=say ""hi"""`],
  ])('escapes %j against formula injection: an apostrophe in front, quoted', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['Työttömät', 'Työttömät'],
    ['<5', '<5'],
    ['..', '..'],
    ['12', '12'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['a = b', 'a = b'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('reads back as the value with its apostrophe, whatever it holds', () => {
    const values = ['=1', 'a;b', 'say "hi"', '-', 'x\r\ny', '@', 'plain'];
    const [read] = parseCsv(csvText([values]).slice(1));
    expect(read).toEqual(values.map((v) => (/^[=+\-@\r]/.test(v) ? `'${v}` : v)));
  });
});

describe('the funder report as CSV', () => {
  it('begins with the byte-order mark, separates with “;”, ends every line with CRLF', () => {
    const csv = funderCsv(REPORT, printText('fi'));
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('holds the header, each row with its table, code, label and marks, then the report’s own figures', () => {
    const rows = parseCsv(funderCsv(REPORT, printText('fi')).slice(1));
    expect(rows).toEqual([
      ['Taulukko', 'Koodi', 'Indikaattori', 'Naiset', 'Miehet', 'Muu tai ei kerrottu', 'Yhteensä'],
      ['Tuotokset; alussa', 'EECO02', `'=HYPERLINK("http://x","työttömät")`, '7', '<5', '..', '12'],
      ['Tuotokset; alussa', '', 'joista suorittaneet', '0', '0', '0', '0'],
      ['Muut luvut', '', 'Ei laskettu mukaan (ei suostumusta rahoittajan tilastointiin)', '', '', '', '<5'],
      ['Muut luvut', '', 'Läsnäoloaste (%)', '', '', '', '83'],
    ]);
  });

  it('speaks the report’s language in its headings and labels', () => {
    const [head] = tableRows(REPORT.tables, printText('sv'));
    expect(head).toEqual(['Tabell', 'Kod', 'Indikator', 'Kvinnor', 'Män', expect.any(String), 'Totalt']);
    const rows = parseCsv(funderCsv({ ...REPORT, attendanceRate: null }, printText('en')).slice(1));
    expect(rows.at(-1)).toEqual(['Other figures', '', 'Attendance rate (%)', '', '', '', '']);
  });
});
