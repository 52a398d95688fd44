/**
 * The desktop around the core, as the browser harness plays it: file choosers answer with paths the test has
 * queued (null = the user cancelled), PDFs are rendered by a separate headless Chromium with JavaScript off
 * (page.pdf(), the counterpart of Electron's hidden print window), and the system print dialog is recorded and
 * answered as the test says.
 */
import { chromium, type Browser } from 'playwright-core';
import type { OpenPurpose, SavePurpose, ShellPort } from '../../electron/core/shell/port';

export interface HarnessShell extends ShellPort {
  /** The answer of the next save dialog: a path, or null for Cancel. */
  answerSave(path: string | null): void;
  /** The answer of the next open dialog: a path, or null for Cancel. */
  answerOpen(path: string | null): void;
  /** The answer of the next print dialog (true = printed); printed when none is queued. */
  answerPrint(printed: boolean): void;
  /** Every save dialog shown, in order. */
  readonly saveRequests: { purpose: SavePurpose; defaultName: string }[];
  /** Every open dialog shown, in order. */
  readonly openRequests: { purpose: OpenPurpose }[];
  /** Every document sent to the print dialog, in order. */
  readonly printed: string[];
  /** Closes the print browser, if one was started. */
  close(): Promise<void>;
}

/** Chromium flags of the print browser: nothing of it may reach the network. */
const PRINT_BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND', '--no-pings'];

function next<T>(queue: T[], dialog: string): T {
  if (queue.length === 0) throw new Error(`The test did not say how to answer the ${dialog} dialog.`);
  return queue.shift() as T;
}

/** A shell for the harness; `executablePath` is the Chromium the harness drives. */
export function createHarnessShell(executablePath: string): HarnessShell {
  const saveAnswers: (string | null)[] = [];
  const openAnswers: (string | null)[] = [];
  const printAnswers: boolean[] = [];
  const saveRequests: HarnessShell['saveRequests'] = [];
  const openRequests: HarnessShell['openRequests'] = [];
  const printed: string[] = [];
  let browser: Promise<Browser> | null = null;

  const printBrowser = () => (browser ??= chromium.launch({ executablePath, headless: true, args: PRINT_BROWSER_ARGS }));

  return {
    answerSave(path) {
      saveAnswers.push(path);
    },
    answerOpen(path) {
      openAnswers.push(path);
    },
    answerPrint(answer) {
      printAnswers.push(answer);
    },
    saveRequests,
    openRequests,
    printed,
    chooseSavePath(request) {
      saveRequests.push(request);
      return Promise.resolve(next(saveAnswers, 'save'));
    },
    chooseOpenPath(request) {
      openRequests.push(request);
      return Promise.resolve(next(openAnswers, 'open'));
    },
    async renderPdf(html) {
      const context = await (await printBrowser()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        await context.route('**/*', (route) => route.abort('blockedbyclient'));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true });
      } finally {
        await context.close();
      }
    },
    printHtml(html) {
      printed.push(html);
      return Promise.resolve(printAnswers.shift() ?? true);
    },
    async close() {
      const started = browser;
      browser = null;
      if (started) await (await started).close();
    },
  };
}
