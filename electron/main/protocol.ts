/** The `app://` protocol: the only origin the window loads from, serving the built renderer. */
import { protocol, type Session } from 'electron';
import { RESPONSE_HEADERS, resolveRendererFile } from '../core/static/serve';

export const APP_SCHEME = 'app';
export const APP_HOST = 'polku';
/** Origin of the renderer; every URL of ours starts with this plus '/'. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for a URL on our own origin (`app://polku/...`), false for anything else or for garbage. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** Declares `app:` a standard, secure scheme with fetch support; Electron requires this before `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers one request of the window: a file of the built renderer, or 404; always with the security headers. */
export function rendererResponse(request: Request, rendererDir: string): Response {
  if (!isAppUrl(request.url)) return new Response(null, { status: 404, headers: RESPONSE_HEADERS });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...RESPONSE_HEADERS, Allow: 'GET, HEAD' } });
  }
  const file = resolveRendererFile(rendererDir, new URL(request.url).pathname);
  if (!file) return new Response(null, { status: 404, headers: RESPONSE_HEADERS });
  const headers = { ...RESPONSE_HEADERS, 'Content-Type': file.mime, 'Content-Length': String(file.body.length) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers });
}

/** Serves the renderer on the window's session (and only there). */
export function serveRenderer(windowSession: Session, rendererDir: string): void {
  windowSession.protocol.handle(APP_SCHEME, (request) => rendererResponse(request, rendererDir));
}
