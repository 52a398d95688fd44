import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenAllWebContents, hardenSession, hardenWebContents, isAllowedRequest } from './security';
import { app, FakeEvent, FakeSession, FakeWebContents, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

beforeEach(() => resetFakeElectron());

function hardened(allowDevTools: boolean): FakeSession {
  const target = new FakeSession('polku');
  hardenSession(target as unknown as Session, { allowDevTools });
  return target;
}

function requestIsCancelled(target: FakeSession, url: string): boolean {
  let cancelled: boolean | undefined;
  target.beforeRequest?.({ url }, (response) => {
    cancelled = response.cancel;
  });
  if (cancelled === undefined) throw new Error('the request listener did not answer');
  return cancelled;
}

describe('the session', () => {
  it('lets requests for our own app:// files through', () => {
    const target = hardened(false);
    expect(requestIsCancelled(target, 'app://polku/index.html')).toBe(false);
    expect(requestIsCancelled(target, 'app://polku/assets/index-abc.js')).toBe(false);
  });

  it.each([
    'https://example.invalid/',
    'http://127.0.0.1:5173/',
    'ws://localhost/',
    'file:///etc/passwd',
    'app://other/index.html',
    'blob:app://polku/1234',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/x.js',
  ])('cancels a request for %s', (url) => {
    expect(requestIsCancelled(hardened(false), url)).toBe(true);
  });

  it("lets DevTools load its own pages only when allowed (development) and nothing else's", () => {
    const target = hardened(true);
    expect(requestIsCancelled(target, 'devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(requestIsCancelled(target, 'https://chrome-devtools-frontend.appspot.com/x')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/x', false)).toBe(false);
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen'])(
    'denies a request for the %s permission',
    (permission) => {
      const target = hardened(false);
      const callback = vi.fn();
      target.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check and device permission with no', () => {
    const target = hardened(false);
    expect(target.permissionCheckHandler?.({}, 'media')).toBe(false);
    expect(target.permissionCheckHandler?.(null, 'clipboard-sanitized-write')).toBe(false);
    expect(target.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every download', () => {
    const target = hardened(false);
    const event = new FakeEvent();
    target.emit('will-download', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('turns the spell checker off so that no dictionary is downloaded', () => {
    expect(hardened(false).setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });
});

describe('a web contents', () => {
  function contents(): FakeWebContents {
    const created = new FakeWebContents();
    hardenWebContents(created as unknown as WebContents);
    return created;
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('may %s within our own origin', (name) => {
    const event = new FakeEvent('app://polku/index.html');
    contents().emit(name, event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('lets a child frame show its srcdoc (the print preview), and nothing else of about:', () => {
    const frameEvent = (url: string, isMainFrame: boolean) => Object.assign(new FakeEvent(url), { isMainFrame });
    const child = frameEvent('about:srcdoc', false);
    contents().emit('will-frame-navigate', child);
    expect(child.defaultPrevented).toBe(false);
    for (const event of [
      frameEvent('about:srcdoc', true),
      frameEvent('about:blank#x', false),
      frameEvent('about:srcdoc#', false),
    ]) {
      contents().emit('will-frame-navigate', event);
      expect(event.defaultPrevented, event.url).toBe(true);
    }
    const top = new FakeEvent('about:srcdoc');
    contents().emit('will-navigate', top);
    expect(top.defaultPrevented).toBe(true);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('may not %s anywhere else', (name) => {
    for (const url of [
      'https://example.invalid/',
      'file:///etc/passwd',
      'app://other/',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      const event = new FakeEvent(url);
      contents().emit(name, event);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });

  it('opens no new windows', () => {
    const created = contents();
    expect(created.windowOpenHandler?.({ url: 'app://polku/index.html' })).toEqual({ action: 'deny' });
    expect(created.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({ action: 'deny' });
  });

  it('attaches no web views', () => {
    const event = new FakeEvent();
    contents().emit('will-attach-webview', event, {}, { src: 'https://example.invalid/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('is hardened whenever the app creates one, whoever creates it', () => {
    hardenAllWebContents();
    const created = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), created);
    const event = new FakeEvent('https://example.invalid/');
    created.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(created.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({ action: 'deny' });
  });
});
