/**
 * How fast a psychologist searches her sealed private notes: 5 000 entries with private notes (about 40 words
 * each) over 500 participants, sealed under the psychologists' compartment key. Her search runs over an index in
 * memory built from the decrypted notes at her first private search after unlocking (psychosocial/private.ts).
 * Measured: that build together with the first search (the compartment opened again each time, with the test
 * scrypt cost), and a search once the index is built (each search first checks the index against the vault's
 * rows). A benchmark to run by hand, not a timed test (target: under 50 ms a search once built):
 *
 *   npx vitest bench --run tests/bench/private-search.bench.ts
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { MATCH_END, MATCH_START } from '@shared/search';
import type { Db } from '../../electron/core/db/open';
import { insertEntry } from '../../electron/core/psychosocial/repo';
import { matchPrivateNotes, writePrivateNotes } from '../../electron/core/psychosocial/private';
import { toMatchExpression } from '../../electron/core/search/match';
import { closeCompartment } from '../../electron/core/vault/compartment';
import { staffedVault, type StaffedVault } from '../support/participants';
import { newId } from '../support/programme';
import { openCompartmentAs, openVaultDb } from '../support/raw-db';

const PARTICIPANTS = 500;
const ENTRIES = 5_000;
const WORDS = [
  'uni',
  'unet',
  'painajaisia',
  'työpaikasta',
  'työnantaja',
  'pelko',
  'pelkää',
  'ahdistus',
  'ahdistusta',
  'rentoutus',
  'harjoitus',
  'hengitys',
  'perhe',
  'lapset',
  'lapsista',
  'ikävä',
  'kotimaa',
  'kotimaahan',
  'velka',
  'velasta',
  'passi',
  'passin',
  'asunto',
  'asunnon',
  'tulkki',
  'tulkin',
  'kanssa',
  'puhuimme',
  'jatketaan',
  'viikoittain',
  'muisti',
  'muistikuvia',
  'keskittyminen',
  'väsymys',
  'itku',
  'viha',
  'häpeä',
  'häpeää',
  'luottamus',
  'turva',
];
const note = (i: number) =>
  Array.from({ length: 40 }, (_, k) => WORDS[(i * 7 + k * 13 + ((i * k) % 11)) % WORDS.length]).join(' ') + ` merkki${i}.`;

let v: StaffedVault;
let db: Db;
const search = (typed: string) =>
  matchPrivateNotes(db, toMatchExpression(typed)!, { limit: 50, start: MATCH_START, end: MATCH_END, words: 16 });

beforeAll(async () => {
  v = await staffedVault();
  await v.as('psychologist');
  db = await openVaultDb(v.t);
  if (!(await openCompartmentAs(db, v.psychologistId))) throw new Error('no compartment');
  const participants = Array.from({ length: PARTICIPANTS }, () => newId());
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
       VALUES (?, ?, 2026, ?, 'active', 'now', 'now', ?)`,
    );
    participants.forEach((id, i) => insert.run(id, `P-2026-${String(i + 1).padStart(5, '0')}`, i + 1, v.coordinatorId));
    for (let i = 0; i < ENTRIES; i++) {
      const id = newId();
      const content = {
        date: `2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        durationMinutes: 60,
        kind: 'individual' as const,
        riskLevel: 'low' as const,
        summary: null,
        nextAppointment: null,
      };
      insertEntry(db, { id, participantId: participants[i % PARTICIPANTS]!, content, at: 'now', by: v.psychologistId });
      writePrivateNotes(db, id, 1, note(i));
    }
  })();
}, 600_000);

afterAll(() => {
  closeCompartment(db);
  db.close();
  v.t.cleanup();
});

describe(`private-notes search over ${ENTRIES} sealed notes`, () => {
  bench(
    'unlock-time build: compartment opened, index built, first search',
    async () => {
      closeCompartment(db);
      await openCompartmentAs(db, v.psychologistId);
      search('painajaisia');
    },
    { iterations: 5, warmupIterations: 1 },
  );
  bench('a search once built: a common inflected word', () => void search('työpaikka'));
  bench('a search once built: two words, the last typed as a prefix', () => void search('ahdistus rentou'));
  bench('a search once built: one note’s own word', () => void search('merkki4321'));
});
