/**
 * A Polku core in a process of its own that makes a backup or restores one, for the tests that kill it with
 * SIGKILL part-way (electron/core/backup/kill.test.ts). Prints `ready` once unlocked, `progress <task> <done>/<total>` for
 * every progress event and `done` at the end.
 *
 *   node --import tsx tests/support/backup-child.ts <dataDir> <backup|restore> <backup file>
 */
import { createCore } from '../../electron/core/app-core';
import { BACKUP_PASSPHRASE, COORDINATOR, scriptedShell } from './backup';
import { PASSPHRASE } from './core';

const [dataDir, mode, backupFile] = process.argv.slice(2);
if (!dataDir || (mode !== 'backup' && mode !== 'restore') || !backupFile) {
  process.stderr.write('usage: backup-child.ts <dataDir> <backup|restore> <backup file>\n');
  process.exit(2);
}

const shell = scriptedShell();
shell.savePath = backupFile;
shell.openPath = backupFile;
const core = createCore({ dataDir, kdfCost: 'test', shell });
core.subscribe((event, payload) => {
  if (event !== 'progress') return;
  const { task, done, total } = payload as { task: string; done: number; total: number };
  process.stdout.write(`progress ${task} ${done}/${total}\n`);
});

async function call(channel: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await core.dispatch(channel, input, { trustedSender: true });
  if (!result.ok) throw new Error(`${channel} failed: ${result.code}`);
  return result.value as Record<string, unknown>;
}

await call('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
process.stdout.write('ready\n');
if (mode === 'backup') {
  await call('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
} else {
  const inspected = await call('backup.inspect', { passphrase: BACKUP_PASSPHRASE });
  await call('backup.restore', { token: inspected.token });
}
process.stdout.write('done\n');
core.close();
