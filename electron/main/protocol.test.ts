import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY, RESPONSE_HEADERS } from '../core/static/serve';
import { isAppUrl, registerAppScheme, rendererResponse, serveRenderer } from './protocol';
import { FakeSession, protocol, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let base: string;
let rendererDir: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'polku-protocol-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'export {};');
  writeFileSync(join(base, 'package.json'), '{}');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(RESPONSE_HEADERS)) expect(response.headers.get(name), name).toBe(value);
}

describe('the app:// scheme', () => {
  it('is registered as standard, secure and fetch-capable, and nothing more', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is served on the window session by the renderer resolver', async () => {
    const windowSession = new FakeSession('polku');
    serveRenderer(windowSession as unknown as Session, rendererDir);
    const handler = windowSession.protocolHandlers.get('app');
    if (!handler) throw new Error('app: is not handled');
    const response = await handler(new Request('app://polku/assets/index.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('export {};');
  });

  it('recognises only URLs of our own origin', () => {
    expect(isAppUrl('app://polku/index.html')).toBe(true);
    expect(isAppUrl('app://polku/')).toBe(true);
    expect(isAppUrl('app://polku')).toBe(false);
    expect(isAppUrl('app://polku.evil/')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://polku/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('a response of the app:// protocol', () => {
  it('serves index.html for the origin with its MIME type and every security header', async () => {
    const response = rendererResponse(new Request('app://polku/'), rendererDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expectSecurityHeaders(response);
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('answers 404, with the security headers, for a file outside the renderer', () => {
    for (const url of ['app://polku/../package.json', 'app://polku/%2e%2e/package.json', 'app://polku/missing.js']) {
      const response = rendererResponse(new Request(url), rendererDir);
      expect(response.status, url).toBe(404);
      expectSecurityHeaders(response);
    }
  });

  it('answers 404 for another host of the scheme', () => {
    expect(rendererResponse(new Request('app://other/index.html'), rendererDir).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', () => {
    const response = rendererResponse(new Request('app://polku/index.html', { method: 'POST', body: 'x' }), rendererDir);
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });

  it('answers HEAD without a body', async () => {
    const response = rendererResponse(new Request('app://polku/index.html', { method: 'HEAD' }), rendererDir);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
