import { afterEach, describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import { PASSPHRASE, testCore, type TestCore } from '../../tests/support/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from './dispatch';
import type { CoreContext, HandlerGroup } from './handler';
import { buildRegistry, HANDLER_GROUPS } from './registry';
import { readSettings, writeSettings } from './settings/repo';
import { TEST_KDF } from './vault/kdf';
import { Vault } from './vault/vault';

function dropUndefined(group: HandlerGroup): HandlerGroup {
  return Object.fromEntries(Object.entries(group).filter(([, handler]) => handler !== undefined));
}

const cores: TestCore[] = [];
function fresh(): TestCore {
  const t = testCore();
  cores.push(t);
  return t;
}
afterEach(() => {
  for (const t of cores.splice(0)) t.cleanup();
});

describe('dispatch', () => {
  it('drops requests that do not come from our own window', async () => {
    const t = fresh();
    const result = await t.core.dispatch('vault.status', {}, { trustedSender: false });
    expect(result).toEqual({ ok: false, code: 'forbidden', i18nKey: 'errors.forbidden' });
  });

  it('refuses unknown channels, including names inherited from Object.prototype', async () => {
    const t = fresh();
    for (const channel of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(await t.core.dispatch(channel, {}, { trustedSender: true })).toMatchObject({ code: 'unknown_channel' });
    }
  });

  it('refuses input that does not match the schema, naming the field but not echoing the value', async () => {
    const t = fresh();
    const result = await t.core.dispatch(
      'vault.setup',
      { displayName: 'Secret Name', passphrase: 12, locale: 'xx' },
      { trustedSender: true },
    );
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(JSON.stringify(result)).not.toContain('Secret Name');
    if (!result.ok) expect(result.details?.issues?.map((i) => i.path).sort()).toEqual(['locale', 'passphrase']);
  });

  it('refuses extra fields instead of silently passing them on', async () => {
    const t = fresh();
    const result = await t.core.dispatch('vault.lock', { everything: true }, { trustedSender: true });
    expect(result).toMatchObject({ code: 'invalid_input' });
  });

  it('survives hostile payloads of every shape on every channel', async () => {
    const t = fresh();
    const payloads: unknown[] = [
      null,
      undefined,
      0,
      'x',
      [],
      { __proto__: { admin: true } },
      { passphrase: 'x'.repeat(100_000) },
      Symbol.for('x'),
    ];
    for (const channel of Object.keys(api)) {
      for (const payload of payloads) {
        const result = await t.core.dispatch(channel, payload, { trustedSender: true });
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.i18nKey).toBe(`errors.${result.code}`);
      }
    }
    await t.ok('vault.setup', { displayName: 'A', passphrase: PASSPHRASE, locale: 'fi' });
  });

  it('returns only what the output schema allows', async () => {
    const t = fresh();
    await t.ok('vault.setup', { displayName: 'A', passphrase: PASSPHRASE, locale: 'fi' });
    const status = await t.ok('vault.status', {});
    expect(Object.keys(status).sort()).toEqual(['lastUserName', 'locale', 'problem', 'retryAfterMs', 'session', 'state']);
  });

  it('writes the audit record of a change, and rolls both back when the handler fails', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'polku-dispatch-'));
    const vault = new Vault({ dataDir, now: Date.now, kdf: TEST_KDF });
    await vault.setup({ displayName: 'A', passphrase: PASSPHRASE });
    const failing: HandlerGroup = {
      'settings.update': {
        kind: 'tx',
        run: (input, { db }) => {
          writeSettings(db, input);
          throw new Error('disk full');
        },
        audit: () => ({ action: 'settings.update' }),
      },
    };
    const handlers = buildRegistry(
      [...HANDLER_GROUPS.map((g) => ({ ...g, 'settings.update': undefined })), failing].map(dropUndefined),
    );
    const deps = { handlers, vault, now: Date.now, coreContext: () => ({}) as CoreContext };
    const trusted = { trustedSender: true };
    const auditRows = () => (vault.current!.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = auditRows();
    expect(await dispatch(deps, 'settings.update', { autoLockMinutes: 30 }, trusted)).toMatchObject({ code: 'internal' });
    expect(auditRows()).toBe(before);
    expect(readSettings(vault.current!.db).autoLockMinutes).toBe(5);

    const working = { ...deps, handlers: buildRegistry(HANDLER_GROUPS) };
    expect(await dispatch(working, 'settings.update', { autoLockMinutes: 30 }, trusted)).toMatchObject({ ok: true });
    expect(auditRows()).toBe(before + 1);
    vault.lock();
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('the handler registry', () => {
  it('has exactly one handler for every channel of the contract', () => {
    const registry = buildRegistry(HANDLER_GROUPS);
    expect(Object.keys(registry).sort()).toEqual(Object.keys(api).sort());
  });

  it('refuses a channel handled twice', () => {
    expect(() => buildRegistry([...HANDLER_GROUPS, { 'vault.lock': HANDLER_GROUPS[0]!['vault.lock']! }])).toThrow(/twice/);
  });
});
