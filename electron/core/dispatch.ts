import { issueMessage } from '@shared/validation';
import { api, type Channel } from '@shared/api';
import { AppError, failure, type FieldIssue, type Result } from '@shared/errors';
import { roleHolds } from '@shared/roles';
import { appendAudit, type AuditEntry } from './audit/audit';
import { isDiskFull } from './fs/disk-full';
import { injectFault, type FileFault } from './fs/file-ops';
import type { CoreContext, Handlers } from './handler';
import type { RequestContext } from './types';
import type { Db } from './db/open';
import type { Vault } from './vault/vault';
import { logEvent } from './log';

/** Channels a user may call right after a recovery-code unlock, before setting a new passphrase. */
const ALLOWED_BEFORE_NEW_PASSPHRASE = new Set<Channel>([
  'vault.status',
  'vault.lock',
  'vault.changePassphrase',
  'vault.touch',
  'prefs.setLocale',
]);
/**
 * Channels open while an unlock found the database older than its history anchor: look, lock, restore a backup,
 * check the vault, or (the coordinator) continue. Everything else waits until one of these resolves it. A new
 * passphrase after a recovery-code unlock comes first, so that the two states cannot lock each other out.
 */
const ALLOWED_WHILE_HISTORY_IN_DOUBT = new Set<Channel>([
  'vault.status',
  'vault.lock',
  'vault.touch',
  'vault.changePassphrase',
  'vault.verify',
  'vault.acceptHistory',
  'prefs.setLocale',
  'backup.status',
  'backup.inspect',
  'backup.restore',
  'backup.cancel',
  'backup.keepRestore',
  'backup.undoRestore',
]);
const SLOW_REQUEST_MS = 500;

export interface DispatchDeps {
  handlers: Handlers;
  vault: Vault;
  now: () => number;
  coreContext: (now: Date) => CoreContext;
  /** Injected failures (tests only): a `dbCommit` fault fails the commit of a request's transaction. */
  fileFaults?: readonly FileFault[];
}

function isChannel(name: string): name is Channel {
  return Object.hasOwn(api, name);
}

/**
 * One request, end to end: sender check, input validation, unlock state and permission, the handler in a
 * transaction with its audit record, output validation. Never throws; never returns stack traces or SQL.
 */
export async function dispatch(
  deps: DispatchDeps,
  channel: string,
  input: unknown,
  context: RequestContext,
): Promise<Result<unknown>> {
  if (!context.trustedSender) return failure('forbidden');
  if (typeof channel !== 'string' || !isChannel(channel)) return failure('unknown_channel');
  const spec = api[channel];
  // The input is reported inside zod only to tell a missing value from a wrong one; it never leaves here.
  const parsed = spec.input.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      const message = issueMessage(path, issue);
      return message.values ? { path, i18nKey: message.key, values: message.values } : { path, i18nKey: message.key };
    });
    return failure('invalid_input', { issues });
  }

  const open = deps.vault.current;
  if (spec.access !== 'public') {
    if (!open) return failure('locked');
    const { session } = open;
    const allowed =
      (spec.access === 'session' || roleHolds(session.role, spec.access)) &&
      (!session.mustChangePassphrase || ALLOWED_BEFORE_NEW_PASSPHRASE.has(channel)) &&
      (!session.historyProblem || ALLOWED_WHILE_HISTORY_IN_DOUBT.has(channel));
    if (!allowed) {
      recordDenied(deps, channel);
      return failure('forbidden');
    }
  }

  const started = deps.now();
  const isQuery = deps.handlers[channel].kind === 'tx';
  try {
    const value = await runHandler(deps, channel, parsed.data);
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.details);
    // Wherever a full disk stops a write (SQLite or Node), the user is told so; nothing half-written stays.
    if (isDiskFull(error)) {
      logEvent('disk-full', { channel });
      return failure('disk_full');
    }
    logEvent('internal-error', { channel, error });
    return failure('internal');
  } finally {
    deps.vault.advanceHistory();
    // Vault operations are slow by design (memory-hard KDF); only database work is worth flagging.
    const took = deps.now() - started;
    if (isQuery && took > SLOW_REQUEST_MS) logEvent('slow-request', { channel, ms: took });
  }
}

async function runHandler(deps: DispatchDeps, channel: Channel, input: unknown): Promise<unknown> {
  // The handler table is keyed by channel; its input type is the channel's schema output, parsed above.
  const handler = deps.handlers[channel] as Handlers[Channel] & { run(input: unknown, context: unknown): unknown };
  const now = new Date(deps.now());
  // What a full disk held back (audit records of reads, of the unlock) goes in first, if there is room now.
  deps.vault.writeDeferred();
  if (handler.kind === 'core') return handler.run(input, deps.coreContext(now));
  const open = deps.vault.current;
  if (!open) throw new AppError('locked');
  const { db, session } = open;
  const audit = (handler as { audit?: (i: unknown, o: unknown) => Omit<AuditEntry, 'userId' | 'outcome'> | null }).audit;
  // A read (it changed no row) whose audit record finds the disk full, at the insert or at the commit: the record
  // waits in memory (Vault.deferAudit) and the reader gets the answer. The rolled-back transaction held only the record.
  let read: { output: unknown; record: AuditEntry } | null = null;
  try {
    return db.transaction(() => {
      const changesBefore = totalChanges(db);
      const output = handler.run(input, { db, session, now });
      const entry = audit?.(input, output);
      if (entry) {
        const record: AuditEntry = { ...entry, userId: session.userId, outcome: 'ok' };
        if (totalChanges(db) === changesBefore) read = { output, record };
        appendAudit(db, record, now);
      }
      // Tests make the commit fail here as SQLite would (a full or failing disk): the transaction rolls back.
      injectFault(deps.fileFaults ?? [], 'dbCommit', channel);
      return output;
    })();
  } catch (error) {
    if (!read || !isDiskFull(error)) throw error;
    const { output, record } = read;
    deps.vault.deferAudit(record, now);
    return output;
  }
}

const changeCounters = new WeakMap<Db, { get(): { n: number } | undefined }>();

/** Rows inserted, changed or deleted on this connection so far (SQLite's total_changes()). */
function totalChanges(db: Db): number {
  let statement = changeCounters.get(db);
  if (!statement) {
    statement = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    changeCounters.set(db, statement);
  }
  return statement.get()?.n ?? 0;
}

function recordDenied(deps: DispatchDeps, channel: Channel): void {
  const open = deps.vault.current;
  if (!open) return;
  const record: AuditEntry = { userId: open.session.userId, action: channel, outcome: 'denied' };
  const now = new Date(deps.now());
  try {
    open.db.transaction(() => appendAudit(open.db, record, now))();
  } catch (error) {
    if (isDiskFull(error)) deps.vault.deferAudit(record, now);
    else logEvent('internal-error', { channel, error });
  }
}
