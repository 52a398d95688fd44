// `npm test`: everything CI runs, in order, stopping at the first failing step, with one closing count.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.POLKU_CHROMIUM ?? '/usr/bin/chromium';

function preflight() {
  const problems = [];
  if (!existsSync(CHROMIUM)) {
    problems.push(`Chromium is missing at ${CHROMIUM}. On Debian/Ubuntu: sudo apt-get install chromium (or set POLKU_CHROMIUM).`);
  }
  try {
    require('better-sqlite3-multiple-ciphers');
  } catch {
    problems.push(
      'The database module is not built for this Node. Run `npm install` (Debian/Ubuntu need: sudo apt-get install g++ make python3).',
    );
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`npm test: ${problem}`);
    process.exit(1);
  }
}

const reports = mkdtempSync(join(tmpdir(), 'polku-test-reports-'));
const vitestJson = join(reports, 'vitest.json');
const playwrightJson = join(reports, 'playwright.json');

const steps = [
  ['types', 'npx', ['tsc', '-b', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  [
    'unit',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=./scripts/vitest-flaky-reporter.ts',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ],
  ],
  ['electronegativity', 'node', ['scripts/electronegativity.mjs']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }],
];

/** The titles of the Playwright tests that passed only on a retry, as `file › describe › test [project]`. */
function flakyTitles(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.tests.filter((t) => t.status === 'flaky').map((t) => `${[...here, spec.title].join(' › ')} [${t.projectName}]`),
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => flakyTitles(child, here))];
}

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let flaky = [];
  if (existsSync(vitestJson)) {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
  }
  if (existsSync(playwrightJson)) {
    const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
    const p = report.stats;
    // A flaky test failed at least once: it is neither passed nor failed, and it fails the run (failOnFlakyTests).
    passed += p.expected;
    failed += p.unexpected;
    skipped += p.skipped;
    flaky = report.suites.flatMap((suite) => flakyTitles(suite));
  }
  return { passed, failed, skipped, flaky };
}

preflight();
let failedStep = null;
for (const [name, command, args, env = {}] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}
const { passed, failed, skipped, flaky } = counts();
rmSync(reports, { recursive: true, force: true });
if (flaky.length > 0) {
  console.log(`\n${flaky.length} flaky (failed, then passed on a retry); they fail the run:`);
  for (const title of flaky) console.log(`  ${title}`);
}
if (skipped > 0)
  console.log(`\n${skipped} tests were skipped (see the reasons printed above); skipped tests do not count as passed.`);
if (failedStep) console.log(`\nnpm test: the step "${failedStep}" failed.`);
console.log(
  `\n${passed} passed, ${failedStep && failed === 0 && flaky.length === 0 ? 1 : failed} failed${flaky.length ? `, ${flaky.length} flaky` : ''}${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failedStep ? 1 : 0);
