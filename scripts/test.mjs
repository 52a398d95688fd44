// `npm test`: everything CI runs, in order, stopping at the first failing step, with one closing count.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countResults, summary } from './test-report.mjs';

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

function readReport(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
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
const counts = countResults({ vitest: readReport(vitestJson), playwright: readReport(playwrightJson) });
rmSync(reports, { recursive: true, force: true });
for (const paragraph of summary(counts, failedStep)) console.log(`\n${paragraph}`);
process.exit(failedStep ? 1 : 0);
