/**
 * `npm run preview`: the app in a visible local Chromium window through the end-to-end harness, over the same
 * data folder the desktop app uses. scripts/preview.mjs bundles this file and runs it.
 */
import { rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { dataDirFrom, ensureDataDir } from '../../electron/main/paths';
import { launchApp } from './harness';

const APP_NAME = 'Polku';

/** The folder Electron's app.getPath('userData') gives an app named Polku on this operating system. */
export function osUserDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** Opens the preview window and resolves when the user has closed it and everything is shut down. */
export async function runPreview(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const dataDir = ensureDataDir(dataDirFrom(argv, env, osUserDataDir(env)));
  const app = await launchApp({ dataDir, headed: true });
  process.stdout.write(`Polku preview: the data lives in ${dataDir}\n`);

  await new Promise<void>((resolve) => {
    app.page.on('close', () => resolve());
    app.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await app.close();
  // The browser profile is the preview's own scratch space; the data folder is the user's and stays.
  rmSync(app.profileDir, { recursive: true, force: true });
}
