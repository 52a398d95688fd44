/**
 * Erasure and retention on a large vault: 10 000 participants and 50 000 guidance notes in the real encrypted
 * database (2 000 of the files closed in 2020), through dispatch as the app does it. Prints how long erasing one
 * file takes (the rewrite of the full-text index and the wipe of old page images included), the due list, and
 * erasing 100 due files at once; then scans the decrypted database for the erased files' words. A benchmark to
 * run by hand, not a timed test:
 *
 *   npx vitest bench --run tests/bench/erasure.bench.ts
 *
 * POLKU_BENCH_PARTICIPANTS and POLKU_BENCH_NOTES give another size (notes a multiple of 10 000 or below it).
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { NOTE_TYPES } from '@shared/notes';
import { noteText } from '../../bench/notes-text';
import { seededRandom } from '../support/seeded-random';
import { insertNote } from '../../electron/core/notes/repo';
import { PASSPHRASE, testCore, type TestCore } from '../support/core';
import { staffedVault } from '../support/participants';
import { plaintextHits } from '../support/plaintext-scan';
import { openVaultDb, vaultMasterKey } from '../support/raw-db';

const PARTICIPANTS = Number(process.env.POLKU_BENCH_PARTICIPANTS ?? 10_000);
const NOTES = Number(process.env.POLKU_BENCH_NOTES ?? 50_000);
const CLOSED = PARTICIPANTS / 5;
const COORDINATOR = 'Aino Koordinaattori';
/** A word only the files erased here carry (`zyx<n>q`), and in front of it words every file shares. */
const marker = (i: number) => `zyx${i}q`;

let t: TestCore;
let ids: string[] = [];
const erased: number[] = [];
const figures: string[] = [];

function fill(coordinatorId: string, db: Awaited<ReturnType<typeof openVaultDb>>): void {
  const participant = db.prepare(
    `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, first_name, last_name, status,
       created_at, updated_at, created_by, closed_at)
     VALUES (?, ?, 2026, ?, ?, ?, ?, '2019-01-01', '2020-03-01', ?, ?)`,
  );
  ids = Array.from({ length: PARTICIPANTS }, () => randomBytes(16).toString('hex'));
  db.transaction(() =>
    ids.forEach((id, i) => {
      const closed = i < CLOSED;
      const pseudonym = `P-2026-${String(i + 1).padStart(5, '0')}`;
      const values = [id, pseudonym, i + 1, `Nimi ${i}`, marker(i), closed ? 'closed' : 'active', coordinatorId];
      participant.run(...values, closed ? '2020-03-01T10:00:00.000Z' : null);
    }),
  )();
  const random = seededRandom(2026);
  for (let start = 0; start < NOTES; start += 10_000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(NOTES, start + 10_000); i++) {
        const owner = i % PARTICIPANTS;
        const text = `${noteText(random).text} ${marker(owner)}`;
        insertNote(db, {
          id: randomBytes(16).toString('hex'),
          participantId: ids[owner]!,
          content: { date: '2026-11-20', type: NOTE_TYPES[i % NOTE_TYPES.length]!, topics: [], tags: [], text, followUp: null },
          at: '2026-11-20T10:00:00.000Z',
          by: coordinatorId,
        });
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

beforeAll(async () => {
  const v = await staffedVault();
  const db = await openVaultDb(v.t);
  const built = performance.now();
  fill(v.coordinatorId, db);
  db.close();
  v.t.core.close();
  t = testCore(v.t.dataDir, v.t.clock);
  await t.ok('vault.unlock', { name: COORDINATOR, passphrase: PASSPHRASE });
  const megabytes = statSync(join(t.dataDir, 'polku.db')).size / 1024 / 1024;
  figures.push(
    `Vault: ${PARTICIPANTS} participants (${CLOSED} closed), ${NOTES} notes, polku.db ${megabytes.toFixed(1)} MB, ` +
      `built in ${seconds(performance.now() - built)}`,
  );
}, 900_000);

afterAll(async () => {
  const key = await vaultMasterKey(t);
  const scanned = await timed(() => Promise.resolve(plaintextHits(t.dataDir, key, erased.map(marker))));
  const kept = plaintextHits(t.dataDir, key, [marker(PARTICIPANTS - 1)]);
  figures.push(
    `Decrypted scan of the data folder for the ${erased.length} erased files' words: ${scanned.value.length} hits ` +
      `(a kept file's word: ${kept.length} hits), ${seconds(scanned.ms)}`,
  );
  key.fill(0);
  process.stdout.write(`\n${figures.join('\n')}\n\n`);
  t.cleanup();
}, 900_000);

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

describe(`erasure in a vault of ${PARTICIPANTS} participants and ${NOTES} notes`, () => {
  bench(
    'participants.delete, one file of 5 notes, five times',
    async () => {
      const times: number[] = [];
      for (let k = 0; k < 5; k++) {
        const i = PARTICIPANTS - 2 - k;
        const { pseudonym } = await t.ok('participants.deletionPreview', { id: ids[i]! });
        const run = await timed(() => t.ok('participants.delete', { id: ids[i]!, confirmPseudonym: pseudonym }));
        times.push(run.ms);
        erased.push(i);
      }
      figures.push(`participants.delete (rows, tombstone, wipe): ${times.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
    },
    once,
  );

  bench(
    'retention.due and retention.erase of 100 due files',
    async () => {
      await t.ok('retention.set', { years: 5 });
      const due = await timed(() => t.ok('retention.due', {}));
      const chosen = due.value.files.slice(0, 100).map((file) => file.participantId);
      const erase = await timed(() => t.ok('retention.erase', { participantIds: chosen, confirmCount: chosen.length }));
      for (const id of chosen) erased.push(ids.indexOf(id));
      figures.push(
        `retention.due: ${due.value.files.length} due files in ${due.ms.toFixed(0)} ms; ` +
          `retention.erase of ${erase.value.erased} files (one transaction, one wipe): ${seconds(erase.ms)}`,
      );
    },
    once,
  );
});
