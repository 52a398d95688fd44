import type { Migration } from '../migrate';

/**
 * A note's follow-up task gets an owner: the staff member who is to do it (the Today page lists it as theirs).
 * A follow-up written before this version belongs to the note's author, which is also the default for new ones;
 * an earlier version of a note keeps the owner its follow-up had then, so the same author. The owner is there
 * exactly when the task is. The partial index serves Today's list of open follow-ups by due date without reading
 * every note.
 */
export const followUpOwner: Migration = {
  version: 12,
  name: '0012-follow-up-owner',
  up(db) {
    db.exec(`
      ALTER TABLE notes ADD COLUMN follow_up_owner TEXT REFERENCES users (id)
        CHECK ((follow_up_owner IS NULL) OR (follow_up_task IS NOT NULL));
      ALTER TABLE note_versions ADD COLUMN follow_up_owner TEXT REFERENCES users (id)
        CHECK ((follow_up_owner IS NULL) OR (follow_up_task IS NOT NULL));
      UPDATE notes SET follow_up_owner = created_by WHERE follow_up_task IS NOT NULL;
      UPDATE note_versions SET follow_up_owner = (SELECT n.created_by FROM notes n WHERE n.id = note_versions.note_id)
        WHERE follow_up_task IS NOT NULL;
      CREATE INDEX notes_open_follow_ups ON notes (follow_up_due) WHERE follow_up_task IS NOT NULL AND follow_up_done = 0;
    `);
  },
};
