/**
 * `npm run preview`: a development aid, not the application. The app's screens in a visible local Chromium window
 * through the browser harness, over a new temporary data folder that is removed when the window closes, so that
 * trying a build never touches the data of a Polku installed on this machine. `--data-dir=<folder>` (or
 * POLKU_DATA_DIR) names a folder to use and keep instead. scripts/preview.mjs bundles this file and runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDirFrom, ensureDataDir } from '../../electron/main/paths';
import { launchApp } from './harness';

/** The data folder the preview uses: the one asked for, else a new temporary one that is the preview's to remove. */
export function previewDataDir(argv: readonly string[], env: NodeJS.ProcessEnv): { dataDir: string; temporary: boolean } {
  // The same --data-dir and POLKU_DATA_DIR rules as the desktop app; '' stands for "nothing asked".
  const asked = dataDirFrom(argv, env, '');
  if (asked !== '') return { dataDir: ensureDataDir(asked), temporary: false };
  return { dataDir: mkdtempSync(join(tmpdir(), 'polku-preview-data-')), temporary: true };
}

/** Opens the preview window and resolves when the user has closed it and everything is shut down. */
export async function runPreview(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { dataDir, temporary } = previewDataDir(argv, env);
  process.stdout.write(
    'Polku preview: a development aid for trying the screens in a browser window, not the application.\n' +
      (temporary
        ? `Polku preview: the data lives in a temporary folder, removed when the window closes (${dataDir}); --data-dir=<folder> keeps it.\n`
        : `Polku preview: the data lives in ${dataDir}\n`),
  );
  try {
    const app = await launchApp({ dataDir, headed: true });
    await new Promise<void>((resolve) => {
      app.page.on('close', () => resolve());
      app.context.on('close', () => resolve());
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await app.close();
    // The browser profile is the preview's own scratch space.
    rmSync(app.profileDir, { recursive: true, force: true });
  } finally {
    // So is a temporary data folder, also when the window could not open.
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  }
}
