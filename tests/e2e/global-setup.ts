/**
 * Runs once before any test: refuses a missing or stale build (the specs would test yesterday's app), and says
 * whether the Electron project can run and why not, so that its skips are explained.
 */
import { staleBuildReason } from '../../scripts/build-freshness.mjs';
import { projectRoot } from '../../scripts/browser-app/harness';
import { findElectronBinary } from './electron-app';

export default function globalSetup(): void {
  const root = projectRoot();
  const stale = staleBuildReason(root);
  if (stale) throw new Error(`${stale} Run \`npx electron-vite build\` before the end-to-end tests (npm test builds first).`);
  const binary = findElectronBinary(root);
  const line = binary.present
    ? `Electron end-to-end: running with ${binary.path}`
    : `Electron end-to-end: SKIPPED, not passed — Electron binary not present: ${binary.reason}.`;
  process.stdout.write(`\n${line}\n\n`);
}
