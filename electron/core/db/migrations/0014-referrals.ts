import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const STATUSES = ['draft', 'sent', 'accepted', 'declined', 'completed', 'withdrawn'];

/**
 * Referrals onward to partner organisations (shared/referrals.ts):
 *
 * - `referrals`: one row a referral, the participant's (`participant_id`), so it goes wherever their file goes
 *   (erasure, deletion, handover). The partner is a row of the register (`partner_id`) and is also named
 *   (`partner_name`): a handed-over file carries the name, not the sending programme's register, and the consent
 *   gate matches `partner_sharing` consents by that name. The contact person likewise (`contact_id`,
 *   `contact_name`). The chosen shared fields are a JSON array of codes.
 * - `referral_events`: every move of a referral (its creation as a draft included): the status reached, its day,
 *   when and by whom, the reason of a decline or a withdrawal, the outcome of a completion, and whether a consent
 *   or the coordinator's override allowed a send. It refers to the referral by its id alone, so the participant
 *   deletion's walk over foreign keys reaches it.
 * The enum values are written out: a released migration never changes.
 */
export const referrals: Migration = {
  version: 14,
  name: '0014-referrals',
  up(db) {
    db.exec(`
      CREATE TABLE referrals (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        participant_id TEXT NOT NULL REFERENCES participants (id),
        partner_id TEXT REFERENCES partners (id),
        partner_name TEXT NOT NULL CHECK (length(partner_name) BETWEEN 1 AND 200),
        contact_id TEXT REFERENCES partner_contacts (id),
        contact_name TEXT CHECK (contact_name IS NULL OR length(contact_name) BETWEEN 1 AND 200),
        service_type TEXT NOT NULL CHECK (service_type IN (${list([
          'employmentServices',
          'education',
          'languageCourse',
          'healthCare',
          'mentalHealth',
          'legalAid',
          'victimSupport',
          'housing',
          'socialServices',
          'tradeUnion',
          'other',
        ])})),
        urgency TEXT NOT NULL CHECK (urgency IN (${list(['routine', 'soon', 'urgent'])})),
        status TEXT NOT NULL CHECK (status IN (${list(STATUSES)})),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        message TEXT CHECK (message IS NULL OR length(message) > 0),
        shared_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(shared_fields) AND json_type(shared_fields) = 'array'),
        summary TEXT CHECK (summary IS NULL OR length(summary) > 0),
        follow_up_on TEXT CHECK (follow_up_on IS NULL OR length(follow_up_on) = 10),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
      CREATE INDEX referrals_participant ON referrals (participant_id, created_at);
      CREATE INDEX referrals_status ON referrals (status, follow_up_on);
      CREATE INDEX referrals_partner ON referrals (partner_id);

      CREATE TABLE referral_events (
        seq INTEGER PRIMARY KEY,
        referral_id TEXT NOT NULL REFERENCES referrals (id),
        status TEXT NOT NULL CHECK (status IN (${list(STATUSES)})),
        date TEXT NOT NULL CHECK (length(date) = 10),
        at TEXT NOT NULL,
        by_user TEXT NOT NULL REFERENCES users (id),
        reason TEXT CHECK (reason IS NULL OR length(reason) > 0),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN (${list([
          'startedCourse',
          'registeredJobSeeker',
          'appointmentHeld',
          'other',
        ])})),
        outcome_text TEXT CHECK (outcome_text IS NULL OR length(outcome_text) > 0),
        standing TEXT CHECK (standing IS NULL OR standing IN ('consent', 'override')),
        CHECK ((status = 'completed') = (outcome IS NOT NULL)),
        CHECK (status IN ('declined', 'withdrawn') OR reason IS NULL)
      ) STRICT;
      CREATE INDEX referral_events_referral ON referral_events (referral_id, seq);
    `);
  },
};
