/**
 * The short form of the random-kill suite (tests/support/fault-suite.ts; the long form is `npm run test:faults`):
 * twenty SIGKILLs of a child writing every kind of record, half among plain writes, the others at start-up and in
 * each long operation, each followed by the checks of a fresh core. A failure names the seed that reproduces it.
 */
import { expect, it } from 'vitest';
import { formatSummary, runFaultSuite } from '../support/fault-suite';

it('twenty kills at random moments lose no acknowledged write and leave a vault every slot opens', async () => {
  const seed = Math.floor(Math.random() * 2 ** 31);
  const summary = await runFaultSuite({ seed, kills: 20, freshEvery: 10 });
  expect(summary.failures, formatSummary(summary).join('\n')).toEqual([]);
  expect(summary.kills).toBe(20);
  // The long operations were each cut at least once.
  for (const mode of ['startup', 'backup', 'restore', 'rotate', 'passphrase', 'unlock'] as const)
    expect(summary.byMode[mode], mode).toBeGreaterThan(0);
  expect(summary.acknowledged).toBeGreaterThan(0);
}, 600_000);
