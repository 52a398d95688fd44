/**
 * Search benchmark (`npm run bench`): builds an encrypted vault with 200,000 guidance notes in Finnish, Swedish
 * and English, then times typical searches through the search.notes handler and prints median and p95 per
 * query against the 50 ms target. A benchmark, not a test: it prints figures and fails only if it cannot run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '@shared/vault';
import { NOTE_TOPICS, NOTE_TYPES } from '@shared/notes';
import { appendAudit } from '../electron/core/audit/audit';
import { migrate } from '../electron/core/db/migrate';
import { MIGRATIONS } from '../electron/core/db/migrations';
import { openEncrypted, type Db } from '../electron/core/db/open';
import { insertNote } from '../electron/core/notes/repo';
import { searchHandlers } from '../electron/core/search/handlers';
import { noteText, RARE_WORD, seededRandom } from './notes-text';

const NOTES = Number(process.env.POLKU_BENCH_NOTES ?? 200_000);
const PARTICIPANTS = 2_000;
const RUNS = 50;
const TARGET_MS = 50;
const FIRST_DAY = Date.UTC(2020, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 28);

const QUERIES: [label: string, query: string][] = [
  ['rare word', `${RARE_WORD} `],
  ['rare word, being typed', RARE_WORD.slice(0, 9)],
  ['common word (fi)', 'ja '],
  ['common word (en)', 'the '],
  ['two letters, being typed', 'ja'],
  ['three letters, being typed', 'työ'],
  ['two letters (sv)', 'oc'],
  ['common word (sv)', 'och '],
  ['two common words', 'ja hän '],
  ['prefix', 'työpa'],
  ['prefix (sv)', 'språ'],
  ['diacritics: tyo -> työ', 'tyo '],
  ['diacritics, being typed', 'tyonha'],
  ['diacritics: sprak -> språk', 'sprak'],
  ['rare and common', `${RARE_WORD} ja `],
  ['inflected (fi)', 'tulkin '],
  ['inflected (fi), long word', 'työehtosopimuksen '],
  ['inflected (sv)', 'kollektivavtal '],
  ['no hits', 'qwertyzz '],
];

const dirs: string[] = [];
let db: Db;
let dbPath = '';
const session: SessionInfo = {
  userId: 'b'.repeat(32),
  displayName: 'Bench',
  role: 'caseworker',
  mustChangePassphrase: false,
  recoveryPending: false,
};

function buildVault(): { seconds: number } {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'polku-bench-'));
  dirs.push(dir);
  dbPath = join(dir, 'polku.db');
  db = openEncrypted(dbPath, randomBytes(32));
  migrate(db, MIGRATIONS);
  db.prepare(
    `INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, 'Bench', 'bench', 'caseworker', 'now')`,
  ).run(session.userId);
  const participant = db.prepare(
    `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
     VALUES (?, ?, 2026, ?, 'active', 'now', 'now', ?)`,
  );
  const participantIds = Array.from({ length: PARTICIPANTS }, (_, i) => i.toString(16).padStart(32, '0'));
  db.transaction(() =>
    participantIds.forEach((id, i) => participant.run(id, `P-2026-${String(i + 1).padStart(4, '0')}`, i + 1, session.userId)),
  )();

  const random = seededRandom(2026);
  const batch = 10_000;
  for (let start = 0; start < NOTES; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(NOTES, start + batch); i += 1) {
        const day = FIRST_DAY + Math.floor(random() * ((LAST_DAY - FIRST_DAY) / 86_400_000)) * 86_400_000;
        const { text } = noteText(random);
        insertNote(db, {
          id: randomBytes(16).toString('hex'),
          participantId: participantIds[Math.floor(random() * PARTICIPANTS)] ?? '',
          content: {
            date: new Date(day).toISOString().slice(0, 10),
            type: NOTE_TYPES[Math.floor(random() * NOTE_TYPES.length)] ?? 'other',
            topics: NOTE_TOPICS.filter(() => random() < 0.2),
            tags: [],
            text,
            followUp: null,
          },
          at: new Date(day).toISOString(),
          by: session.userId,
        });
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { seconds: (performance.now() - started) / 1000 };
}

const search = searchHandlers['search.notes'];

/** One search as dispatch runs it: the handler in a transaction, with or without its audit record. */
function timedSearch(query: string, withAudit: boolean): { ms: number; hits: number } {
  const now = new Date(LAST_DAY);
  const started = performance.now();
  const output = db.transaction(() => {
    const result = search.run({ query, limit: 50 }, { db, session, now });
    const entry = withAudit ? search.audit({ query }, result) : null;
    if (entry) appendAudit(db, { ...entry, userId: session.userId, outcome: 'ok' }, now);
    return result;
  })();
  return { ms: performance.now() - started, hits: output.hits.length };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function measure(query: string, withAudit: boolean): { median: number; p95: number; hits: number } {
  for (let i = 0; i < 3; i += 1) timedSearch(query, withAudit);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const run = timedSearch(query, withAudit);
    times.push(run.ms);
    hits = run.hits;
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), hits };
}

const ms = (value: number) => value.toFixed(2).padStart(8);

beforeAll(() => {
  const { seconds } = buildVault();
  const megabytes = statSync(dbPath).size / 1024 / 1024;
  const count = (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
  process.stdout.write(
    `\nEncrypted vault: ${count.toLocaleString('en')} notes, ${megabytes.toFixed(0)} MB, built in ${seconds.toFixed(0)} s\n`,
  );
});

afterAll(() => {
  db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe(`searching ${NOTES.toLocaleString('en')} notes`, () => {
  it('prints median and p95 per query, searching alone and with the audit record dispatch writes', () => {
    const lines = [
      `${'query'.padEnd(28)}${'typed'.padEnd(16)}${'hits'.padStart(6)}${'median'.padStart(9)}${'p95'.padStart(9)}` +
        `${'+audit med'.padStart(12)}${'+audit p95'.padStart(12)}  target ${TARGET_MS} ms`,
    ];
    for (const [label, query] of QUERIES) {
      const alone = measure(query, false);
      const audited = measure(query, true);
      const over = alone.p95 > TARGET_MS || audited.p95 > TARGET_MS;
      lines.push(
        `${label.padEnd(28)}${JSON.stringify(query).padEnd(16)}${String(alone.hits).padStart(6)}${ms(alone.median)} ${ms(alone.p95)}` +
          `${ms(audited.median).padStart(12)}${ms(audited.p95).padStart(12)}  ${over ? 'OVER TARGET' : 'ok'}`,
      );
    }
    process.stdout.write(`\n${lines.join('\n')}\n(ms; ${RUNS} runs each after 3 warm-up runs, limit 50)\n\n`);
    expect(lines).toHaveLength(QUERIES.length + 1);
  });
});
