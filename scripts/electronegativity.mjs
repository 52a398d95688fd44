// Security scan of the Electron side with Electronegativity; fails on any HIGH or MEDIUM finding.
// Its CLI exits 0 whatever it finds, so this script reads the report. One check is excluded by name:
// PRELOAD_JS_CHECK ("review the preload"), answered by the reviewed note in docs/security-review.md.
//
// The CSV report (which carries the severity) is written by the tool in two unsynchronised writes (the header
// with 'w' and the rows with 'a'), so the scan also writes a SARIF report (one write) and the two must agree on
// the number of findings: a report that lost rows fails the gate instead of passing it. When the writes race
// (seen on a loaded machine: a row cut off mid-field), the scan is run again, up to ATTEMPTS times; a report that
// is still damaged then fails the gate.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const BIN = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const INPUT = 'electron';
/** Check class names as the tool's --exclude-checks expects them (PRELOAD_JS_CHECK is the class PreloadJSCheck). */
const EXCLUDED = ['PreloadJSCheck'];
const EXCLUDED_IDS = new Set(['PRELOAD_JS_CHECK']);
const FAILING = new Set(['HIGH', 'MEDIUM']);
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);
const CSV_HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
// Without the network the tool waits for release lists before giving up; never wait forever.
const TIMEOUT_MS = 5 * 60_000;
const ATTEMPTS = 3;

/** A report the tool wrote badly: worth another scan, unlike a finding. */
class DamagedReport extends Error {}

/** Splits RFC 4180 CSV text into rows of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The findings of a CSV report, checked field by field; throws on anything that is not a whole report. */
export function findingsFromCsv(text) {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== CSV_HEADER) throw new Error('the report does not start with its header');
  const rows = parseCsv(lines.slice(1).join('\n')).filter((row) => row.length > 1 || row[0] !== '');
  return rows.map((row) => {
    const [check, severity, confidence, file, location, , description, url] = row;
    if (row.length !== 8 || !/^[A-Z0-9_]+$/.test(check) || !SEVERITIES.has(severity) || !url.endsWith(`/${check}`)) {
      throw new Error(`a report line is damaged: ${row.slice(0, 2).join(', ')}`);
    }
    return { check, severity, confidence, file, location, description };
  });
}

function run(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(BIN, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`electronegativity did not finish in ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`electronegativity exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

/** One scan: both reports, read and checked against each other. */
async function scan(reports, electronVersion, attempt) {
  const csvPath = join(reports, `report-${attempt}.csv`);
  const sarifPath = join(reports, `report-${attempt}.sarif`);
  const common = ['-i', INPUT, '-e', electronVersion, '-x', EXCLUDED.join(','), '-r'];
  await Promise.all([run([...common, '-o', csvPath]), run([...common, '-o', sarifPath])]);
  let findings;
  try {
    findings = findingsFromCsv(readFileSync(csvPath, 'utf8'));
  } catch (error) {
    throw new DamagedReport(`the CSV report is damaged (${error.message})`);
  }
  const sarifCount = JSON.parse(readFileSync(sarifPath, 'utf8')).runs[0].results.length;
  if (sarifCount !== findings.length) {
    throw new DamagedReport(`the reports disagree (${findings.length} findings in CSV, ${sarifCount} in SARIF)`);
  }
  return findings;
}

async function scanUntilWhole(reports, electronVersion) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await scan(reports, electronVersion, attempt);
    } catch (error) {
      if (!(error instanceof DamagedReport) || attempt === ATTEMPTS) throw error;
      console.error(`electronegativity: ${error.message}; scanning again (${attempt + 1} of ${ATTEMPTS}).`);
    }
  }
}

async function main() {
  if (!existsSync(BIN)) {
    console.error('electronegativity: the scanner is not installed; run `npm install`.');
    return 1;
  }
  const electronVersion = require('electron/package.json').version;
  const reports = mkdtempSync(join(tmpdir(), 'polku-electronegativity-'));
  try {
    const findings = await scanUntilWhole(reports, electronVersion);
    const counted = findings.filter((finding) => !EXCLUDED_IDS.has(finding.check));
    const failing = counted.filter((finding) => FAILING.has(finding.severity));
    for (const finding of counted) {
      const where = finding.file === 'N/A' ? 'whole app' : `${INPUT}/${finding.file}:${finding.location.split(':')[0]}`;
      console.log(
        `${FAILING.has(finding.severity) ? 'FAIL' : 'note'}  ${finding.check}  ${finding.severity}  ${where}  ${finding.description}`,
      );
    }
    const bySeverity = (severity) => counted.filter((finding) => finding.severity === severity).length;
    console.log(
      `electronegativity (Electron ${electronVersion}, ${INPUT}/, excluded: ${[...EXCLUDED_IDS].join(', ')}): ` +
        `${bySeverity('HIGH')} high, ${bySeverity('MEDIUM')} medium, ${bySeverity('LOW')} low, ${bySeverity('INFORMATIONAL')} informational`,
    );
    return failing.length > 0 ? 1 : 0;
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`electronegativity: ${error.message}`);
      process.exit(1);
    },
  );
}
