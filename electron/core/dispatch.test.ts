import { afterEach, describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import { PASSPHRASE, testCore, type TestCore } from '../../tests/support/core';
import { buildRegistry, HANDLER_GROUPS } from './registry';

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
    const result = await t.core.dispatch('vault.setup', { displayName: 'Secret Name', passphrase: 12, locale: 'xx' }, { trustedSender: true });
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
    const payloads: unknown[] = [null, undefined, 0, 'x', [], { __proto__: { admin: true } }, { passphrase: 'x'.repeat(100_000) }, Symbol.for('x')];
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
    expect(Object.keys(status).sort()).toEqual(['locale', 'problem', 'retryAfterMs', 'session', 'state']);
  });

  it('writes the audit record in the same transaction as the change', async () => {
    const t = fresh();
    await t.ok('vault.setup', { displayName: 'A', passphrase: PASSPHRASE, locale: 'fi' });
    await t.ok('settings.update', { autoLockMinutes: 15 });
    const check = await t.ok('vault.verify', {});
    // setup, unlock-on-setup is not a separate event; settings.update and vault.verify are recorded.
    expect(check.auditRows).toBeGreaterThanOrEqual(3);
    expect(check.auditFirstBadRow).toBeNull();
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
