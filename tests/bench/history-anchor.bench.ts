/**
 * What the history anchor costs (docs/security.md, "History anchor"): a small audited request through dispatch
 * (`participants.update`-like: `vault.touch` writes no row, so `settings.update` is used), with the anchor advanced
 * after it (the counter into the database, the slot file rewritten and flushed) against the same request with
 * the anchor already at the head; the unlock's comparison with the anchor; and the one-off keying of a log of
 * 100 000 rows written by an earlier build. A benchmark to run by hand, not a timed test:
 *
 *   npx vitest bench --run tests/bench/history-anchor.bench.ts
 *
 * POLKU_BENCH_AUDIT_ROWS gives another size of log for the keying.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openEncrypted } from '../../electron/core/db/open';
import { appendAudit, deriveChainKey, rechainAudit, useChainKey } from '../../electron/core/audit/audit';
import { compareWithAnchor, deriveAnchorKey, HistoryKeeper } from '../../electron/core/vault/anchor';
import { SlotStore } from '../../electron/core/vault/slot-store';
import { TEST_KDF } from '../../electron/core/vault/kdf';
import { vaultFiles } from '../../electron/core/vault/files';
import { readSlotFile } from '../../electron/core/vault/keyslots';
import { PASSPHRASE, testCore, type TestCore } from '../support/core';
import { openVaultDb, vaultMasterKey } from '../support/raw-db';

const AUDIT_ROWS = Number(process.env.POLKU_BENCH_AUDIT_ROWS ?? 100_000);
const at = new Date(Date.UTC(2026, 11, 5, 9));

let t: TestCore;
let minutes = 5;
const figures: string[] = [];

beforeAll(async () => {
  t = testCore();
  await t.ok('vault.setup', { displayName: 'Aino Koordinaattori', passphrase: PASSPHRASE, locale: 'fi' });
});
afterAll(() => {
  if (comparisons.length > 0) {
    const mean = comparisons.reduce((sum, ms) => sum + ms, 0) / comparisons.length;
    figures.push(`the comparison alone: mean ${mean.toFixed(3)} ms over ${comparisons.length}`);
  }
  process.stdout.write(`\n${figures.join('\n')}\n\n`);
  t.cleanup();
});

/** One audited change through dispatch; the setting flips between two values so that each call changes something. */
async function auditedChange(): Promise<void> {
  minutes = minutes === 5 ? 6 : 5;
  await t.ok('settings.update', { autoLockMinutes: minutes });
}

describe('an audited request', () => {
  bench('with the anchor advanced after it (the slot file written and flushed)', auditedChange, {
    time: 3000,
  });
  bench('reading the head only (nothing new to anchor: vault.status)', async () => {
    await t.ok('vault.status', {});
  });
});

describe('the anchor write alone', () => {
  let db: Awaited<ReturnType<typeof openVaultDb>> | null = null;
  let keeper: HistoryKeeper | null = null;
  bench(
    'after a request: the slot file (a copy) written, flushed and renamed',
    () => {
      keeper!.advance(db!, { force: true });
    },
    { time: 3000, setup: openKeeper },
  );
  bench(
    'at an unlock: the counter into the database too',
    () => {
      keeper!.advance(db!, { nextCounter: true });
    },
    { time: 3000, setup: openKeeper },
  );
  async function openKeeper(): Promise<void> {
    if (keeper) return;
    db = await openVaultDb(t);
    useChainKey(db, deriveChainKey(await cachedKey(), readSlotFile(vaultFiles(t.dataDir).slots).vaultId));
    const copy = join(t.dataDir, 'bench-copy.keys');
    copyFileSync(vaultFiles(t.dataDir).slots, copy);
    keeper = HistoryKeeper.open(db, new SlotStore(copy, TEST_KDF), {
      masterKey: await cachedKey(),
      userId: 'u',
      atUnlock: false,
      now: at,
    });
  }
});

describe('the unlock comparison with the anchor', () => {
  bench('MAC, the head row and the counter (a second connection to the same database)', async () => {
    const db = await openVaultDb(t);
    try {
      const file = readSlotFile(vaultFiles(t.dataDir).slots);
      const key = deriveAnchorKey(await cachedKey(), file.vaultId);
      const started = performance.now();
      if (compareWithAnchor(db, file, key) !== null) throw new Error('the anchor does not match');
      comparisons.push(performance.now() - started);
      key.fill(0);
    } finally {
      db.close();
    }
  });
});

const comparisons: number[] = [];
let masterKey: Buffer | null = null;
async function cachedKey(): Promise<Buffer> {
  masterKey ??= await vaultMasterKey(t);
  return masterKey;
}

describe(`keying a log of ${AUDIT_ROWS.toLocaleString('en')} plain rows at the first unlock`, () => {
  bench(
    'check the plain chain whole, then chain every row under the key in one transaction',
    async () => {
      // A database of its own: the log of an earlier build, written straight in.
      const db = openEncrypted(join(t.dataDir, `bench-keying-${randomBytes(4).toString('hex')}.db`), randomBytes(32));
      try {
        migrate(db, MIGRATIONS);
        const chainKey = deriveChainKey(randomBytes(32), 'f'.repeat(32));
        useChainKey(db, chainKey);
        db.exec('DROP TRIGGER audit_log_no_update');
        const insert = db.prepare(
          `INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, outcome, detail, prev_hash, hash)
           VALUES (?, ?, 'u', 'participants.open', 'participant', ?, 'ok', NULL, ?, ?)`,
        );
        db.transaction(() => {
          let previous = '0'.repeat(64);
          for (let id = 1; id <= AUDIT_ROWS; id += 1) {
            const entityId = `p${id % 5000}`;
            const fields = [previous, id, at.toISOString(), 'u', 'participants.open', 'participant', entityId, 'ok', null];
            const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
            insert.run(id, at.toISOString(), entityId, previous, hash);
            previous = hash;
          }
        })();
        db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`);
        const started = performance.now();
        const broken = db.transaction(() => rechainAudit(db, 'plain-sha256'))();
        const took = performance.now() - started;
        if (broken !== null) throw new Error(`row ${broken} did not check out`);
        appendAudit(db, { userId: 'u', action: 'audit.chainKeyed', outcome: 'ok' }, at);
        figures.push(`keying ${AUDIT_ROWS} rows: ${took.toFixed(0)} ms`);
        chainKey.fill(0);
      } finally {
        db.close();
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  );
});
