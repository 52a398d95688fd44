import type { Db } from '../db/open';
import { all, sql } from '../db/sql';
import { nameKey, phoneTail } from './keys';

export interface DuplicateCandidate {
  firstName: string | null;
  lastName: string | null;
  birthYear: number | null;
  phone: string | null;
}

/**
 * Pseudonyms of participants who may be the same person: the same first and last name (case and accents
 * ignored) and the same year of birth, or the same phone number (its last digits). Closed files count too:
 * a person who comes back should get their old file, not a second one.
 */
export function findPossibleDuplicates(db: Db, candidate: DuplicateCandidate): string[] {
  const first = nameKey(candidate.firstName);
  const last = nameKey(candidate.lastName);
  const byName = first !== null && last !== null && candidate.birthYear !== null;
  const tail = phoneTail(candidate.phone);
  if (!byName && tail === null) return [];
  return all<{ pseudonym: string }>(
    db,
    sql`SELECT pseudonym FROM participants
        WHERE (${byName ? 1 : 0} = 1 AND first_name_key = ${first} AND last_name_key = ${last} AND birth_year = ${candidate.birthYear})
           OR (${tail} IS NOT NULL AND phone_tail = ${tail})
        ORDER BY pseudonym_year, pseudonym_number`,
  ).map((row) => row.pseudonym);
}
