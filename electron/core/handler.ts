import type { z } from 'zod';
import type { Api, Channel, OutputOf } from '@shared/api';
import type { Locale } from '@shared/locales';
import type { SessionInfo } from '@shared/vault';
import type { AuditEntry } from './audit/audit';
import type { FileFault } from './fs/file-ops';
import type { Db } from './db/open';
import type { PlaceMemory } from './place/memory';
import type { ShellPort } from './shell/port';
import type { Vault } from './vault/vault';

type InputFor<C extends Channel> = z.output<Api[C]['input']>;

/** What a handler of data (not of the vault itself) gets: the open database, the user, the time. */
export interface TxContext {
  db: Db;
  session: SessionInfo;
  now: Date;
}

/** What a vault or app handler gets: the vault and the core's own state. */
export interface CoreContext {
  vault: Vault;
  now: Date;
  locale(): Locale;
  setLocale(locale: Locale): void;
  /** The name the unlock screen offers (kept outside the vault), or null: the setting is off by default. */
  lastUserName(): string | null;
  /** Locks now, telling the renderer why. */
  lock(): void;
  /** Where the signed-in user was last, in memory only: an unlock takes them back there. */
  places: PlaceMemory;
  /** Re-reads settings that the core caches (auto-lock, the name on the unlock screen). */
  settingsChanged(): void;
  /** File choosers and printing, as the desktop (or the test harness) provides them. */
  shell: ShellPort;
  /** Sends a progress event for long work to the renderer. */
  progress(task: string, done: number, total: number): void;
  /** File operations of backup and restore that fail on purpose (tests only; empty in the app). */
  fileFaults: readonly FileFault[];
}

/**
 * A synchronous handler over the open database. dispatch() runs it in one transaction together with its
 * audit record, so a throw rolls both back.
 */
export interface TxHandler<C extends Channel> {
  kind: 'tx';
  run(input: InputFor<C>, context: TxContext): OutputOf<C>;
  /** The audit record for a successful call; null or absent for calls not worth recording. */
  audit?: (input: InputFor<C>, output: OutputOf<C>) => Omit<AuditEntry, 'userId' | 'outcome'> | null;
}

/** A handler of the vault's lifecycle (setup, unlock, rekey...): may be slow, keeps its own atomicity. */
export interface CoreHandler<C extends Channel> {
  kind: 'core';
  run(input: InputFor<C>, context: CoreContext): OutputOf<C> | Promise<OutputOf<C>>;
}

export type Handler<C extends Channel> = TxHandler<C> | CoreHandler<C>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlerGroup = { [C in Channel]?: Handler<C> };
