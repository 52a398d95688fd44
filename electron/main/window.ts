/** The one application window. */
import { BrowserWindow, type Session } from 'electron';
import { APP_ENTRY_URL } from './protocol';

export const WINDOW_TITLE = 'Polku';

export interface MainWindowOptions {
  /** The compiled preload (CommonJS, as a sandboxed preload must be). */
  preloadPath: string;
  /** An in-memory session: nothing of Chromium's caches or storage reaches the disk. */
  session: Session;
  /** DevTools exist only in development builds. */
  isPackaged: boolean;
  /** Polku's own icon for the window (paths.ts windowIconPath), instead of Electron's. */
  icon?: string;
}

/** Creates the window, sandboxed and isolated, shows it when its first paint is ready and loads the renderer. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preloadPath,
      session: options.session,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click would try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  });
  // Page titles could carry a participant's name into the task bar and window lists.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
