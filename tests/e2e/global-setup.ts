/** Says once, before any test, whether the Electron project can run and why not, so that its skips are explained. */
import { findElectronBinary } from './electron-app';
import { projectRoot } from './harness';

export default function globalSetup(): void {
  const binary = findElectronBinary(projectRoot());
  const line = binary.present
    ? `Electron end-to-end: running with ${binary.path}`
    : `Electron end-to-end: SKIPPED, not passed — Electron binary not present: ${binary.reason}.`;
  process.stdout.write(`\n${line}\n\n`);
}
