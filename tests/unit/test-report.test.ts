import { describe, expect, it } from 'vitest';
import { countResults, summary } from '../../scripts/test-report.mjs';

const vitest = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0 };

/** A Playwright JSON report: one file, a describe block inside it, one test flaky in the browser project. */
const playwright = {
  stats: { expected: 3, unexpected: 0, flaky: 1, skipped: 2 },
  suites: [
    {
      title: 'case-file.spec.ts',
      specs: [{ title: 'opens', tests: [{ projectName: 'browser', status: 'expected' }] }],
      suites: [
        {
          title: 'a confidential case file in fi',
          specs: [
            {
              title: 'keeps the private notes private',
              tests: [
                { projectName: 'browser', status: 'flaky' },
                { projectName: 'electron', status: 'skipped' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('the closing count of npm test', () => {
  it('counts a flaky end-to-end test neither as passed nor as failed, and names it on a line of its own', () => {
    const counts = countResults({ vitest, playwright });
    expect(counts).toEqual({
      passed: 13,
      failed: 0,
      skipped: 3,
      flaky: ['case-file.spec.ts › a confidential case file in fi › keeps the private notes private [browser]'],
    });
    const paragraphs = summary(counts, 'e2e');
    expect(paragraphs[0]).toBe(
      '1 flaky (failed, then passed on a retry); they fail the run:\n' +
        '  case-file.spec.ts › a confidential case file in fi › keeps the private notes private [browser]',
    );
    expect(paragraphs).toContain('npm test: the step "e2e" failed.');
    expect(paragraphs.at(-1)).toBe('13 passed, 0 failed, 1 flaky, 3 skipped');
  });

  it('counts a step that failed without a failed test as one failure', () => {
    expect(summary(countResults({}), 'lint')).toEqual(['npm test: the step "lint" failed.', '0 passed, 1 failed']);
  });

  it('ends a clean run with the plain count', () => {
    const counts = countResults({ vitest: { ...vitest, numPendingTests: 0 } });
    expect(summary(counts, null)).toEqual(['10 passed, 0 failed']);
  });
});
