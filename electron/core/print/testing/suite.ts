/**
 * The frame of a print test file: a headless Chromium shell, a vault made once for the file (printCase,
 * letterCase) and, for the files that save PDFs, a temporary folder to save them in, all removed after the
 * file's tests. Also what those tests read back: a PDF's text and the audit log's records. For tests only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_PATH } from '../../../../scripts/browser-app/harness';
import { createHarnessShell, type HarnessShell } from '../../../../scripts/browser-app/shell-harness';
import type { StaffedVault } from '../../../../tests/support/participants';
import type { ShellPort } from '../../shell/port';

export interface PrintSuite {
  shell: HarnessShell;
  /** A temporary folder for the PDFs the tests save. */
  out: string;
}

/**
 * Makes the vault with `make` before the file's tests and hands it to `made` (the file keeps it in its own `v`);
 * closes the vault and the shell after them and removes `out`.
 */
export function printSuite<V extends StaffedVault>(make: (shell: ShellPort) => Promise<V>, made: (vault: V) => void): PrintSuite {
  const shell = createHarnessShell(CHROMIUM_PATH);
  const out = mkdtempSync(join(tmpdir(), 'polku-print-out-'));
  let vault: V | undefined;
  beforeAll(async () => {
    vault = await make(shell);
    made(vault);
  }, 60_000);
  afterAll(async () => {
    vault?.t.cleanup();
    await shell.close();
    rmSync(out, { recursive: true, force: true });
  });
  return { shell, out };
}

/** The text of each page of a PDF, as pdftotext reads it. */
export function pdfPages(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '');
}

/** A participant's records in the audit log whose action `matches`, as the coordinator reads them; the caseworker is unlocked again after. */
export async function auditRecords(v: StaffedVault, participantId: string, matches: (action: string) => boolean) {
  await v.as('coordinator');
  const { entries } = await v.t.ok('audit.list', { entityId: participantId, limit: 500 });
  await v.as('caseworker');
  return entries.filter((entry) => matches(entry.action));
}
