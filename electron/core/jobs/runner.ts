import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { logEvent } from '../log';
import { locateWorker } from './locate';
import { PROGRESS_TOTAL, type JobMessage, type WorkerData } from './protocol';
import type { JobInput, JobName, JobOutput } from './table';

/** The outcome of a job stopped on request. */
export class JobStopped extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobStopped';
  }
}

/** A job running in a worker thread. */
export interface RunningJob<T> {
  /** Settles once the worker thread has ended (its connections closed): the value, an AppError, or JobStopped. */
  readonly outcome: Promise<T>;
  /** Asks the job to stop at its next step; `outcome` then rejects with JobStopped. */
  stop(): void;
}

export interface JobOptions {
  /** Progress in thousandths; called at most every PROGRESS_INTERVAL_MS, and never backwards. */
  onProgress(done: number, total: number): void;
  /** Buffers moved to the worker (keys): they are unusable here afterwards. */
  transfer?: ArrayBuffer[];
}

const PROGRESS_INTERVAL_MS = 100;
const WATCH_INTERVAL_MS = 200;

/**
 * Runs `name` in a new worker thread with its own connections, so that the main thread stays free for the
 * window (and for a stop or a lock) however long the job takes.
 */
export function runJob<N extends JobName>(name: N, input: JobInput<N>, options: JobOptions): RunningJob<JobOutput<N>> {
  const cancelFlag = new SharedArrayBuffer(4);
  const script = locateWorker();
  const data: WorkerData = { start: { job: name, input, cancelFlag }, ...(script.source ? { source: script.source } : {}) };
  const worker = new Worker(script.file, {
    workerData: data,
    transferList: options.transfer ?? [],
    // From source the entry registers its own TypeScript loader; flags of the parent (test runners') stay out.
    ...(script.source ? { execArgv: [] } : {}),
  });

  let last: JobMessage | null = null;
  let reported = -1;
  let reportedAt = 0;
  let watch: ReturnType<typeof setInterval> | undefined;
  const report = (done: number) => {
    const now = Date.now();
    if (done <= reported || now - reportedAt < PROGRESS_INTERVAL_MS) return;
    reported = done;
    reportedAt = now;
    options.onProgress(done, PROGRESS_TOTAL);
  };
  const stopWatching = () => clearInterval(watch);

  const outcome = new Promise<JobOutput<N>>((resolve, reject) => {
    worker.on('message', (message: JobMessage) => {
      if (message.type === 'progress') {
        stopWatching();
        report(message.done);
      } else if (message.type === 'watch') {
        stopWatching();
        watch = setInterval(() => report(watchedProgress(message)), WATCH_INTERVAL_MS);
      } else {
        last = message;
      }
    });
    worker.on('error', (error) => {
      logEvent('internal-error', { channel: name, error });
      last ??= { type: 'failed', code: 'internal' };
    });
    worker.on('exit', () => {
      stopWatching();
      const settled = last as JobMessage | null;
      if (settled?.type === 'done') resolve(settled.value as JobOutput<N>);
      else if (settled?.type === 'cancelled') reject(new JobStopped());
      else reject(new AppError(settled?.type === 'failed' ? settled.code : 'internal'));
    });
  });
  return { outcome, stop: () => Atomics.store(new Int32Array(cancelFlag), 0, 1) };
}

/** Progress within a long statement, from how far the file it writes has grown. */
function watchedProgress(watch: Extract<JobMessage, { type: 'watch' }>): number {
  let size = 0;
  try {
    size = statSync(watch.path).size;
  } catch {
    // Not there yet, or already gone: no news.
  }
  return Math.floor(watch.from + (watch.to - watch.from) * Math.min(1, size / Math.max(1, watch.bytes)));
}
