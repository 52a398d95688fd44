/**
 * Serving the built renderer: the one resolver and the one set of response headers used by the Electron
 * `app://` protocol and by the browser test harness, so both run the window under the same rules.
 * Plain Node: no Electron here.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const headers: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
// One literal, assigned by name, so that the security scanner finds the policy and evaluates it.
// Nothing remote, no eval; the window may not be framed, post forms or change its base URL. Nothing inline but
// one stylesheet, named by its hash: the case summary's print stylesheet (electron/core/print/stylesheet.ts). The
// print preview shows the summary in a sandboxed srcdoc frame without scripts; such a frame inherits this policy,
// so its inline stylesheet must be allowed here. Only that exact text is (serve.test.ts keeps the hash in step).
headers['Content-Security-Policy'] =
  "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-N/YyH3IXlv5tKYvN1XpiVy/4tdCtkYN6RY4XScqCxjk='; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; media-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The renderer's Content-Security-Policy (also one of RESPONSE_HEADERS). */
export const CONTENT_SECURITY_POLICY: string = headers['Content-Security-Policy'];

/** Headers sent with every response for the renderer, found or not. */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze(headers);

/** Only these file types are served; anything else is answered as not found. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** Percent-decodes a URL path; null when it is malformed or names something no renderer file can be. */
function decodePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // NUL ends paths in C; backslashes and drive colons are separators on Windows.
  if (!decoded.startsWith('/') || /[\0\\:]/.test(decoded)) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return decoded.endsWith('/') ? `${decoded}index.html` : decoded;
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * The file for a URL path ("/", "/assets/index-abc.js") from the built renderer folder, or null when the
 * path is malformed, leaves the folder (also through a symbolic link), is not a regular file, or has a type
 * that is not served.
 */
export function resolveRendererFile(rendererDir: string, urlPath: string): { body: Buffer; mime: string } | null {
  const decoded = decodePath(urlPath);
  if (decoded === null) return null;
  const mime = MIME_TYPES[extname(decoded).toLowerCase()];
  if (!mime) return null;
  try {
    const root = realpathSync(resolve(rendererDir));
    const candidate = resolve(root, `.${decoded}`);
    if (!isInside(root, candidate)) return null;
    const real = realpathSync(candidate);
    if (!isInside(root, real) || !statSync(real).isFile()) return null;
    return { body: readFileSync(real), mime };
  } catch {
    return null;
  }
}
