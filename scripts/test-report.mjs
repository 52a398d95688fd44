// The closing count of `npm test`, read from Vitest's and Playwright's JSON reports. A test that passed only on a
// retry is flaky: it is counted apart, named, and fails the run (Playwright's failOnFlakyTests does the same).

/** The titles of the Playwright tests that passed only on a retry, as `file › describe › test [project]`. */
function flakyTitles(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.filter((t) => t.status === 'flaky').map((t) => `${[...here, spec.title].join(' › ')} [${t.projectName}]`),
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => flakyTitles(child, here))];
}

/** Adds the counts of the reports given (either may be null: its step did not run). */
export function countResults({ vitest = null, playwright = null }) {
  const counts = { passed: 0, failed: 0, skipped: 0, flaky: [] };
  if (vitest) {
    counts.passed += vitest.numPassedTests;
    counts.failed += vitest.numFailedTests;
    counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  if (playwright) {
    const { stats } = playwright;
    counts.passed += stats.expected;
    counts.failed += stats.unexpected;
    counts.skipped += stats.skipped;
    counts.flaky = playwright.suites.flatMap((suite) => flakyTitles(suite));
  }
  return counts;
}

/** The closing paragraphs: flaky tests by name, the skip note, the failed step, then `N passed, N failed`. */
export function summary({ passed, failed, skipped, flaky }, failedStep) {
  const lines = [];
  if (flaky.length > 0) {
    lines.push(
      [`${flaky.length} flaky (failed, then passed on a retry); they fail the run:`, ...flaky.map((t) => `  ${t}`)].join('\n'),
    );
  }
  if (skipped > 0)
    lines.push(`${skipped} tests were skipped (see the reasons printed above); skipped tests do not count as passed.`);
  if (failedStep) lines.push(`npm test: the step "${failedStep}" failed.`);
  // A step that failed without a failed test (a type error, a lint finding) still counts as one failure.
  const failures = failedStep && failed === 0 && flaky.length === 0 ? 1 : failed;
  lines.push(
    `${passed} passed, ${failures} failed${flaky.length ? `, ${flaky.length} flaky` : ''}${skipped ? `, ${skipped} skipped` : ''}`,
  );
  return lines;
}
