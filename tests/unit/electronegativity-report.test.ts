import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the gate script is plain JavaScript run by node; its reader is what is tested here.
import { findingsFromCsv } from '../../scripts/electronegativity.mjs';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const URL = 'https://github.com/doyensec/electronegativity/wiki/';
const row = (check: string, severity: string, sample: string) =>
  `${check},"${severity}","CERTAIN","core/static/serve.ts","20:4","${sample.replace(/"/g, '""')}","One or more CSP directives detected seems to be vulnerable",${URL}${check}`;

describe('the security scan’s report reader', () => {
  it('reads each finding, with quotes and commas inside a quoted field', () => {
    const text = [HEADER, row('CSP_GLOBAL_CHECK', 'LOW', `"default-src 'self', script-src 'self'"`), ''].join('\n');
    expect(findingsFromCsv(text)).toEqual([
      {
        check: 'CSP_GLOBAL_CHECK',
        severity: 'LOW',
        confidence: 'CERTAIN',
        file: 'core/static/serve.ts',
        location: '20:4',
        description: 'One or more CSP directives detected seems to be vulnerable',
      },
    ]);
    expect(findingsFromCsv(`${HEADER}\n`)).toEqual([]);
  });

  it('refuses a report cut off inside a field, as the tool’s racing writes leave it', () => {
    const whole = [HEADER, row('CSP_GLOBAL_CHECK', 'LOW', 'sample')].join('\n');
    expect(() => findingsFromCsv(whole.slice(0, whole.lastIndexOf('sample') + 3))).toThrow('unterminated quoted field');
  });

  it('refuses a report without its header, or with a damaged line', () => {
    expect(() => findingsFromCsv(row('CSP_GLOBAL_CHECK', 'LOW', 'x'))).toThrow('header');
    expect(() => findingsFromCsv([HEADER, row('CSP_GLOBAL_CHECK', 'SEVERE', 'x')].join('\n'))).toThrow('damaged');
  });
});
