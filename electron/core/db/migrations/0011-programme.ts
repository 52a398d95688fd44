import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// The codes as this migration knows them; a later change to the lists in shared/ needs its own migration.
const TOPICS = [
  'finnish',
  'it',
  'everydayLife',
  'workingLife',
  'rightsAtWork',
  'jobSearch',
  'careerPlanning',
  'companyVisit',
  'schoolVisit',
  'guestLecture',
  'psychologistGroup',
  'other',
];
const MARKS = ['present', 'late', 'leftEarly', 'excused', 'absent'];
const PARTNER_TYPES = [
  'victimSupportNgo',
  'otherNgo',
  'authority',
  'employmentServices',
  'socialServices',
  'receptionCentre',
  'employer',
  'school',
  'other',
];

/**
 * The programme around the cohorts: each cohort's rhythm (weekdays, times, place) and staff, its session calendar,
 * attendance (one mark a participant a session), partner organisations with their contacts, and the visits made in
 * sessions. Cohorts created before this version keep the programme's usual rhythm and start without sessions.
 * Attendance is the participant's (`participant_id`), so it goes wherever their file goes; sessions, partners and
 * visits are the programme's and hold no participant's details.
 */
export const programme: Migration = {
  version: 11,
  name: '0011-programme',
  up(db) {
    db.exec(`
      ALTER TABLE cohorts ADD COLUMN weekdays TEXT NOT NULL DEFAULT '1,2,3,4';
      ALTER TABLE cohorts ADD COLUMN start_time TEXT NOT NULL DEFAULT '09:00';
      ALTER TABLE cohorts ADD COLUMN end_time TEXT NOT NULL DEFAULT '12:00';
      ALTER TABLE cohorts ADD COLUMN place TEXT;
      ALTER TABLE enrolments ADD COLUMN mode TEXT NOT NULL DEFAULT 'group' CHECK (mode IN ('group', 'individual'));

      CREATE TABLE cohort_staff (
        cohort_id TEXT NOT NULL REFERENCES cohorts (id),
        user_id TEXT NOT NULL REFERENCES users (id),
        PRIMARY KEY (cohort_id, user_id)
      ) STRICT;

      CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN (${list(PARTNER_TYPES)})),
        notes TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE partner_contacts (
        id TEXT PRIMARY KEY,
        partner_id TEXT NOT NULL REFERENCES partners (id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role TEXT,
        phone TEXT,
        email TEXT
      ) STRICT;
      CREATE INDEX partner_contacts_partner ON partner_contacts (partner_id);

      CREATE TABLE cohort_sessions (
        id TEXT PRIMARY KEY,
        cohort_id TEXT NOT NULL REFERENCES cohorts (id),
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        place TEXT,
        topic TEXT CHECK (topic IN (${list(TOPICS)})),
        facilitator_id TEXT REFERENCES users (id),
        partner_id TEXT REFERENCES partners (id),
        guest TEXT,
        notes TEXT,
        state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'cancelled')),
        cancel_reason TEXT,
        extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_time > start_time),
        CHECK ((state = 'cancelled') = (cancel_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX cohort_sessions_cohort ON cohort_sessions (cohort_id, date, start_time);
      CREATE INDEX cohort_sessions_date ON cohort_sessions (date, start_time);

      CREATE TABLE attendance (
        session_id TEXT NOT NULL REFERENCES cohort_sessions (id),
        participant_id TEXT NOT NULL REFERENCES participants (id),
        mark TEXT NOT NULL CHECK (mark IN (${list(MARKS)})),
        marked_by TEXT NOT NULL REFERENCES users (id),
        marked_at TEXT NOT NULL,
        PRIMARY KEY (session_id, participant_id)
      ) STRICT;
      CREATE INDEX attendance_participant ON attendance (participant_id);

      CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL UNIQUE REFERENCES cohort_sessions (id),
        partner_id TEXT NOT NULL REFERENCES partners (id),
        kind TEXT NOT NULL CHECK (kind IN ('company', 'school')),
        learned TEXT,
        follow_ups TEXT,
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX visits_partner ON visits (partner_id);
    `);
  },
};
