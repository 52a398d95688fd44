// Whether the built app in out/ is current: built at all, and newer than every source file it is built from.
// Shared by `npm run preview` (which rebuilds when it is not) and the end-to-end set-up (which refuses to run).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** What electron-vite builds the app from, relative to the project root. */
export const BUILD_SOURCES = ['renderer', 'shared', 'electron', 'electron.vite.config.ts', 'package.json'];

/** The build folder: POLKU_OUT_DIR (several checks of one checkout building side by side), else out/. */
export function buildDir(root, env = process.env) {
  return resolve(root, env.POLKU_OUT_DIR ?? 'out');
}

function newestIn(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return { path, mtimeMs: stats.mtimeMs };
  let newest = { path, mtimeMs: stats.mtimeMs };
  for (const entry of readdirSync(path)) {
    const candidate = newestIn(join(path, entry));
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/**
 * Why the build in `outDir` cannot be used, as a sentence; null when it is current. The built renderer's
 * index.html stands for the whole build (electron-vite writes it on every build).
 */
export function staleBuildReason(root, outDir = buildDir(root)) {
  const builtRenderer = join(outDir, 'renderer', 'index.html');
  if (!existsSync(builtRenderer)) return `The app is not built (${relative(root, builtRenderer)} is missing).`;
  const builtAt = statSync(builtRenderer).mtimeMs;
  const newest = BUILD_SOURCES.map((name) => join(root, name))
    .filter(existsSync)
    .map(newestIn)
    .reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a), { path: root, mtimeMs: 0 });
  if (newest.mtimeMs <= builtAt) return null;
  return `The built app in ${relative(root, outDir)}/ is older than its sources (${relative(root, newest.path)} changed since).`;
}
