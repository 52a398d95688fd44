import type { Participant, ParticipantSortKey, ParticipantStatus } from '@shared/participants';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { foldText, nameKey, phoneTail } from './keys';
import type { Pseudonym } from './pseudonym';

/** What a participant's record holds besides its identity and bookkeeping. */
export type ParticipantData = Omit<
  Participant,
  'id' | 'pseudonym' | 'responsibleCaseworkerName' | 'createdAt' | 'updatedAt' | 'createdBy'
>;

/** The cohort of the participant's open enrolment, or nulls when they are in none. */
export interface OpenCohort {
  cohortId: string | null;
  cohortName: string | null;
}

/** A participant as the registry and the file's opening read it: the record and their current cohort. */
export type ListedParticipant = Participant & OpenCohort;

export interface NewParticipant {
  id: string;
  pseudonym: Pseudonym;
  data: ParticipantData;
  createdAt: string;
  createdBy: string;
}

interface ParticipantDbRow {
  id: string;
  pseudonym: string;
  first_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
  birth_year: number | null;
  age_band: Participant['ageBand'];
  gender: Participant['gender'];
  languages: string;
  interpreter_needed: number;
  interpreter_language: string | null;
  phone: string | null;
  email: string | null;
  safe_contact_method: Participant['safeContactMethod'];
  safe_contact_notes: string | null;
  national_assistance_status: Participant['nationalAssistanceStatus'];
  referral_source_type: Participant['referralSourceType'];
  referral_organisation: string | null;
  referral_contact_person: string | null;
  referral_date: string | null;
  work_ability: Participant['workAbility'];
  education_isced: Participant['educationIsced'];
  labour_market_status_at_entry: Participant['labourMarketStatusAtEntry'];
  third_country_national: Participant['thirdCountryNational'];
  foreign_background: Participant['foreignBackground'];
  disability: Participant['disability'];
  housing_exclusion: Participant['housingExclusion'];
  responsible_caseworker_id: string | null;
  caseworker_name: string | null;
  status: ParticipantStatus;
  discontinued_reason: string | null;
  created_at: string;
  updated_at: string;
  created_by: string;
}

type ListedDbRow = ParticipantDbRow & { cohort_id: string | null; cohort_name: string | null };

function toParticipant(row: ParticipantDbRow): Participant {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    birthYear: row.birth_year,
    ageBand: row.age_band,
    gender: row.gender,
    languages: JSON.parse(row.languages) as string[],
    interpreterNeeded: row.interpreter_needed === 1,
    interpreterLanguage: row.interpreter_language,
    phone: row.phone,
    email: row.email,
    safeContactMethod: row.safe_contact_method,
    safeContactNotes: row.safe_contact_notes,
    nationalAssistanceStatus: row.national_assistance_status,
    referralSourceType: row.referral_source_type,
    referralOrganisation: row.referral_organisation,
    referralContactPerson: row.referral_contact_person,
    referralDate: row.referral_date,
    workAbility: row.work_ability,
    educationIsced: row.education_isced,
    labourMarketStatusAtEntry: row.labour_market_status_at_entry,
    thirdCountryNational: row.third_country_national,
    foreignBackground: row.foreign_background,
    disability: row.disability,
    housingExclusion: row.housing_exclusion,
    responsibleCaseworkerId: row.responsible_caseworker_id,
    responsibleCaseworkerName: row.caseworker_name,
    status: row.status,
    discontinuedReason: row.discontinued_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
  };
}

function toListedParticipant(row: ListedDbRow): ListedParticipant {
  return { ...toParticipant(row), cohortId: row.cohort_id, cohortName: row.cohort_name };
}

export function insertParticipant(db: Db, { id, pseudonym, createdAt, createdBy, data }: NewParticipant): void {
  run(
    db,
    sql`INSERT INTO participants (id, pseudonym, pseudonym_year, pseudonym_number, status, created_at, updated_at, created_by)
        VALUES (${id}, ${pseudonym.code}, ${pseudonym.year}, ${pseudonym.number}, ${data.status}, ${createdAt}, ${createdAt},
                ${createdBy})`,
  );
  writeParticipantData(db, id, data, createdAt);
}

/** Stores every field of `data`, with the search and duplicate keys derived from it. */
export function writeParticipantData(db: Db, id: string, data: ParticipantData, updatedAt: string): void {
  run(
    db,
    sql`UPDATE participants SET
          first_name = ${data.firstName}, last_name = ${data.lastName}, preferred_name = ${data.preferredName},
          first_name_key = ${nameKey(data.firstName)}, last_name_key = ${nameKey(data.lastName)},
          preferred_name_key = ${nameKey(data.preferredName)},
          birth_year = ${data.birthYear}, age_band = ${data.ageBand}, gender = ${data.gender},
          languages = ${JSON.stringify(data.languages)}, interpreter_needed = ${data.interpreterNeeded ? 1 : 0},
          interpreter_language = ${data.interpreterLanguage},
          phone = ${data.phone}, phone_tail = ${phoneTail(data.phone)}, email = ${data.email},
          safe_contact_method = ${data.safeContactMethod}, safe_contact_notes = ${data.safeContactNotes},
          national_assistance_status = ${data.nationalAssistanceStatus},
          referral_source_type = ${data.referralSourceType}, referral_organisation = ${data.referralOrganisation},
          referral_contact_person = ${data.referralContactPerson}, referral_date = ${data.referralDate},
          work_ability = ${data.workAbility}, education_isced = ${data.educationIsced},
          labour_market_status_at_entry = ${data.labourMarketStatusAtEntry},
          third_country_national = ${data.thirdCountryNational}, foreign_background = ${data.foreignBackground},
          disability = ${data.disability}, housing_exclusion = ${data.housingExclusion},
          responsible_caseworker_id = ${data.responsibleCaseworkerId},
          status = ${data.status}, discontinued_reason = ${data.discontinuedReason}, updated_at = ${updatedAt}
        WHERE id = ${id}`,
  );
}

export function findParticipant(db: Db, id: string): Participant | undefined {
  const row = get<ParticipantDbRow>(
    db,
    sql`SELECT p.*, u.display_name AS caseworker_name
        FROM participants p LEFT JOIN users u ON u.id = p.responsible_caseworker_id
        WHERE p.id = ${id}`,
  );
  return row ? toParticipant(row) : undefined;
}

/** The participant with their current cohort, as the file opens. */
export function findListedParticipant(db: Db, id: string): ListedParticipant | undefined {
  const row = get<ListedDbRow>(
    db,
    sql`SELECT p.*, u.display_name AS caseworker_name, e.cohort_id, c.name AS cohort_name
        FROM participants p LEFT JOIN users u ON u.id = p.responsible_caseworker_id
          LEFT JOIN enrolments e ON e.participant_id = p.id AND e.end_date IS NULL
          LEFT JOIN cohorts c ON c.id = e.cohort_id
        WHERE p.id = ${id}`,
  );
  return row ? toListedParticipant(row) : undefined;
}

export interface ParticipantQuery {
  statuses?: readonly ParticipantStatus[] | undefined;
  responsibleCaseworkerId?: string | undefined;
  /** Participants whose open enrolment is in this cohort. */
  cohortId?: string | undefined;
  /** Only participants with a safety flag in force. */
  flagged?: boolean | undefined;
  search?: string | undefined;
  /** False for readers of the limited view: the search then looks at pseudonym and first name only. */
  searchAllNames: boolean;
  sort: ParticipantSortKey;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** One page of participants matching every given filter, and how many match in all. */
export function listParticipants(
  db: Db,
  query: ParticipantQuery,
): { participants: (ListedParticipant & { safetyFlags: number })[]; total: number } {
  const statuses = query.statuses && query.statuses.length > 0 ? JSON.stringify(query.statuses) : null;
  const caseworker = query.responsibleCaseworkerId ?? null;
  const cohort = query.cohortId ?? null;
  const flagged = query.flagged ? 1 : null;
  const folded = query.search === undefined ? '' : foldText(query.search);
  const search = folded === '' ? null : folded;
  const allNames = query.searchAllNames ? 1 : 0;
  const descending = query.direction === 'desc' ? 1 : 0;
  // A null parameter switches its condition off, so that one statement serves every combination of filters;
  // the sort key is a bound value chosen by CASE, never text joined into the SQL.
  const rows = all<ListedDbRow>(
    db,
    sql`SELECT * FROM (
          SELECT p.*, u.display_name AS caseworker_name, e.cohort_id, c.name AS cohort_name,
            CASE ${query.sort}
              WHEN 'firstName' THEN p.first_name_key
              WHEN 'lastName' THEN p.last_name_key
              WHEN 'status' THEN CASE p.status WHEN 'referred' THEN 0 WHEN 'active' THEN 1 WHEN 'completed' THEN 2
                                               WHEN 'discontinued' THEN 3 ELSE 4 END
              WHEN 'safetyFlags' THEN (SELECT count(*) FROM safety_flags f
                                       WHERE f.participant_id = p.id AND f.cleared_at IS NULL)
              WHEN 'cohort' THEN c.name_key
              WHEN 'referralDate' THEN p.referral_date
              WHEN 'createdAt' THEN p.created_at
              WHEN 'updatedAt' THEN p.updated_at
              ELSE p.pseudonym_year * 1000000 + p.pseudonym_number
            END AS sort_value
          FROM participants p LEFT JOIN users u ON u.id = p.responsible_caseworker_id
            LEFT JOIN enrolments e ON e.participant_id = p.id AND e.end_date IS NULL
            LEFT JOIN cohorts c ON c.id = e.cohort_id
          WHERE (${statuses} IS NULL OR p.status IN (SELECT value FROM json_each(${statuses})))
            AND (${caseworker} IS NULL OR p.responsible_caseworker_id = ${caseworker})
            AND (${cohort} IS NULL OR e.cohort_id = ${cohort})
            AND (${flagged} IS NULL OR EXISTS (SELECT 1 FROM safety_flags f WHERE f.participant_id = p.id AND f.cleared_at IS NULL))
            AND (${search} IS NULL OR instr(lower(p.pseudonym), ${search}) > 0 OR instr(p.first_name_key, ${search}) > 0
                 OR (${allNames} = 1 AND (instr(p.last_name_key, ${search}) > 0 OR instr(p.preferred_name_key, ${search}) > 0)))
        )
        ORDER BY sort_value IS NULL, CASE WHEN ${descending} = 0 THEN sort_value END ASC,
                 CASE WHEN ${descending} = 1 THEN sort_value END DESC, pseudonym_year, pseudonym_number, id
        LIMIT ${query.limit} OFFSET ${query.offset}`,
  );
  const total =
    get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM participants p
          WHERE (${statuses} IS NULL OR p.status IN (SELECT value FROM json_each(${statuses})))
            AND (${caseworker} IS NULL OR p.responsible_caseworker_id = ${caseworker})
            AND (${cohort} IS NULL OR EXISTS (SELECT 1 FROM enrolments e
                                              WHERE e.participant_id = p.id AND e.end_date IS NULL AND e.cohort_id = ${cohort}))
            AND (${flagged} IS NULL OR EXISTS (SELECT 1 FROM safety_flags f WHERE f.participant_id = p.id AND f.cleared_at IS NULL))
            AND (${search} IS NULL OR instr(lower(p.pseudonym), ${search}) > 0 OR instr(p.first_name_key, ${search}) > 0
                 OR (${allNames} = 1 AND (instr(p.last_name_key, ${search}) > 0 OR instr(p.preferred_name_key, ${search}) > 0)))`,
    )?.n ?? 0;
  // Flags are counted for the page's rows only, not for every row the sort passes over.
  const flags = new Map(
    all<{ id: string; n: number }>(
      db,
      sql`SELECT participant_id AS id, count(*) AS n FROM safety_flags
          WHERE cleared_at IS NULL AND participant_id IN (SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))
          GROUP BY participant_id`,
    ).map((r) => [r.id, r.n]),
  );
  return { participants: rows.map((row) => ({ ...toListedParticipant(row), safetyFlags: flags.get(row.id) ?? 0 })), total };
}

/** Active staff who can be responsible for participants. */
export function listCaseworkerOptions(db: Db): { id: string; displayName: string }[] {
  return all<{ id: string; display_name: string }>(
    db,
    sql`SELECT id, display_name FROM users WHERE active = 1 AND role IN ('caseworker', 'coordinator')
        ORDER BY display_name COLLATE NOCASE`,
  ).map((row) => ({ id: row.id, displayName: row.display_name }));
}

/** Whether `id` is an active member of staff who can be responsible for participants. */
export function canBeResponsible(db: Db, id: string): boolean {
  return (
    get<{ id: string }>(
      db,
      sql`SELECT id FROM users WHERE id = ${id} AND active = 1 AND role IN ('caseworker', 'coordinator')`,
    ) !== undefined
  );
}
