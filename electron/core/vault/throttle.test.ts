import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearFailures, readAttempts, recordFailure, retryAfterMs } from './throttle';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

describe('retryAfterMs', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 5_000],
    [4, 10_000],
    [5, 20_000],
    [6, 40_000],
    [10, 640_000],
    [11, 900_000],
    [12, 900_000],
    [1_000_000, 900_000],
  ])('after %i failures makes the next attempt wait %i ms', (failures, wait) => {
    expect(retryAfterMs({ failures, lastFailureAt: T0 }, T0)).toBe(wait);
  });

  it('counts the wait from the latest failure', () => {
    const state = { failures: 3, lastFailureAt: T0 };
    expect(retryAfterMs(state, T0 + 3_000)).toBe(2_000);
    expect(retryAfterMs(state, T0 + 5_000)).toBe(0);
    expect(retryAfterMs(state, T0 + 60_000)).toBe(0);
  });

  it('never waits longer than the scheduled delay when the clock was set back', () => {
    expect(retryAfterMs({ failures: 3, lastFailureAt: T0 }, T0 - 24 * 3600 * 1000)).toBe(5_000);
  });
});

describe('attempt state on disk', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'polku-throttle-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with no failures when there is no file', () => {
    expect(readAttempts(dataDir)).toEqual({ failures: 0, lastFailureAt: 0 });
  });

  it('remembers failures across a restart (a fresh read of the file)', () => {
    recordFailure(dataDir, T0);
    recordFailure(dataDir, T0 + 1_000);
    recordFailure(dataDir, T0 + 2_000);
    const reread = readAttempts(dataDir);
    expect(reread).toEqual({ failures: 3, lastFailureAt: T0 + 2_000 });
    expect(retryAfterMs(reread, T0 + 2_000)).toBe(5_000);
  });

  it('stores counts and a time only', () => {
    recordFailure(dataDir, T0);
    expect(JSON.parse(readFileSync(join(dataDir, 'polku.attempts'), 'utf8'))).toEqual({ failures: 1, lastFailureAt: T0 });
  });

  it('forgets every failure after a successful unlock', () => {
    recordFailure(dataDir, T0);
    recordFailure(dataDir, T0);
    recordFailure(dataDir, T0);
    clearFailures(dataDir);
    expect(existsSync(join(dataDir, 'polku.attempts'))).toBe(false);
    expect(readAttempts(dataDir)).toEqual({ failures: 0, lastFailureAt: 0 });
    expect(() => clearFailures(dataDir)).not.toThrow();
  });

  it.each([
    ['truncated JSON', '{"failures": 4, "lastF'],
    ['garbage', '\u0000\u0001binary'],
    ['the wrong shape', '{"failures": "many"}'],
    ['a negative count', '{"failures": -5, "lastFailureAt": 0}'],
  ])('treats %s as damage: no wait now, but no fresh free attempts either', (_, content) => {
    writeFileSync(join(dataDir, 'polku.attempts'), content);
    const damaged = readAttempts(dataDir);
    expect(damaged).toEqual({ failures: 3, lastFailureAt: 0 });
    expect(retryAfterMs(damaged, T0)).toBe(0);
    const next = recordFailure(dataDir, T0);
    expect(next).toEqual({ failures: 4, lastFailureAt: T0 });
    expect(retryAfterMs(readAttempts(dataDir), T0)).toBe(10_000);
  });
});
