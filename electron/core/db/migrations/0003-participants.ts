import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Participants' case files. Pseudonym numbers come from a counter per year that only grows, so a code is
 * never given twice even after a participant is deleted. The *_key columns hold folded names (case and
 * accents removed) for search and duplicate checks; phone_tail holds the last digits of the phone number.
 * The enum values are written out here, not imported: a released migration must not change when they grow.
 */
export const participants: Migration = {
  version: 3,
  name: '0003-participants',
  up(db) {
    db.exec(`
      CREATE TABLE pseudonym_counters (
        year INTEGER PRIMARY KEY,
        last_number INTEGER NOT NULL CHECK (last_number >= 0)
      ) STRICT;

      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        pseudonym TEXT NOT NULL UNIQUE,
        pseudonym_year INTEGER NOT NULL,
        pseudonym_number INTEGER NOT NULL,
        first_name TEXT,
        last_name TEXT,
        preferred_name TEXT,
        first_name_key TEXT,
        last_name_key TEXT,
        preferred_name_key TEXT,
        birth_year INTEGER,
        age_band TEXT CHECK (age_band IN (${list(['18-24', '25-34', '35-44', '45-54', '55-64', '65+'])})),
        gender TEXT CHECK (gender IN (${list(['female', 'male', 'other', 'not_disclosed'])})),
        languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages) AND json_type(languages) = 'array'),
        interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
        interpreter_language TEXT,
        phone TEXT,
        phone_tail TEXT,
        email TEXT,
        safe_contact_method TEXT CHECK (safe_contact_method IN (${list([
          'phone_call',
          'text_message',
          'email',
          'through_caseworker',
          'in_person_only',
          'other',
        ])})),
        safe_contact_notes TEXT,
        national_assistance_status TEXT CHECK (national_assistance_status IN (${list([
          'in_system',
          'applied',
          'not_in_system',
          'ended',
          'unknown',
        ])})),
        referral_source_type TEXT CHECK (referral_source_type IN (${list([
          'ngo',
          'social_services',
          'employment_services',
          'reception_centre',
          'other',
        ])})),
        referral_organisation TEXT,
        referral_contact_person TEXT,
        referral_date TEXT,
        work_ability TEXT CHECK (work_ability IN (${list(['full', 'partial', 'unknown'])})),
        education_isced TEXT CHECK (education_isced IN (${list(['isced_0_1', 'isced_2', 'isced_3_4', 'isced_5_8', 'unknown'])})),
        labour_market_status_at_entry TEXT CHECK (labour_market_status_at_entry IN (${list([
          'unemployed',
          'long_term_unemployed',
          'inactive',
          'employed',
          'self_employed',
          'in_education',
          'unknown',
        ])})),
        responsible_caseworker_id TEXT REFERENCES users (id),
        status TEXT NOT NULL CHECK (status IN (${list(['referred', 'active', 'completed', 'discontinued', 'closed'])})),
        discontinued_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        UNIQUE (pseudonym_year, pseudonym_number),
        CHECK (birth_year IS NULL OR age_band IS NULL),
        CHECK (status <> 'discontinued' OR discontinued_reason IS NOT NULL)
      ) STRICT;

      CREATE INDEX participants_status ON participants (status);
      CREATE INDEX participants_caseworker ON participants (responsible_caseworker_id);
      CREATE INDEX participants_name_keys ON participants (last_name_key, first_name_key);
      CREATE INDEX participants_phone_tail ON participants (phone_tail);
    `);
  },
};
