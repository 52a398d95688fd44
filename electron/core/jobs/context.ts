import type { JobMessage } from './protocol';
import { PROGRESS_TOTAL } from './protocol';

/** Thrown inside a job when the main side asked it to stop. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

/** One stretch of a job's progress bar, from `from` to `to` thousandths. */
export interface ProgressSpan {
  /** How far this stretch is, 0..1. */
  set(fraction: number): void;
  /** For one long statement that cannot report: progress follows `path` growing towards `bytes`. */
  watchFile(path: string, bytes: number): void;
}

/** What a job gets besides its input: cancellation and progress. */
export interface JobContext {
  /** Throws JobCancelled once a stop was asked for. Call it between steps and every few hundred rows. */
  stopIfCancelled(): void;
  /** The stretch of the progress bar from `from` to `to` (fractions of the whole job, 0..1). */
  span(from: number, to: number): ProgressSpan;
}

/** The context of a job running in a worker thread, reporting through `post`. */
export function workerJobContext(cancelFlag: SharedArrayBuffer, post: (message: JobMessage) => void): JobContext {
  const flag = new Int32Array(cancelFlag);
  let reported = -1;
  const report = (done: number) => {
    const rounded = Math.min(PROGRESS_TOTAL, Math.floor(done));
    if (rounded <= reported) return;
    reported = rounded;
    post({ type: 'progress', done: rounded });
  };
  return {
    stopIfCancelled() {
      if (Atomics.load(flag, 0) !== 0) throw new JobCancelled();
    },
    span(from, to) {
      const start = from * PROGRESS_TOTAL;
      const end = to * PROGRESS_TOTAL;
      report(start);
      return {
        set: (fraction) => report(start + (end - start) * Math.max(0, Math.min(1, fraction))),
        watchFile: (path, bytes) => post({ type: 'watch', path, bytes, from: start, to: end }),
      };
    },
  };
}

/** A context that reports nothing and is never cancelled, for running a job's steps in the calling thread. */
export const QUIET_JOB: JobContext = {
  stopIfCancelled: () => undefined,
  span: () => ({ set: () => undefined, watchFile: () => undefined }),
};
