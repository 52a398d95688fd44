import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_STYLESHEET_SOURCE } from '../print/stylesheet';
import { CONTENT_SECURITY_POLICY, RESPONSE_HEADERS, resolveRendererFile } from './serve';

let base: string;
let rendererDir: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'polku-serve-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Polku</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(join(rendererDir, 'assets', 'notes.exe'), 'MZ');
  mkdirSync(join(rendererDir, 'assets', 'folder.js'));
  writeFileSync(join(base, 'package.json'), '{"secret":true}');
  writeFileSync(join(base, 'outside.js'), 'secret');
  symlinkSync(join(base, 'outside.js'), join(rendererDir, 'assets', 'link.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('serves index.html for the root path', () => {
    const file = resolveRendererFile(rendererDir, '/');
    expect(file?.body.toString()).toBe('<!doctype html><title>Polku</title>');
    expect(file?.mime).toBe('text/html; charset=utf-8');
  });

  it('serves built files with their MIME type', () => {
    expect(resolveRendererFile(rendererDir, '/assets/index-abc.js')?.mime).toBe('text/javascript; charset=utf-8');
    expect(resolveRendererFile(rendererDir, '/assets/index-abc.css')?.mime).toBe('text/css; charset=utf-8');
    expect(resolveRendererFile(rendererDir, '/assets/font.woff2')?.mime).toBe('font/woff2');
    expect(resolveRendererFile(rendererDir, '/assets/index-abc.js')?.body.toString()).toBe('export {};');
  });

  it('decodes percent-encoded names of files that exist', () => {
    expect(resolveRendererFile(rendererDir, '/assets/index%2Dabc.js')?.body.toString()).toBe('export {};');
  });

  it.each([
    ['a parent segment', '/../package.json'],
    ['a nested parent segment', '/assets/../../package.json'],
    ['an encoded parent segment', '/%2e%2e/package.json'],
    ['an upper-case encoded parent segment', '/%2E%2E/outside.js'],
    ['an encoded slash and parent', '/assets%2f..%2f..%2fpackage.json'],
    ['a backslash', '/..\\package.json'],
    ['an encoded backslash', '/..%5cpackage.json'],
    ['a dot segment', '/./index.html'],
    ['a NUL byte', '/index.html\0.js'],
    ['an encoded NUL byte', '/index.html%00.js'],
    ['a malformed escape', '/%E0%A4%A'],
    ['a path without a leading slash', 'index.html'],
    ['an absolute file system path', '/etc/passwd'],
    ['an encoded absolute path', '/%2Fetc%2Fpasswd'],
    ['a Windows drive path', '/C:/Windows/win.ini'],
    ['a symbolic link leading out of the folder', '/assets/link.js'],
    ['a file type that is not served', '/assets/notes.exe'],
    ['a folder', '/assets/folder.js'],
    ['a missing file', '/assets/missing.js'],
  ])('refuses %s', (_name, urlPath) => {
    expect(resolveRendererFile(rendererDir, urlPath)).toBeNull();
  });

  it('refuses everything when the renderer folder does not exist', () => {
    expect(resolveRendererFile(join(base, 'missing'), '/')).toBeNull();
  });
});

describe('response headers', () => {
  it('send the content policy, no sniffing, an isolated opener, no referrer and no caching', () => {
    expect(RESPONSE_HEADERS).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(RESPONSE_HEADERS)).toBe(true);
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('denies everything by default and allows only our own scripts, styles, images and fonts', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')?.split(' ')[0]).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('font-src')).toBe("'self'");
  });

  it('allows no network connections, framing, form posts or base URL changes', () => {
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
  });

  it('allows inline exactly one stylesheet, the print preview’s, by the hash of its current text', () => {
    // When this fails after a change of PRINT_STYLESHEET, put the new hash into the policy in serve.ts.
    expect(directives.get('style-src')).toBe(`'self' ${PRINT_STYLESHEET_SOURCE}`);
    expect(CONTENT_SECURITY_POLICY.match(/sha\d+-/g)).toHaveLength(1);
  });

  it('allows no eval, no inline code but that stylesheet, and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY.replace(PRINT_STYLESHEET_SOURCE, '')).not.toMatch(
      /unsafe-|wasm-|strict-dynamic|nonce-|sha\d+-/,
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|blob:|filesystem:/);
  });
});
