import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '@shared/errors';
import { backupFiles } from '../backup/files';
import { restoreFresh } from '../backup/fresh';
import type { HandlerGroup } from '../handler';
import { auditHead, verifyAuditChain } from '../audit/audit';
import { verifyDatabaseFileAsync } from './verifier';

export const vaultHandlers = {
  'vault.status': {
    kind: 'core',
    run: (_input, { vault, locale, lastUserName }) => {
      const status = vault.status();
      return {
        state: status.state,
        problem: status.problem,
        session: vault.current ? { ...vault.current.session } : null,
        retryAfterMs: status.state === 'locked' ? vault.retryAfterMs() : 0,
        locale: locale(),
        lastUserName: lastUserName(),
      };
    },
  },
  'vault.setAsideBroken': {
    kind: 'core',
    run: (_input, { vault, now }) => ({ folder: vault.setAsideBroken(now) }),
  },
  'vault.setup': {
    kind: 'core',
    run: async (input, { vault, setLocale, settingsChanged }) => {
      const result = await vault.setup(input);
      setLocale(input.locale);
      settingsChanged();
      return result;
    },
  },
  'vault.unlock': {
    kind: 'core',
    run: async (input, { vault, settingsChanged }) => {
      const session = await vault.unlock(input.passphrase, input.name);
      settingsChanged();
      return session;
    },
  },
  'vault.unlockWithRecoveryCode': {
    kind: 'core',
    run: async (input, { vault, settingsChanged }) => {
      const session = await vault.unlockWithRecoveryCode(input.recoveryCode);
      settingsChanged();
      return session;
    },
  },
  'vault.lock': { kind: 'core', run: (_input, { lock }) => (lock(), null) },
  'vault.confirmRecoveryCode': { kind: 'core', run: (input, { vault }) => vault.confirmRecoveryCode(input.recoveryCode) },
  'vault.newRecoveryCode': {
    kind: 'core',
    run: async (input, { vault }) => {
      await vault.confirmPassphrase(input.currentPassphrase);
      return { recoveryCode: await vault.newRecoveryCode() };
    },
  },
  'vault.changePassphrase': { kind: 'core', run: (input, { vault }) => vault.changePassphrase(input.current, input.next) },
  'vault.rotateMasterKey': {
    kind: 'core',
    run: async (input, { vault, progress }) => {
      // The database kept by a restore is under the current key: after a rotation, undoing the restore could not open it.
      if (existsSync(backupFiles(dirname(vault.databasePath)).previousDb)) throw new AppError('restore_pending');
      const recoveryCode = await vault.rotateMasterKey(input.passphrase, (done, total) => progress('rekey', done, total));
      progress('rekey', 1, 1);
      return { recoveryCode };
    },
  },
  'vault.verify': {
    kind: 'core',
    run: async (_input, { vault }) => {
      const open = vault.current;
      if (!open) throw new AppError('locked');
      // Everything written so far goes into the main file, so that the page check sees all of it.
      open.db.pragma('wal_checkpoint(TRUNCATE)');
      const pages = await verifyDatabaseFileAsync(vault.databasePath, vault.requireKey());
      const integrity = open.db.pragma('integrity_check', { simple: true }) === 'ok';
      const audit = verifyAuditChain(open.db);
      // The head is the last row checked, so that the number shown matches the count (the check's own row follows).
      const head = auditHead(open.db);
      const history = vault.historyCheck();
      const intact =
        pages.firstBadPage === null &&
        integrity &&
        audit.firstBadRow === null &&
        history.problem === null &&
        history.backupHeadsMissing === 0;
      vault.write({ action: 'vault.verify', outcome: intact ? 'ok' : 'failed' }, () => undefined);
      return {
        pagesChecked: pages.pagesChecked,
        firstBadPage: pages.firstBadPage,
        integrity,
        auditRows: audit.rows,
        auditFirstBadRow: audit.firstBadRow,
        auditHead: head,
        backupHeadsChecked: history.backupHeadsChecked,
        backupHeadsMissing: history.backupHeadsMissing,
        historyProblem: history.problem,
      };
    },
  },
  /** Does nothing: any successful request is activity for the idle auto-lock (app-core.ts); this one only that. */
  'vault.touch': { kind: 'tx', run: () => null },
  'vault.acceptHistory': { kind: 'core', run: (_input, { vault }) => vault.acceptHistory() },
  'vault.restoreFresh': { kind: 'core', run: (input, ctx) => restoreFresh(ctx, input) },
} satisfies HandlerGroup;
