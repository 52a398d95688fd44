/** The application menu: Lock (Ctrl/Cmd+L), Quit, editing, zoom. No links to the web; DevTools only in development. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Result } from '@shared/errors';
import type { Core } from '../core/types';
import { menuLabels, type MenuLabels } from './menu-labels';

export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';

export interface MenuOptions {
  labels: MenuLabels;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  onLock: () => void;
}

/** The menu as data, so that tests can read it. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { labels } = options;
  const first: MenuItemConstructorOptions = {
    // On macOS the first menu is the application menu and carries the app's name.
    label: options.platform === 'darwin' ? 'Polku' : labels.file,
    submenu: [
      { id: 'lock', label: labels.lock, accelerator: LOCK_ACCELERATOR, click: () => options.onLock() },
      { type: 'separator' },
      { role: 'quit', label: labels.quit },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      { type: 'separator' },
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload', label: labels.reload }, { role: 'toggleDevTools', label: labels.devTools }];
  const view: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: labels.fullScreen },
      ...developer,
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: labels.window,
    submenu: [
      { role: 'minimize', label: labels.minimize },
      { role: 'close', label: labels.close },
    ],
  };
  return [first, edit, view, window];
}

/** Builds the menu and makes it the application menu. */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}

/** Requests after which the interface language may have changed. */
export const LOCALE_CHANGING_CHANNELS: ReadonlySet<string> = new Set(['prefs.setLocale', 'vault.setup']);

function localeOf(status: Result<unknown>): unknown {
  if (!status.ok || typeof status.value !== 'object' || status.value === null) return undefined;
  return (status.value as Record<string, unknown>).locale;
}

/** Installs the menu in the interface language the core reports (Finnish if it cannot tell); Lock locks the core. */
export async function installLocalizedMenu(
  core: Pick<Core, 'dispatch' | 'lock'>,
  options: Pick<MenuOptions, 'isPackaged' | 'platform'>,
): Promise<void> {
  const status = await core.dispatch('vault.status', {}, { trustedSender: true });
  installMenu({ ...options, labels: menuLabels(localeOf(status)), onLock: () => core.lock('manual') });
}
