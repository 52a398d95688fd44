import { registryViewState, type RegistryViewState, type SavedView, type ViewScreen } from '@shared/views';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';

interface SavedViewRow {
  id: string;
  name: string;
  state: string;
  updated_at: string;
}

/** A name's uniqueness key: "Active" and "ACTIVE" are the same view. */
export function viewNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('und');
}

/**
 * A stored state, or null when it no longer fits the schema (a column removed by a later version): such a
 * view is left out rather than breaking the screen.
 */
function parseState(json: string): RegistryViewState | null {
  try {
    const parsed = registryViewState.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toSavedView(row: SavedViewRow): SavedView | null {
  const state = parseState(row.state);
  return state ? { id: row.id, name: row.name, state, updatedAt: row.updated_at } : null;
}

/** The user's named views of a screen, by name. */
export function listViews(db: Db, userId: string, screen: ViewScreen): SavedView[] {
  return all<SavedViewRow>(
    db,
    sql`SELECT id, name, state, updated_at FROM saved_views WHERE user_id = ${userId} AND screen = ${screen}
        ORDER BY name_key, id`,
  ).flatMap((row) => toSavedView(row) ?? []);
}

export function countViews(db: Db, userId: string, screen: ViewScreen): number {
  return (
    get<{ n: number }>(db, sql`SELECT count(*) AS n FROM saved_views WHERE user_id = ${userId} AND screen = ${screen}`)?.n ?? 0
  );
}

/** The id of the user's view of that name (case ignored), if there is one. */
export function findViewByName(db: Db, userId: string, screen: ViewScreen, name: string): string | undefined {
  return get<{ id: string }>(
    db,
    sql`SELECT id FROM saved_views WHERE user_id = ${userId} AND screen = ${screen} AND name_key = ${viewNameKey(name)}`,
  )?.id;
}

export interface ViewToSave {
  id: string;
  userId: string;
  screen: ViewScreen;
  name: string;
  state: RegistryViewState;
  at: string;
}

/** Inserts the view, or replaces the name (as now typed) and state of the user's view with the same name. */
export function upsertView(db: Db, view: ViewToSave): void {
  const state = JSON.stringify(view.state);
  run(
    db,
    sql`INSERT INTO saved_views (id, user_id, screen, name, name_key, state, created_at, updated_at)
        VALUES (${view.id}, ${view.userId}, ${view.screen}, ${view.name}, ${viewNameKey(view.name)}, ${state}, ${view.at}, ${view.at})
        ON CONFLICT (user_id, screen, name_key) DO UPDATE SET name = excluded.name, state = excluded.state,
          updated_at = excluded.updated_at`,
  );
}

export function findView(db: Db, userId: string, id: string): SavedView | undefined {
  const row = get<SavedViewRow>(
    db,
    sql`SELECT id, name, state, updated_at FROM saved_views WHERE id = ${id} AND user_id = ${userId}`,
  );
  return row ? (toSavedView(row) ?? undefined) : undefined;
}

/** Deletes the user's own view; returns whether there was one. */
export function deleteView(db: Db, userId: string, id: string): boolean {
  return run(db, sql`DELETE FROM saved_views WHERE id = ${id} AND user_id = ${userId}`).changes > 0;
}

/** The state the user last left the screen in, or null. */
export function readLastState(db: Db, userId: string, screen: ViewScreen): RegistryViewState | null {
  const row = get<{ state: string }>(db, sql`SELECT state FROM last_views WHERE user_id = ${userId} AND screen = ${screen}`);
  return row ? parseState(row.state) : null;
}

export function writeLastState(db: Db, userId: string, screen: ViewScreen, state: RegistryViewState, at: string): void {
  const json = JSON.stringify(state);
  run(
    db,
    sql`INSERT INTO last_views (user_id, screen, state, updated_at) VALUES (${userId}, ${screen}, ${json}, ${at})
        ON CONFLICT (user_id, screen) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
}
