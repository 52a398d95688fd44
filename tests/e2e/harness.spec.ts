/**
 * The harness itself (browser project only): what stands in for Electron's protocol, preload and IPC must
 * hold the same lines, or every other spec proves less than it claims.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, screen, test, type E2EApp } from './fixtures';

const PASSPHRASE = 'kesäkuun aamu 2026 ja kahvi';

interface PageBridge {
  polku: {
    invoke(channel: string, input: unknown): Promise<unknown>;
    on(event: string, listener: (payload: unknown) => void): () => void;
  };
  receivedEvents: unknown[];
}

function coreOf(app: E2EApp) {
  if (!app.core) throw new Error('These specs need the core in the test process (browser project).');
  return app.core;
}

async function setUpVault(app: E2EApp): Promise<void> {
  const result = await coreOf(app).dispatch(
    'vault.setup',
    { displayName: 'Testikäyttäjä', passphrase: PASSPHRASE, locale: 'fi' },
    { trustedSender: true },
  );
  expect(result.ok).toBe(true);
}

async function listenForLocked(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = globalThis as unknown as PageBridge;
    scope.receivedEvents = [];
    scope.polku.on('locked', (payload) => scope.receivedEvents.push(payload));
  });
}

const receivedEvents = (page: Page) => page.evaluate(() => (globalThis as unknown as PageBridge).receivedEvents);

test.describe('the browser harness', () => {
  test.use({ appOptions: { kdfCost: 'test' } });

  test('aborts and counts a navigation to a remote address, which no content policy governs', async ({ app }) => {
    await screen(app.page, 'setup');
    await app.page.evaluate(() =>
      (globalThis as unknown as { location: { assign(url: string): void } }).location.assign('https://example.invalid/away'),
    );
    await expect.poll(() => app.externalRequests).toEqual(['https://example.invalid/away']);
    expect(app.cspViolations).toEqual([]);
  });

  test('answers a call from a frame other than the main frame as forbidden', async ({ app }) => {
    await screen(app.page, 'setup');
    await app.page.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { body: { appendChild(node: unknown): void }; createElement(tag: string): unknown } }
      ).document;
      doc.body.appendChild(doc.createElement('iframe'));
    });
    const child = app.page.frames().find((frame) => frame !== app.page.mainFrame());
    if (!child) throw new Error('The child frame did not appear.');
    const answer = await child.evaluate(() => (globalThis as unknown as PageBridge).polku.invoke('vault.status', {}));
    expect(answer).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test("delivers the core's events to the page's listeners", async ({ app }) => {
    await screen(app.page, 'setup');
    await setUpVault(app);
    await listenForLocked(app.page);
    coreOf(app).lock('manual');
    await expect.poll(() => receivedEvents(app.page)).toEqual([{ reason: 'manual' }]);
  });

  test('refuses to subscribe to an event the bridge does not know', async ({ app }) => {
    const message = await app.page.evaluate(() => {
      try {
        (globalThis as unknown as PageBridge).polku.on('everything', () => undefined);
        return 'subscribed';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(message).toBe('Unknown event');
  });
});

test.describe('the harness with a chosen language', () => {
  test.use({ appOptions: { locale: 'sv', kdfCost: 'test' } });

  test('sets the interface language before the page loads', async ({ app }) => {
    const status = await app.page.evaluate(() => (globalThis as unknown as PageBridge).polku.invoke('vault.status', {}));
    expect(status).toMatchObject({ ok: true, value: { locale: 'sv' } });
  });
});

test.describe('the harness with a manual clock', () => {
  test.use({ appOptions: { now: 'manual', kdfCost: 'test' } });

  test('locks an idle session when the test moves the clock past the auto-lock time', async ({ app }) => {
    await setUpVault(app);
    await listenForLocked(app.page);
    app.clock?.advance(4 * 60_000);
    coreOf(app).checkIdle();
    expect(await receivedEvents(app.page)).toEqual([]);
    app.clock?.advance(2 * 60_000);
    // The harness's idle timer notices without the test calling checkIdle.
    await expect.poll(() => receivedEvents(app.page)).toEqual([{ reason: 'idle' }]);
  });
});

test.describe('the harness driven from a developer’s own tsx script', () => {
  test('gives the page its bridge without a page error', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/e2e/support-scripts/tsx-launch.ts'], {
      encoding: 'utf8',
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
      timeout: 45_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({
      bridge: { invoke: 'function', on: 'function' },
      status: 'uninitialized',
      errors: [],
    });
  });
});
