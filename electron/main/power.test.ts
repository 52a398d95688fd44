import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_CHECK_INTERVAL_MS, watchLockTriggers } from './power';
import { powerMonitor, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

function fakeCore() {
  return { lock: vi.fn(), checkIdle: vi.fn() };
}

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('lock triggers', () => {
  it('lock the vault when the computer goes to sleep', () => {
    const core = fakeCore();
    watchLockTriggers(core);
    powerMonitor.emit('suspend');
    expect(core.lock).toHaveBeenCalledExactlyOnceWith('suspend');
  });

  it('lock the vault when the screen is locked', () => {
    const core = fakeCore();
    watchLockTriggers(core);
    powerMonitor.emit('lock-screen');
    expect(core.lock).toHaveBeenCalledExactlyOnceWith('screen-lock');
  });

  it('lock the vault when the system shuts down', () => {
    const core = fakeCore();
    watchLockTriggers(core);
    powerMonitor.emit('shutdown');
    expect(core.lock).toHaveBeenCalledExactlyOnceWith('shutdown');
  });

  it('lock the vault within 15 seconds of the system reporting its screen locked, as Linux has no screen-lock event', () => {
    const core = fakeCore();
    watchLockTriggers(core);
    vi.advanceTimersByTime(IDLE_CHECK_INTERVAL_MS);
    expect(core.lock).not.toHaveBeenCalled();
    powerMonitor.getSystemIdleState.mockReturnValue('locked');
    vi.advanceTimersByTime(IDLE_CHECK_INTERVAL_MS);
    expect(core.lock).toHaveBeenCalledExactlyOnceWith('screen-lock');
  });

  it('keep the vault open while the system reports it idle or cannot tell', () => {
    const core = fakeCore();
    watchLockTriggers(core);
    for (const state of ['idle', 'unknown'] as const) {
      powerMonitor.getSystemIdleState.mockReturnValue(state);
      vi.advanceTimersByTime(IDLE_CHECK_INTERVAL_MS);
    }
    expect(core.lock).not.toHaveBeenCalled();
    expect(core.checkIdle).toHaveBeenCalledTimes(2);
  });

  it('check the idle rule every 15 seconds', () => {
    const core = fakeCore();
    watchLockTriggers(core);
    expect(IDLE_CHECK_INTERVAL_MS).toBe(15_000);
    vi.advanceTimersByTime(14_999);
    expect(core.checkIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(core.checkIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30_000);
    expect(core.checkIdle).toHaveBeenCalledTimes(3);
  });

  it('stop entirely when stopped', () => {
    const core = fakeCore();
    const stop = watchLockTriggers(core);
    stop();
    powerMonitor.getSystemIdleState.mockReturnValue('locked');
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    vi.advanceTimersByTime(60_000);
    expect(core.lock).not.toHaveBeenCalled();
    expect(core.checkIdle).not.toHaveBeenCalled();
  });
});
