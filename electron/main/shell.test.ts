import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createShell, PRINT_PARTITION, PRINT_URL } from './shell';
import { app, dialog, FakeBrowserWindow, FakeEvent, resetFakeElectron, session } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const DOCUMENT = '<!doctype html><html><body>CASE-SUMMARY</body></html>';
const mainWindow = new FakeBrowserWindow({});

beforeEach(() => resetFakeElectron());

function shell(withWindow = true) {
  return createShell({ window: () => (withWindow ? (mainWindow as unknown as BrowserWindow) : null) });
}

function printWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no print window was created');
  return window;
}

describe('the print window', () => {
  it('is hidden, runs no JavaScript, is sandboxed and isolated, has no preload and its own in-memory session', async () => {
    await shell().renderPdf(DOCUMENT);
    const window = printWindow();
    const printSession = session.partitions.get(PRINT_PARTITION);
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
    expect(window.options).toEqual({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        session: printSession,
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        devTools: false,
      },
    });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
  });

  it('loads the document from its own session, which serves it only while loading and cancels every other request', async () => {
    const served: string[] = [];
    const target = shell();
    const pending = target.renderPdf(DOCUMENT);
    const printSession = session.partitions.get(PRINT_PARTITION);
    if (!printSession) throw new Error('no print session');
    const handler = printSession.protocolHandlers.get('app');
    if (!handler) throw new Error('the print session serves nothing');
    served.push(await (await handler(new Request(PRINT_URL))).text());
    await pending;
    expect(served).toEqual([DOCUMENT]);
    expect(printWindow().loadURL).toHaveBeenCalledWith(PRINT_URL);
    expect((await handler(new Request(PRINT_URL))).status).toBe(404);
    expect((await handler(new Request('app://polku/index.html'))).status).toBe(404);
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      printSession.beforeRequest?.({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    expect(cancelled(PRINT_URL)).toBe(false);
    for (const url of ['https://example.invalid/x.css', 'app://polku/index.html', 'file:///etc/passwd', 'data:text/css,x'])
      expect(cancelled(url), url).toBe(true);
    const denied = vi.fn();
    printSession.permissionRequestHandler?.(null, 'media', denied);
    expect(denied).toHaveBeenCalledWith(false);
    const download = new FakeEvent();
    printSession.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
  });

  it('prints A4 with backgrounds and the page size of the stylesheet, and is destroyed afterwards', async () => {
    const pdf = await shell().renderPdf(DOCUMENT);
    const window = printWindow();
    expect(pdf.toString()).toBe('%PDF-1.7');
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
    });
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });

  it('is destroyed even when rendering fails', async () => {
    const target = shell();
    const failing = target.renderPdf(DOCUMENT);
    printWindow().webContents.printToPDF.mockRejectedValueOnce(new Error('render failed'));
    await expect(failing).rejects.toThrow('render failed');
    expect(printWindow().destroy).toHaveBeenCalledTimes(1);
  });

  it('shows the system print dialog and tells printed from cancelled from failed', async () => {
    const target = shell();
    expect(await target.printHtml(DOCUMENT)).toBe(true);
    expect(printWindow().webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    expect(printWindow().destroy).toHaveBeenCalledTimes(1);

    const cancelled = target.printHtml(DOCUMENT);
    printWindow().webContents.print.mockImplementationOnce((_options, callback) => callback(false, 'cancelled'));
    expect(await cancelled).toBe(false);

    const failed = target.printHtml(DOCUMENT);
    printWindow().webContents.print.mockImplementationOnce((_options, callback) => callback(false, 'failed'));
    await expect(failed).rejects.toMatchObject({ code: 'print_failed' });
    expect(printWindow().destroy).toHaveBeenCalledTimes(1);
  });
});

describe('the file choosers', () => {
  it('ask where to save a PDF in the documents folder, modal to the window, kept off the recent list', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/Documents/summary' });
    const path = await shell().chooseSavePath({ purpose: 'print', defaultName: 'case-summary-2026-11-28.pdf' });
    expect(path).toBe('/home/u/Documents/summary.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(mainWindow, {
      defaultPath: join(app.getPath('documents'), 'case-summary-2026-11-28.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
    });
  });

  it('ask where to save a report’s CSV with the .csv extension added when the user left it out', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/Documents/rahoittajaraportti-2026' });
    expect(await shell().chooseSavePath({ purpose: 'csv', defaultName: 'rahoittajaraportti-2026.csv' })).toBe(
      '/home/u/Documents/rahoittajaraportti-2026.csv',
    );
    expect(dialog.showSaveDialog.mock.calls.at(-1)?.[1]).toMatchObject({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
  });

  it('offer backups and handover files with their own extensions, and answer null when cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/backups/monday.polkubackup' });
    expect(await shell(false).chooseSavePath({ purpose: 'backup', defaultName: 'polku.polkubackup' })).toBe(
      '/backups/monday.polkubackup',
    );
    expect(dialog.showSaveDialog.mock.calls.at(-1)?.[0]).toMatchObject({
      filters: [{ name: 'Polku', extensions: ['polkubackup'] }],
    });
    expect(await shell().chooseSavePath({ purpose: 'print', defaultName: 'x.pdf' })).toBeNull();

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/in/case.polkucase'] });
    expect(await shell().chooseOpenPath({ purpose: 'handover' })).toBe('/in/case.polkucase');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(mainWindow, {
      filters: [{ name: 'Polku', extensions: ['polkucase'] }],
      properties: ['openFile', 'dontAddToRecent'],
    });
    expect(await shell().chooseOpenPath({ purpose: 'restore' })).toBeNull();
  });
});
