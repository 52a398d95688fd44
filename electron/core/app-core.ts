import type { EventName, EventPayloads, LockReason } from '@shared/api';
import { failure, type Result } from '@shared/errors';
import type { Locale } from '@shared/locales';
import { dispatch, type DispatchDeps } from './dispatch';
import { recoverInterruptedWork } from './backup/leftovers';
import type { CoreContext } from './handler';
import { isDiskFull } from './fs/disk-full';
import { removeIfExists } from './fs/atomic';
import { logEvent } from './log';
import { PlaceMemory } from './place/memory';
import { readPrefs, writeLastUserName, writeLocale } from './prefs';
import { buildRegistry, HANDLER_GROUPS } from './registry';
import { readSettings } from './settings/repo';
import { NO_SHELL } from './shell/port';
import type { Core, CoreListener, CoreOptions, RequestContext } from './types';
import { PRODUCTION_KDF, TEST_KDF } from './vault/kdf';
import { vaultFiles } from './vault/files';
import { Vault } from './vault/vault';

/** Builds the main side of Polku for one data folder. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now;
  const files = vaultFiles(options.dataDir);
  // Before anything looks at the vault: a restore or backup cut short by a crash is put right first.
  recoverInterruptedWork(options.dataDir);
  const vault = new Vault({
    dataDir: options.dataDir,
    now,
    kdf: options.kdfCost === 'test' ? TEST_KDF : PRODUCTION_KDF,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.fileFaults ? { fileFaults: options.fileFaults } : {}),
  });
  const listeners = new Set<CoreListener>();
  const prefs = readPrefs(files.prefs);
  let locale: Locale = prefs.locale;
  let lastUserName: string | null = prefs.lastUserName ?? null;
  const places = new PlaceMemory();
  let autoLockMs = 0;
  let lastActivity = now();
  let closed = false;
  // One request at a time: the database has one writer, and vault operations must not interleave.
  let queue: Promise<unknown> = Promise.resolve();

  function emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of listeners) listener(event, payload);
  }

  function lock(reason: LockReason): void {
    if (vault.lock()) emit('locked', { reason });
  }

  /** The name the unlock screen offers: the signed-in user's while the setting is on, none (erased at once) when off. */
  function offerName(name: string | null): void {
    if (name === lastUserName) return;
    try {
      writeLastUserName(files.prefs, name);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      logEvent('disk-full', { channel: 'prefs.lastUserName' });
      // A full disk: a name to be erased goes with the whole file (the language falls back to Finnish); a name to be
      // offered is not, and the next unlock tries again.
      if (name !== null) return;
      removeIfExists(files.prefs);
    }
    lastUserName = name;
  }

  function checkIdle(): void {
    if (vault.current && autoLockMs > 0 && now() - lastActivity >= autoLockMs) lock('idle');
  }

  const coreContext = (at: Date): CoreContext => ({
    vault,
    now: at,
    locale: () => locale,
    setLocale(next) {
      locale = next;
      writeLocale(files.prefs, next);
    },
    lock: () => lock('manual'),
    places,
    lastUserName: () => lastUserName,
    settingsChanged() {
      const open = vault.current;
      const current = open ? readSettings(open.db) : null;
      autoLockMs = current ? current.autoLockMinutes * 60_000 : 0;
      lastActivity = now();
      if (open && current) offerName(current.showLastUserName ? open.session.displayName : null);
    },
    shell: options.shell ?? NO_SHELL,
    progress(task, done, total) {
      // Long work counts as activity: a backup running for minutes must not lock the vault under it.
      lastActivity = now();
      emit('progress', { task, done, total });
    },
    fileFaults: options.fileFaults ?? [],
  });

  const deps: DispatchDeps = {
    handlers: buildRegistry(HANDLER_GROUPS),
    vault,
    now,
    coreContext,
    fileFaults: options.fileFaults ?? [],
  };

  return {
    dispatch(channel: string, input: unknown, context: RequestContext): Promise<Result<unknown>> {
      if (closed) return Promise.resolve(failure('locked'));
      // After a sleep the wall clock has moved on: an expired session locks before the request is seen.
      checkIdle();
      // Locking, and stopping a backup or restore, must never wait behind the slow request they are about.
      if (channel === 'vault.lock' || channel === 'backup.cancel') return dispatch(deps, channel, input, context);
      const result = queue.then(async () => {
        const outcome = await dispatch(deps, channel, input, context);
        if (outcome.ok && vault.current && channel !== 'vault.status') {
          lastActivity = now();
          // A new setting, or the signed-in user's own new name, for the auto-lock and the unlock screen.
          if (channel === 'settings.update' || channel === 'users.update') coreContext(new Date(lastActivity)).settingsChanged();
        }
        return outcome;
      });
      queue = result.catch(() => undefined);
      return result;
    },
    lock,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    checkIdle,
    close() {
      lock('shutdown');
      closed = true;
      listeners.clear();
    },
  };
}
