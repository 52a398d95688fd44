import type { Migration } from '../migrate';

/**
 * Saved views: each user's named arrangements of a list screen, and the state they last left each screen in.
 * The state is JSON checked by the channel's schema (shared/views.ts); the screen name is not constrained
 * here, so that a later screen needs no table rebuild. `name_key` (the name in lower case) makes names unique
 * per user and screen regardless of case. Nothing here points at a participant.
 */
export const savedViews: Migration = {
  version: 7,
  name: '0007-saved-views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        screen TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key TEXT NOT NULL,
        state TEXT NOT NULL CHECK (json_valid(state) AND json_type(state) = 'object'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (user_id, screen, name_key)
      ) STRICT;

      CREATE TABLE last_views (
        user_id TEXT NOT NULL REFERENCES users (id),
        screen TEXT NOT NULL,
        state TEXT NOT NULL CHECK (json_valid(state) AND json_type(state) = 'object'),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (user_id, screen)
      ) STRICT;
    `);
  },
};
