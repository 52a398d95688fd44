import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestCase } from 'vitest/node';
import FlakyReporter from '../../scripts/vitest-flaky-reporter';

/** The parts of Vitest's TestCase the reporter reads. */
function testCase(fullName: string, flaky: boolean): TestCase {
  return {
    fullName,
    module: { moduleId: `${process.cwd()}/electron/core/example.test.ts` },
    diagnostic: () => ({ flaky }),
  } as unknown as TestCase;
}

describe('the flaky-test reporter', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
    vi.restoreAllMocks();
  });

  it('names a test that passed only on a retry on a line of its own and fails the run', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const reporter = new FlakyReporter();
    reporter.onTestCaseResult(testCase('vault opens', false));
    reporter.onTestCaseResult(testCase('backup > writes a copy', true));
    reporter.onTestRunEnd();
    const output = written.join('');
    expect(output).toContain('Flaky (passed only on a retry), 1');
    expect(output).toContain('  electron/core/example.test.ts > backup > writes a copy\n');
    expect(output).not.toContain('vault opens');
    expect(process.exitCode).toBe(1);
  });

  it('leaves a run without flaky tests alone', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const reporter = new FlakyReporter();
    reporter.onTestCaseResult(testCase('vault opens', false));
    reporter.onTestRunEnd();
    expect(write).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(exitCode);
  });
});
