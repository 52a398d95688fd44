/**
 * The entry of a job's worker thread (built as its own bundle, `jobs-worker.js`, beside the main bundle): runs
 * one job with its own database connections, reports progress and its outcome to the main side, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { isDiskFull } from '../fs/disk-full';
import { logEvent } from '../log';
import { JobCancelled, workerJobContext, type JobContext } from './context';
import type { JobMessage, WorkerData } from './protocol';
import { JOBS } from './table';

const { start } = workerData as WorkerData;
const port = parentPort;
if (!port) throw new Error('the job worker runs only as a worker thread');
const post = (message: JobMessage) => port.postMessage(message);

try {
  if (!Object.hasOwn(JOBS, start.job)) throw new Error('unknown job');
  // The job table is keyed by name; the input was built for that job by the main side.
  const job = JOBS[start.job as keyof typeof JOBS] as (input: unknown, context: JobContext) => unknown;
  post({ type: 'done', value: job(start.input, workerJobContext(start.cancelFlag, post)) });
} catch (error) {
  if (error instanceof JobCancelled) post({ type: 'cancelled' });
  else if (error instanceof AppError) post({ type: 'failed', code: error.code });
  // A full disk is told as such, as dispatch tells it for work on the main side (a rotation's rekeyed copy).
  else if (isDiskFull(error)) {
    logEvent('disk-full', { channel: start.job });
    post({ type: 'failed', code: 'disk_full' });
  } else {
    logEvent('internal-error', { channel: start.job, error });
    post({ type: 'failed', code: 'internal' });
  }
}
