import { AppError } from '@shared/errors';

/** What a file chooser is for: the shell picks the dialog's title, default folder and file type from it. */
/** `csv`: a report's aggregate rows for a spreadsheet program. */
export type SavePurpose = 'print' | 'backup' | 'handover' | 'access' | 'csv';
export type OpenPurpose = 'restore' | 'handover';

/**
 * What the core asks of the desktop around it: file choosers and rendering a printable page. Electron's shell
 * implements it with native dialogs and a hidden window without JavaScript; the browser test harness with
 * Chromium's page.pdf() and paths the test chooses.
 */
export interface ShellPort {
  /** Asks where to save a file; null when the user cancelled. `defaultName` carries no personal data. */
  chooseSavePath(request: { purpose: SavePurpose; defaultName: string }): Promise<string | null>;
  /** Asks for a file to read; null when the user cancelled. */
  chooseOpenPath(request: { purpose: OpenPurpose }): Promise<string | null>;
  /** Renders a self-contained HTML document (no scripts, no remote resources) to PDF bytes. */
  renderPdf(html: string): Promise<Buffer>;
  /** Shows the system print dialog for the document; false when the user cancelled. */
  printHtml(html: string): Promise<boolean>;
}

/** The shell of a core that has none (unit tests of other domains): every request is refused. */
export const NO_SHELL: ShellPort = {
  chooseSavePath: () => Promise.reject(new AppError('internal')),
  chooseOpenPath: () => Promise.reject(new AppError('internal')),
  renderPdf: () => Promise.reject(new AppError('internal')),
  printHtml: () => Promise.reject(new AppError('internal')),
};
