/**
 * `npm run test:faults`: the long form of the random-kill suite (tests/support/fault-suite.ts).
 *
 *   npm run test:faults                      200 kills
 *   npm run test:faults -- --kills 500       a count
 *   npm run test:faults -- --minutes 30      a time (the count then bounds nothing unless given too)
 *   npm run test:faults -- --seed 1234       a run again, kill for kill (up to the timing of the kills)
 *   npm run test:faults -- --keep            keeps the folder of each failed check (synthetic data only)
 *   npm run test:faults -- --fuzz [--runs N] the IPC fuzz tests (every file named *fuzz*), N cases a channel (1,000 by default)
 *
 * Exits 1 when any check failed; each failure is printed with the seed that reproduces it.
 */
import { spawnSync } from 'node:child_process';
import { formatSummary, runFaultSuite } from '../support/fault-suite';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

if (process.argv.includes('--fuzz')) {
  const runs = option('runs') ?? '1000';
  const started = Date.now();
  const result = spawnSync('npx', ['vitest', 'run', 'fuzz'], {
    stdio: 'inherit',
    env: { ...process.env, POLKU_FUZZ_RUNS: runs },
  });
  process.stdout.write(`\nIPC fuzz: ${runs} cases a channel in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  process.exit(result.status ?? 1);
}

const minutes = option('minutes');
const kills = option('kills');
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
const summary = await runFaultSuite({
  seed,
  kills: kills ? Number(kills) : minutes ? Number.POSITIVE_INFINITY : 200,
  ...(minutes ? { minutes: Number(minutes) } : {}),
  keepFailed: process.argv.includes('--keep'),
  onKill(s) {
    const last = s.failures.at(-1);
    const failed = last && last.kill === s.kills - 1 ? ` FAILED: ${last.message}` : '';
    process.stdout.write(`kill ${s.kills} (${(s.ms / 1000) | 0} s)${failed}\n`);
  },
});
process.stdout.write(`\n${formatSummary(summary).join('\n')}\n`);
process.exit(summary.failures.length === 0 ? 0 : 1);
