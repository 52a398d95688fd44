import type { Db } from '../db/open';
import { get, sql } from '../db/sql';

export interface Pseudonym {
  code: string;
  year: number;
  number: number;
}

/** The code shown instead of a name: P-<year>-<number>, at least three digits. */
export function formatPseudonym(year: number, number: number): string {
  return `P-${year}-${String(number).padStart(3, '0')}`;
}

/**
 * The next pseudonym of the year `now` falls in (the laptop's calendar). The counter only grows, so a code
 * once given is never given again, even after its participant has been deleted. Call inside the transaction
 * that stores the participant.
 */
export function nextPseudonym(db: Db, now: Date): Pseudonym {
  const year = now.getFullYear();
  const row = get<{ last_number: number }>(
    db,
    sql`INSERT INTO pseudonym_counters (year, last_number) VALUES (${year}, 1)
        ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1
        RETURNING last_number`,
  );
  if (!row) throw new Error('pseudonym counter not written');
  return { code: formatPseudonym(year, row.last_number), year, number: row.last_number };
}
