import type { ErrorCode } from '@shared/errors';

/** Progress of a job is counted in thousandths of the whole. */
export const PROGRESS_TOTAL = 1000;

/** What the main side hands a job's worker thread. */
export interface JobStart {
  job: string;
  input: unknown;
  /** One Int32 the main side sets to 1 to ask the job to stop; the job looks at it between steps. */
  cancelFlag: SharedArrayBuffer;
}

/** What the worker thread is started with: the job, and where the TypeScript entry is when running from source. */
export interface WorkerData {
  start: JobStart;
  /** Only from source: the job worker's TypeScript file (a file URL) and the tsconfig that maps `@shared`. */
  source?: { entry: string; tsconfig: string };
}

/** Messages from a job's worker thread. */
export type JobMessage =
  | { type: 'progress'; done: number }
  /** During one long statement the job cannot report: the main side estimates from the growth of `path`. */
  | { type: 'watch'; path: string; bytes: number; from: number; to: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; code: ErrorCode }
  | { type: 'cancelled' };
