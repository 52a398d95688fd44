/**
 * A Polku core in a process of its own that rotates the master key, for the test that kills it with SIGKILL
 * part-way (electron/core/vault/rotate-crash.test.ts). Prints `ready` once unlocked, `progress <task> <done>/<total>`
 * for every progress event and `done` at the end. With `finishing`, it stops for good just before the slot file of
 * the finished rotation replaces the one of the unfinished rotation (the database's part of the finish committed)
 * and prints `paused`, for the parent to kill it there. With `rekey:<ms>`, it sends itself SIGKILL that many
 * milliseconds after the rekey's copy began (its first progress past the checkpoint), while the worker writes it.
 *
 *   node --import tsx tests/support/rotate-child.ts <dataDir> <name> [finishing | rekey:<ms>]
 */
import fs, { readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import { createCore } from '../../electron/core/app-core';
import { PASSPHRASE } from './core';

const [dataDir, name, pauseAt] = process.argv.slice(2);
if (!dataDir || !name) {
  process.stderr.write('usage: rotate-child.ts <dataDir> <name> [finishing | rekey:<ms>]\n');
  process.exit(2);
}

if (pauseAt === 'finishing') {
  const rename = fs.renameSync;
  fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    const finishes =
      basename(String(to)) === 'polku.keys' &&
      'rotation' in JSON.parse(readFileSync(to, 'utf8')) &&
      !('rotation' in JSON.parse(readFileSync(from, 'utf8')));
    if (finishes) {
      process.stdout.write('paused\n');
      // Blocks this thread for good: the parent kills the process here.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    rename(from, to);
  };
  syncBuiltinESMExports();
}

const killAfterMs = pauseAt?.startsWith('rekey:') ? Number(pauseAt.slice('rekey:'.length)) : null;
let killTimer: ReturnType<typeof setTimeout> | undefined;

const core = createCore({ dataDir, kdfCost: 'test' });
core.subscribe((event, payload) => {
  if (event !== 'progress') return;
  const { task, done, total } = payload as { task: string; done: number; total: number };
  process.stdout.write(`progress ${task} ${done}/${total}\n`);
  if (killAfterMs !== null && task === 'rekey' && done > 0 && !killTimer) {
    killTimer = setTimeout(() => process.kill(process.pid, 'SIGKILL'), killAfterMs);
  }
});

async function call(channel: string, input: unknown): Promise<void> {
  const result = await core.dispatch(channel, input, { trustedSender: true });
  if (!result.ok) throw new Error(`${channel} failed: ${result.code}`);
}

await call('vault.unlock', { name, passphrase: PASSPHRASE });
process.stdout.write('ready\n');
await call('vault.rotateMasterKey', { passphrase: PASSPHRASE });
process.stdout.write('done\n');
core.close();
