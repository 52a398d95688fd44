/**
 * Backup and restore of a large vault: 10 000 participants and 50 000 guidance notes in the real encrypted
 * database, backed up, verified and restored through dispatch as the app does it, and the master key rotated.
 * Prints how long each takes, its speed in MB/s of the vault's file next to a bare `VACUUM INTO` and a `cp` of the
 * same file measured in the same run (the target: a verified backup, a restore and a rotation each at least half
 * as fast as `VACUUM INTO`), and the longest stall of the main thread's event loop meanwhile (the work runs in a
 * worker thread; the goal is under ~50 ms). A benchmark to run by hand, not a timed test:
 *
 *   npx vitest bench --run tests/bench/backup.bench.ts
 *
 * Building the vault takes about a minute.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { NOTE_TYPES } from '@shared/notes';
import { openWithRawKey } from '../../electron/core/backup/cipher-file';
import { insertNote } from '../../electron/core/notes/repo';
import { BACKUP_PASSPHRASE, COORDINATOR, scriptedShell, type ScriptedShell } from '../support/backup';
import { PASSPHRASE, testCore, type TestCore } from '../support/core';
import { staffedVault } from '../support/participants';
import { openVaultDb, vaultMasterKey } from '../support/raw-db';

const PARTICIPANTS = 10_000;
const NOTES = 50_000;
const WORDS = ['työhaku', 'ansioluettelo', 'haastattelu', 'kielikurssi', 'harjoittelu', 'ohjaus', 'sopimus', 'palkka'];

let t: TestCore;
let shell: ScriptedShell;
let outDir: string;
let backups = 0;
const figures: string[] = [];
/** MB of polku.db, and the MB/s of a bare VACUUM INTO of it, for the ratios. */
let vaultMb = 0;
let vacuumMbPerS = 0;

function speed(ms: number): string {
  const mbPerS = vaultMb / (ms / 1000);
  return `${mbPerS.toFixed(1)} MB/s, ${(mbPerS / vacuumMbPerS).toFixed(2)} × VACUUM INTO`;
}

/** The longest gap between ticks of a 5 ms timer while `work` runs: how long the main thread was blocked. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number; ms: number }> {
  const interval = 5;
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last - interval);
    last = now;
  }, interval);
  const started = performance.now();
  try {
    const value = await work();
    return { value, stallMs, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

function fillLargeVault(coordinatorId: string, db: Awaited<ReturnType<typeof openVaultDb>>): void {
  const participant = db.prepare(
    `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, first_name, status, created_at, updated_at, created_by)
     VALUES (?, ?, 2026, ?, ?, 'active', '2026-11-01', '2026-11-01', ?)`,
  );
  const ids = Array.from({ length: PARTICIPANTS }, () => randomBytes(16).toString('hex'));
  db.transaction(() =>
    ids.forEach((id, i) => participant.run(id, `P-2026-${String(i + 1).padStart(5, '0')}`, i + 1, `Nimi ${i}`, coordinatorId)),
  )();
  for (let start = 0; start < NOTES; start += 10_000) {
    db.transaction(() => {
      for (let i = start; i < start + 10_000; i++) {
        const text = Array.from({ length: 60 }, (_, k) => WORDS[(i + k * 7) % WORDS.length]).join(' ');
        insertNote(db, {
          id: randomBytes(16).toString('hex'),
          participantId: ids[i % PARTICIPANTS]!,
          content: { date: '2026-11-20', type: NOTE_TYPES[i % NOTE_TYPES.length]!, topics: [], tags: [], text, followUp: null },
          at: '2026-11-20T10:00:00.000Z',
          by: coordinatorId,
        });
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}

beforeAll(async () => {
  const v = await staffedVault();
  const db = await openVaultDb(v.t);
  fillLargeVault(v.coordinatorId, db);
  db.close();
  v.t.core.close();
  shell = scriptedShell();
  t = testCore(v.t.dataDir, v.t.clock, { shell });
  await t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
  outDir = mkdtempSync(join(tmpdir(), 'polku-bench-backups-'));
  vaultMb = statSync(join(t.dataDir, 'polku.db')).size / 1024 / 1024;
  figures.push(`Vault: ${PARTICIPANTS} participants, ${NOTES} notes, polku.db ${vaultMb.toFixed(1)} MB`);
  // The floors a backup is compared with: one decrypt-and-re-encrypt pass, and a plain copy of the same bytes.
  const key = await vaultMasterKey(v.t);
  const vacuumMs: number[] = [];
  const cpMs: number[] = [];
  for (let round = 0; round < 3; round++) {
    const source = openWithRawKey(join(t.dataDir, 'polku.db'), key, {}, true);
    let started = performance.now();
    source.prepare('VACUUM INTO ?').run(join(outDir, `vacuum-${round}.db`));
    vacuumMs.push(performance.now() - started);
    source.close();
    started = performance.now();
    copyFileSync(join(t.dataDir, 'polku.db'), join(outDir, `cp-${round}.db`));
    cpMs.push(performance.now() - started);
    rmSync(join(outDir, `vacuum-${round}.db`));
    rmSync(join(outDir, `cp-${round}.db`));
  }
  key.fill(0);
  const best = (ms: number[]) => Math.min(...ms);
  vacuumMbPerS = vaultMb / (best(vacuumMs) / 1000);
  figures.push(
    `VACUUM INTO: ${(best(vacuumMs) / 1000).toFixed(2)} s, ${vacuumMbPerS.toFixed(1)} MB/s; ` +
      `cp: ${(best(cpMs) / 1000).toFixed(2)} s, ${(vaultMb / (best(cpMs) / 1000)).toFixed(0)} MB/s (best of 3)`,
  );
  // What the machine itself costs the timer (other processes, the collector), with no backup running.
  const idle = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 5_000)));
  figures.push(`Idle for comparison: longest timer stall ${idle.stallMs.toFixed(1)} ms over 5 s`);
}, 600_000);

afterAll(() => {
  process.stdout.write(`\n${figures.join('\n')}\n\n`);
  t.cleanup();
  rmSync(outDir, { recursive: true, force: true });
});

const once = { iterations: 2, warmupIterations: 0, time: 0, warmupTime: 0 };

describe('a vault of 10 000 participants and 50 000 notes', () => {
  bench(
    'backup.create (write, rekey, fsync, verify)',
    async () => {
      shell.savePath = join(outDir, `b-${++backups}.polkubackup`);
      const run = await longestStall(() =>
        t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE }),
      );
      const mb = run.value.status === 'done' ? (run.value.bytes / 1024 / 1024).toFixed(1) : '-';
      figures.push(
        `backup.create: ${(run.ms / 1000).toFixed(2)} s (${speed(run.ms)}), ${mb} MB, longest main-thread stall ${run.stallMs.toFixed(1)} ms`,
      );
    },
    once,
  );

  bench(
    'backup.inspect + backup.restore + backup.keepRestore',
    async () => {
      shell.openPath = join(outDir, 'b-1.polkubackup');
      const inspect = await longestStall(() => t.ok('backup.inspect', { passphrase: BACKUP_PASSPHRASE }));
      if (inspect.value.status !== 'ready') throw new Error('not inspected');
      const token = inspect.value.token;
      const restore = await longestStall(() => t.ok('backup.restore', { token }));
      await t.ok('backup.keepRestore', {});
      figures.push(
        `backup.inspect: ${(inspect.ms / 1000).toFixed(2)} s (${speed(inspect.ms)}, stall ${inspect.stallMs.toFixed(1)} ms); ` +
          `backup.restore: ${(restore.ms / 1000).toFixed(2)} s (${speed(restore.ms)}, stall ${restore.stallMs.toFixed(1)} ms)`,
      );
    },
    once,
  );

  bench(
    'vault.rotateMasterKey',
    async () => {
      const run = await longestStall(() => t.ok('vault.rotateMasterKey', { passphrase: PASSPHRASE }));
      figures.push(
        `vault.rotateMasterKey: ${(run.ms / 1000).toFixed(2)} s (${speed(run.ms)}, stall ${run.stallMs.toFixed(1)} ms)`,
      );
    },
    once,
  );
});
