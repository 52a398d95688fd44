import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerData } from './protocol';

/** The built worker, emitted by electron-vite beside the main bundle (electron.vite.config.ts). */
export const BUILT_WORKER = 'jobs-worker.js';

/** The script a job's worker thread starts, and for a start from source, where the TypeScript entry is. */
export interface WorkerScript {
  file: string;
  source?: WorkerData['source'];
}

/**
 * Finds the job worker: in the built app, `jobs-worker.js` beside the main bundle (or one folder up, when this
 * code landed in a chunk); running from TypeScript (Vitest, Playwright's transform, a bundle without the worker
 * such as the preview), the source entry started through tsx.
 */
export function locateWorker(here: string = fileURLToPath(import.meta.url)): WorkerScript {
  const folder = dirname(here);
  const fromSource = here.endsWith('.ts');
  if (!fromSource) {
    const built = [join(folder, BUILT_WORKER), join(folder, '..', BUILT_WORKER)].find((path) => existsSync(path));
    if (built) return { file: built };
  }
  const root = projectRoot(folder);
  const jobs = fromSource ? folder : join(root, 'electron', 'core', 'jobs');
  return {
    file: join(jobs, 'source-worker.mjs'),
    source: { entry: pathToFileURL(join(jobs, 'worker.ts')).href, tsconfig: join(root, 'tsconfig.node.json') },
  };
}

function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the job worker cannot be found: no built worker and no project folder');
    dir = parent;
  }
  return dir;
}
