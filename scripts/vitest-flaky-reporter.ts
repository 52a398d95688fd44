/**
 * A Vitest reporter that names every test which passed only on a retry and fails the run because of it: a test that
 * passes sometimes says nothing about the code it guards. The project sets no retries; this catches a `retry` option
 * added to a single test.
 */
import { relative } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';

export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    if (testCase.diagnostic()?.flaky)
      this.flaky.push(`${relative(process.cwd(), testCase.module.moduleId)} > ${testCase.fullName}`);
  }

  onTestRunEnd(): void {
    if (this.flaky.length === 0) return;
    process.stderr.write(
      `\nFlaky (passed only on a retry), ${this.flaky.length}; the run fails because of them:\n` +
        this.flaky.map((name) => `  ${name}\n`).join(''),
    );
    process.exitCode = 1;
  }
}
