import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openEncrypted } from '../db/open';
import { passphraseBytes } from '../backup/cipher-file';
import { ownedCopy } from '../backup/state';
import { BUILT_WORKER, locateWorker } from './locate';
import { JobStopped, runJob } from './runner';

let dir: string;
let source: string;
const masterKey = randomBytes(32);
let settingsRows: number;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-jobs-'));
  source = join(dir, 'polku.db');
  const db = openEncrypted(source, masterKey);
  migrate(db, MIGRATIONS);
  // A few megabytes, in one of the vault's own tables: a backup's schema must be exactly the migrations'.
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 4000; i++) insert.run(`filler-${i}`, randomBytes(500).toString('hex'));
  })();
  settingsRows = (db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n;
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeInput(target: string) {
  return {
    source,
    target: `${target}.tmp`,
    destination: target,
    tempList: join(dir, 'temp-files.json'),
    masterKey: ownedCopy(masterKey),
    passphrase: ownedCopy(passphraseBytes('a long enough backup passphrase')),
    createdAt: '2026-11-28T09:00:00.000Z',
    appVersion: 'test',
    vaultId: 'vault',
    driver: {},
    faults: [],
  };
}

describe('jobs in worker threads', () => {
  it('finds the worker: from TypeScript source here, the built file beside a bundle', () => {
    expect(locateWorker().source?.entry).toMatch(/electron\/core\/jobs\/worker\.ts$/);
    mkdirSync(join(dir, 'out', 'main', 'chunks'), { recursive: true });
    writeFileSync(join(dir, 'out', 'main', BUILT_WORKER), '');
    expect(locateWorker(join(dir, 'out', 'main', 'index.js'))).toEqual({ file: join(dir, 'out', 'main', BUILT_WORKER) });
    expect(locateWorker(join(dir, 'out', 'main', 'chunks', 'core.js'))).toEqual({ file: join(dir, 'out', 'main', BUILT_WORKER) });
    // A bundle of the project without the worker (the preview) starts it from the sources.
    const root = resolve(import.meta.dirname, '..', '..', '..');
    expect(locateWorker(join(root, 'out', 'preview', 'preview-app.js')).source).toEqual({
      entry: pathToFileURL(join(root, 'electron', 'core', 'jobs', 'worker.ts')).href,
      tsconfig: join(root, 'tsconfig.node.json'),
    });
  });

  it('runs a job to its end and reports progress that only goes forward', async () => {
    const progress: number[] = [];
    const input = writeInput(join(dir, 'whole.polkubackup'));
    const job = runJob('backup.write', input, {
      transfer: [input.masterKey.buffer as ArrayBuffer, input.passphrase.buffer as ArrayBuffer],
      onProgress: (done, total) => progress.push(done / total),
    });
    const written = await job.outcome;
    expect(written.summary.counts.settings).toBe(settingsRows);
    expect(statSync(join(dir, 'whole.polkubackup')).size).toBe(written.summary.bytes);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The key and passphrase were moved to the worker, not copied: nothing of them is left on this side.
    expect(input.masterKey.byteLength).toBe(0);
    expect(input.passphrase.byteLength).toBe(0);
  }, 60_000);

  it('stops when asked, between steps, and ends the worker', async () => {
    const input = writeInput(join(dir, 'stopped.polkubackup'));
    const job = runJob('backup.write', input, { onProgress: () => job.stop() });
    await expect(job.outcome).rejects.toBeInstanceOf(JobStopped);
  }, 60_000);

  it('reports a failure as an error code', async () => {
    const target = join(dir, 'missing-folder', 'x.polkubackup');
    const job = runJob('backup.write', writeInput(target), { onProgress: () => undefined });
    await expect(job.outcome).rejects.toEqual(new AppError('backup_write_failed'));
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});
