/**
 * A backup or a restore killed with SIGKILL at any moment (a power cut, a crash) leaves the vault either as it
 * was or as restored, never broken: it opens, passes its checks, and holds exactly one of the two states. The
 * next start removes every temp file.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_PASSPHRASE,
  BOOKKEEPING_TABLES,
  COORDINATOR,
  backupFixture,
  vaultDigest,
  type BackupFixture,
} from '../../../tests/support/backup';
import { PASSPHRASE, testCore } from '../../../tests/support/core';
import { openWithPassphrase, passphraseBytes } from './cipher-file';

const ROOT = resolve(import.meta.dirname, '../../..');
const CHILD = join(ROOT, 'tests/support/backup-child.ts');
/** Where to kill: `delayMs` after the first progress event of `task` at `fraction` or beyond. */
interface KillPoint {
  task: string;
  fraction: number;
  delayMs: number;
}
const kill = (task: string, fraction: number, delayMs = 0): KillPoint => ({ task, fraction, delayMs });
const BACKUP_KILLS = [0, 0.2, 0.4, 0.6, 0.75, 0.9].map((at) => kill('backup', at)).concat(kill('backup', 1));
const RESTORE_KILLS = [
  kill('verify', 0),
  kill('verify', 0.4),
  ...[0, 0.2, 0.4, 0.6, 0.8].map((at) => kill('restore', at)),
  // Around the end of the worker's part: the swap and the reopening come right after it.
  ...[30, 120].map((ms) => kill('restore', 0.85, ms)),
  kill('restore', 1),
];

let f: BackupFixture;
let backupFile: string;
/** Case data (bookkeeping tables aside) as in the backup, and as now (one participant more). */
let backedUp: string;
let current: string;
let template: string;

beforeAll(async () => {
  f = await backupFixture(2);
  backupFile = join(f.outDir, 'kill.polkubackup');
  f.shell.savePath = backupFile;
  await f.t.ok('backup.create', { passphrase: BACKUP_PASSPHRASE, currentPassphrase: PASSPHRASE });
  backedUp = await vaultDigest(f.t, BOOKKEEPING_TABLES);
  await f.as('caseworker');
  await f.t.ok('participants.create', { firstName: 'Myöhemmin', confirmDuplicate: true });
  await f.as('coordinator');
  current = await vaultDigest(f.t, BOOKKEEPING_TABLES);
  f.t.core.close();
  template = f.t.dataDir;
}, 120_000);
afterAll(() => f.cleanup());

interface Run {
  lines: string[];
}

/** Runs the child over `dataDir`, killing it at `at` (or never, when null). */
function runChild(dataDir: string, mode: 'backup' | 'restore', file: string, at: KillPoint | null): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode, file], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let armed = at !== null;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        const progress = /^progress (\w+) (\d+)\/(\d+)$/.exec(line);
        if (!armed || !at || !progress || progress[1] !== at.task) continue;
        if (Number(progress[2]) / Number(progress[3]) < at.fraction) continue;
        armed = false;
        setTimeout(() => child.kill('SIGKILL'), at.delayMs);
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) done({ lines });
      else fail(new Error(`child exited with ${code}: ${stderr}`));
    });
  });
}

/** Starts Polku again over the folder (its start-up clean-up runs) and checks the vault. Returns its case digest. */
async function reopenAndCheck(dataDir: string): Promise<string> {
  const t = testCore(dataDir);
  try {
    await t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
    const verified = await t.ok('vault.verify', {});
    expect(verified).toMatchObject({ firstBadPage: null, integrity: true, auditFirstBadRow: null });
    const leftovers = readdirSync(dataDir).filter(
      (name) => !/^polku\.(db|keys|prefs\.json|previous\.db|db-wal|db-shm)$/.test(name),
    );
    expect(leftovers).toEqual([]);
    return await vaultDigest(t, BOOKKEEPING_TABLES);
  } finally {
    t.core.close();
  }
}

/** A copy of the prepared data folder for one run. */
function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'polku-kill-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** A run to its end, and the state it leaves. */
async function runWhole(mode: 'backup' | 'restore', file: string): Promise<string> {
  const dir = freshCopy();
  try {
    const run = await runChild(dir, mode, file, null);
    expect(run.lines.at(-1)).toBe('done');
    return await reopenAndCheck(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('killed with SIGKILL part-way', () => {
  it('a backup leaves the vault as it was, and either no backup file or a whole one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'polku-kill-out-'));
    expect(await runWhole('backup', join(out, 'whole.polkubackup'))).toBe(current);
    for (const [i, at] of BACKUP_KILLS.entries()) {
      const dir = freshCopy();
      const file = join(out, `run-${i}.polkubackup`);
      try {
        await runChild(dir, 'backup', file, at);
        expect(await reopenAndCheck(dir), `killed at ${JSON.stringify(at)}`).toBe(current);
        expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
        if (existsSync(file)) {
          const db = openWithPassphrase(file, passphraseBytes(BACKUP_PASSPHRASE), {}, true);
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          db.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    rmSync(out, { recursive: true, force: true });
  }, 300_000);

  it('a restore leaves the vault either as it was or as restored, and opens either way', async () => {
    expect(await runWhole('restore', backupFile)).toBe(backedUp);
    const seen = new Set<string>();
    for (const at of RESTORE_KILLS) {
      const dir = freshCopy();
      try {
        await runChild(dir, 'restore', backupFile, at);
        const digest = await reopenAndCheck(dir);
        expect([current, backedUp], `killed at ${JSON.stringify(at)}`).toContain(digest);
        seen.add(digest === current ? 'old' : 'new');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // The kill points span the restore: the early ones cut it before the swap, the last one after it.
    expect([...seen].sort()).toEqual(['new', 'old']);
  }, 300_000);
});
