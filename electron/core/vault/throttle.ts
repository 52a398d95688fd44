import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { removeIfExists } from '../fs/atomic';
import { fileOps, type FileOps } from '../fs/file-ops';

/** Failed unlock attempts since the last success. Holds counts and a time only, nothing about who tried. */
export interface AttemptState {
  failures: number;
  /** Epoch milliseconds of the latest failure; 0 when unknown. */
  lastFailureAt: number;
}

const FREE_ATTEMPTS = 2;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 15 * 60 * 1000;

const attemptStateSchema = z.strictObject({
  failures: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  lastFailureAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/**
 * A damaged file. Deleting the file would reset the count anyway, so this is not a defence against an attacker with
 * write access; it keeps a disk fault from granting a fresh set of free attempts (the next failure waits 10 s)
 * while never locking anyone out, because a failure at time 0 has long expired.
 */
const DAMAGED: AttemptState = { failures: FREE_ATTEMPTS + 1, lastFailureAt: 0 };

function attemptsPath(dataDir: string): string {
  return join(dataDir, 'polku.attempts');
}

/** The persisted failure count; no file means no failures. */
export function readAttempts(dataDir: string): AttemptState {
  let text: string;
  try {
    text = readFileSync(attemptsPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { failures: 0, lastFailureAt: 0 };
    return { ...DAMAGED };
  }
  try {
    const parsed = attemptStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { ...DAMAGED };
  } catch {
    return { ...DAMAGED };
  }
}

/**
 * Counts one more failed unlock at `now` and persists it before returning, so a restart does not forget it.
 * `unsaved` failures, which an earlier write had no room for, are persisted with it.
 */
export function recordFailure(dataDir: string, now: number, unsaved = 0, ops: FileOps = fileOps()): AttemptState {
  const failures = readAttempts(dataDir).failures + unsaved + 1;
  const next: AttemptState = { failures, lastFailureAt: Math.max(0, Math.floor(now)) };
  ops.writeAtomic(attemptsPath(dataDir), JSON.stringify(next));
  return next;
}

/** Forgets all failures, after a successful unlock. */
export function clearFailures(dataDir: string): void {
  removeIfExists(attemptsPath(dataDir));
}

/**
 * How long the next attempt must wait: nothing for the first two failures, then 5 s, 10 s, 20 s … doubling up to
 * 15 min, counted from the latest failure.
 */
export function retryAfterMs(state: AttemptState, now: number): number {
  if (state.failures <= FREE_ATTEMPTS) return 0;
  const doublings = Math.min(state.failures - FREE_ATTEMPTS - 1, 30);
  const delay = Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_DELAY_MS);
  // Clamped to the delay itself: a clock set back must not turn a 5 s wait into days.
  return Math.min(delay, Math.max(0, state.lastFailureAt + delay - now));
}
