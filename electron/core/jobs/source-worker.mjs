// Starts a job worker from the TypeScript sources (unit tests, the browser test harness, the preview): registers
// tsx with the project's tsconfig (for the @shared alias), then loads the worker entry. The built app never uses it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: workerData.source.tsconfig });
await import(workerData.source.entry);
