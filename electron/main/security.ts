/**
 * Session and web-contents hardening: the window reaches nothing but our own `app://` files, gets no
 * permission, cannot navigate away, open windows, embed web views or download anything.
 */
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './protocol';

/** A request may leave the renderer only for our own origin (and DevTools' own pages in development). */
export function isAllowedRequest(url: string, allowDevTools: boolean): boolean {
  return isAppUrl(url) || (allowDevTools && url.startsWith('devtools://'));
}

/** Cancels every request that is not ours, denies every permission and every download on a session. */
export function hardenSession(target: Session, options: { allowDevTools: boolean }): void {
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options.allowDevTools) });
  });
  target.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  // Spelling dictionaries would be downloaded from the network on Linux and Windows.
  target.setSpellCheckerEnabled(false);
  target.on('will-download', (event) => event.preventDefault());
}

/** Keeps one web contents on our origin: no navigation elsewhere, no new windows, no web views. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // The print preview: a sandboxed child frame showing the document the renderer put into its srcdoc, under
    // the window's own Content-Security-Policy. It loads nothing, so it is no way out.
    if (!event.isMainFrame && event.url === 'about:srcdoc') return;
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies hardenWebContents to every web contents the app ever creates, including ones not made by us. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
