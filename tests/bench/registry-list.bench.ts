/**
 * How fast the registry's pages come from the real encrypted database with 10 000 participants: one
 * participants.list call of 200 rows (what the registry asks for as it scrolls), through dispatch as the
 * renderer calls it, and the SQL alone. A benchmark to run by hand, not a timed test:
 *
 *   npx vitest bench --run tests/bench/registry-list.bench.ts
 *
 * Setting up the vault and 10 000 participants takes about half a minute.
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { InputOf } from '@shared/api';
import type { Db } from '../../electron/core/db/open';
import { listParticipants } from '../../electron/core/participants/repo';
import { staffedVault, type StaffedVault } from '../support/participants';
import { openVaultDb } from '../support/raw-db';

const PARTICIPANTS = 10_000;
const PAGE = 200;
const LAST_PAGE = PARTICIPANTS - PAGE;
const FIRST = ['Amal', 'Bashir', 'Chen', 'Dawit', 'Elif', 'Farah', 'Goran', 'Hana', 'Idris', 'Jamila', 'Karim', 'Lina'];
const LAST = ['Abebe', 'Bakr', 'Costa', 'Demir', 'Eze', 'Fofana', 'Gashi', 'Haddad', 'Ibrahim', 'Jovanovic', 'Kaya'];

let v: StaffedVault;
let db: Db;

beforeAll(async () => {
  v = await staffedVault();
  for (let start = 0; start < PARTICIPANTS; start += 250) {
    await Promise.all(
      Array.from({ length: 250 }, (_, k) => start + k).map((i) =>
        v.t.ok('participants.create', {
          firstName: FIRST[i % FIRST.length],
          lastName: `${LAST[i % LAST.length]}-${i}`,
          preferredName: i % 7 === 0 ? 'Mimi' : null,
          languages: i % 3 === 0 ? ['fi', 'ar'] : ['en'],
          referralDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          status: i % 4 === 0 ? 'active' : 'referred',
          responsibleCaseworkerId: i % 2 === 0 ? v.caseworkerId : v.coordinatorId,
        }),
      ),
    );
  }
  db = await openVaultDb(v.t);
  // Every twentieth participant has a safety flag in force, for the flag column, its sort and its filter.
  const ids = db.prepare(`SELECT id FROM participants ORDER BY pseudonym_number`).all() as { id: string }[];
  const flag = db.prepare(
    `INSERT INTO safety_flags (id, participant_id, kind, note, set_by, set_at) VALUES (?, ?, 'no_photos', NULL, ?, ?)`,
  );
  db.transaction(() => {
    ids.forEach(({ id }, i) => {
      if (i % 20 === 0) flag.run(`${id.slice(0, 24)}f1a9f1a9`, id, v.caseworkerId, '2026-11-01T08:00:00.000Z');
    });
  })();
}, 300_000);

afterAll(() => {
  db.close();
  v.t.cleanup();
});

const options = { time: 3_000, warmupIterations: 5 };
const listed = (input: InputOf<'participants.list'>) => () => v.t.ok('participants.list', input).then(() => undefined);

describe(`participants.list over ${PARTICIPANTS} participants, ${PAGE} rows a page (dispatch, as the renderer calls it)`, () => {
  bench(`offset ${LAST_PAGE}, by pseudonym`, listed({ offset: LAST_PAGE, limit: PAGE }), options);
  bench('offset 0, by pseudonym', listed({ offset: 0, limit: PAGE }), options);
  bench(
    `offset ${LAST_PAGE}, by last name descending`,
    listed({ offset: LAST_PAGE, limit: PAGE, sort: 'lastName', direction: 'desc' }),
    options,
  );
  bench(
    'active only, by referral date, offset 2 300',
    listed({ status: ['active'], sort: 'referralDate', offset: 2_300, limit: PAGE }),
    options,
  );
  bench('quick search "mimi"', listed({ search: 'mimi', limit: PAGE }), options);
  bench(
    `offset ${LAST_PAGE}, by safety flags descending`,
    listed({ offset: LAST_PAGE, limit: PAGE, sort: 'safetyFlags', direction: 'desc' }),
    options,
  );
  bench(`offset ${LAST_PAGE}, by group`, listed({ offset: LAST_PAGE, limit: PAGE, sort: 'cohort' }), options);
  bench('only those with a flag in force', listed({ flagged: true, limit: PAGE }), options);
});

describe(`the SQL alone (repo.listParticipants), offset ${LAST_PAGE}`, () => {
  bench(
    'by pseudonym',
    () => {
      listParticipants(db, { searchAllNames: true, sort: 'pseudonym', direction: 'asc', offset: LAST_PAGE, limit: PAGE });
    },
    options,
  );
  bench(
    'by last name descending',
    () => {
      listParticipants(db, { searchAllNames: true, sort: 'lastName', direction: 'desc', offset: LAST_PAGE, limit: PAGE });
    },
    options,
  );
});
