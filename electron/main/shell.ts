/**
 * The core's shell port on the desktop: native file choosers, and a hidden window with JavaScript off that turns
 * the core's printable HTML into a PDF or hands it to the system print dialog. The print window has its own
 * in-memory session, which serves that one document and cancels every other request.
 */
import { extname, join } from 'node:path';
import { app, BrowserWindow, dialog, session, type OpenDialogOptions, type SaveDialogOptions, type Session } from 'electron';
import { BACKUP_EXTENSION } from '@shared/backup';
import { AppError } from '@shared/errors';
import { HANDOVER_EXTENSION } from '@shared/handover';
import type { OpenPurpose, SavePurpose, ShellPort } from '../core/shell/port';
import { APP_ORIGIN, APP_SCHEME } from './protocol';

/** No 'persist:' prefix: the print window's session lives in memory only. */
export const PRINT_PARTITION = 'polku-print';
/** The one URL the print session answers: the document being printed. */
export const PRINT_URL = `${APP_ORIGIN}/print.html`;
/** The document carries its own, stricter policy (hashes of its stylesheets); this one is the outer bound. */
const PRINT_RESPONSE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

const FILE_TYPES: Record<SavePurpose | OpenPurpose, { name: string; extension: string }> = {
  print: { name: 'PDF', extension: 'pdf' },
  backup: { name: 'Polku', extension: BACKUP_EXTENSION },
  restore: { name: 'Polku', extension: BACKUP_EXTENSION },
  handover: { name: 'Polku', extension: HANDOVER_EXTENSION },
  access: { name: 'Polku', extension: HANDOVER_EXTENSION },
  csv: { name: 'CSV', extension: 'csv' },
};

/** The path with the purpose's extension: some desktops leave it to the user to type it. */
function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === `.${extension}` ? path : `${path}.${extension}`;
}

export interface ShellOptions {
  /** The window dialogs belong to (modal over it), when there is one. */
  window: () => BrowserWindow | null;
}

/** Creates the desktop shell of the core. */
export function createShell(options: ShellOptions): ShellPort {
  let printSession: Session | null = null;
  /** The document the print session serves, set only while the print window loads it. */
  let printing: string | null = null;

  function preparedSession(): Session {
    if (printSession) return printSession;
    const target = session.fromPartition(PRINT_PARTITION);
    target.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== PRINT_URL }));
    target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    target.setPermissionCheckHandler(() => false);
    target.setDevicePermissionHandler(() => false);
    target.setSpellCheckerEnabled(false);
    target.on('will-download', (event) => event.preventDefault());
    target.protocol.handle(APP_SCHEME, (request) =>
      request.url === PRINT_URL && printing !== null
        ? new Response(printing, { status: 200, headers: PRINT_RESPONSE_HEADERS })
        : new Response(null, { status: 404 }),
    );
    printSession = target;
    return target;
  }

  /** Loads the document into a new hidden window without JavaScript, runs `work`, and always destroys the window. */
  async function inPrintWindow<T>(html: string, work: (window: BrowserWindow) => Promise<T>): Promise<T> {
    const window = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        session: preparedSession(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        navigateOnDragDrop: false,
        // Middle-click would try to open links in new windows (the document has none; defence in depth).
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        devTools: false,
      },
    });
    try {
      printing = html;
      await window.loadURL(PRINT_URL);
      printing = null;
      return await work(window);
    } finally {
      printing = null;
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    async chooseSavePath({ purpose, defaultName }) {
      const type = FILE_TYPES[purpose];
      const settings: SaveDialogOptions = {
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: type.name, extensions: [type.extension] }],
        // Windows: the saved file stays off the recent-documents list; elsewhere the app clears it at start.
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      };
      const parent = options.window();
      const result = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
      return result.canceled || !result.filePath ? null : withExtension(result.filePath, type.extension);
    },

    async chooseOpenPath({ purpose }) {
      const type = FILE_TYPES[purpose];
      const settings: OpenDialogOptions = {
        filters: [{ name: type.name, extensions: [type.extension] }],
        properties: ['openFile', 'dontAddToRecent'],
      };
      const parent = options.window();
      const result = parent ? await dialog.showOpenDialog(parent, settings) : await dialog.showOpenDialog(settings);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    renderPdf: (html) =>
      inPrintWindow(html, (window) =>
        window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          generateTaggedPDF: true,
        }),
      ),

    printHtml: (html) =>
      inPrintWindow(
        html,
        (window) =>
          new Promise<boolean>((resolve, reject) => {
            window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
              if (success) resolve(true);
              else if (failureReason === 'cancelled') resolve(false);
              else reject(new AppError('print_failed'));
            });
          }),
      ),
  };
}
