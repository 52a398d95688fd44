import { expect, screen, test } from './fixtures';

test.describe('the app in a fresh data folder', () => {
  test('loads under the real content policy without a console error or a policy violation', async ({ app }) => {
    await screen(app.page, 'setup');
    expect(app.consoleErrors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });

  test('shows the first-run setup screen', async ({ app }) => {
    await screen(app.page, 'setup');
    await expect(app.page.locator('[data-screen]')).toHaveAttribute('data-screen', 'setup');
  });

  test('gives the page exactly invoke and on, and no raw bridge', async ({ app }) => {
    const globals = await app.page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown> & { polku: object };
      return {
        bridgeKeys: Object.keys(scope.polku).sort(),
        frozen: Object.isFrozen(scope.polku),
        rawBinding: '__polkuInvoke' in scope || '__polkuCspViolation' in scope,
        ipc: 'ipcRenderer' in scope || 'require' in scope || 'process' in scope,
      };
    });
    expect(globals).toEqual({ bridgeKeys: ['invoke', 'on'], frozen: true, rawBinding: false, ipc: false });
  });

  test('answers vault.status with uninitialized through window.polku', async ({ app }) => {
    const status = await app.page.evaluate(() =>
      (globalThis as unknown as { polku: { invoke(channel: string, input: object): Promise<unknown> } }).polku.invoke(
        'vault.status',
        {},
      ),
    );
    expect(status).toMatchObject({ ok: true, value: { state: 'uninitialized', session: null } });
  });

  test('blocks and counts a request from the page to a remote address, and no other', async ({ app }) => {
    await screen(app.page, 'setup');
    const outcome = await app.page.evaluate(() =>
      fetch('https://example.invalid/collect', { method: 'POST', body: 'x' }).then(
        () => 'answered',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    // The page reports the refusal asynchronously; the meta and the header policy may each report it.
    await expect.poll(() => [...new Set(app.externalRequests)]).toEqual(['https://example.invalid/collect']);
    expect(app.cspViolations.map((violation) => violation.directive)).toContain('connect-src');
  });
});
