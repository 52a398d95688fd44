import type { Role } from '@shared/roles';
import type { Db } from '../db/open';
import { all, get, run, sql } from '../db/sql';
import { normalizeName } from '../vault/name-tag';

export interface User {
  id: string;
  displayName: string;
  role: Role;
  active: boolean;
  mustChangePassphrase: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  display_name: string;
  role: Role;
  active: number;
  must_change_passphrase: number;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    mustChangePassphrase: row.must_change_passphrase === 1,
    createdAt: row.created_at,
  };
}

export function insertUser(db: Db, user: User): void {
  run(
    db,
    sql`INSERT INTO users (id, display_name, name_key, role, active, must_change_passphrase, created_at)
        VALUES (${user.id}, ${user.displayName}, ${normalizeName(user.displayName)}, ${user.role}, ${user.active ? 1 : 0},
                ${user.mustChangePassphrase ? 1 : 0}, ${user.createdAt})`,
  );
}

export function findUser(db: Db, id: string): User | undefined {
  const row = get<UserRow>(db, sql`SELECT * FROM users WHERE id = ${id}`);
  return row ? toUser(row) : undefined;
}

/** Another user already known by this name, as typed at the unlock screen. */
export function nameTakenBy(db: Db, displayName: string, exceptId: string | null): boolean {
  const row = get<{ id: string }>(db, sql`SELECT id FROM users WHERE name_key = ${normalizeName(displayName)}`);
  return row !== undefined && row.id !== exceptId;
}

/** The user known by this name, as typed at the unlock screen (case, spacing and composition ignored). */
export function findUserByName(db: Db, displayName: string): User | undefined {
  const row = get<UserRow>(db, sql`SELECT * FROM users WHERE name_key = ${normalizeName(displayName)}`);
  return row ? toUser(row) : undefined;
}

export function listUsers(db: Db): User[] {
  return all<UserRow>(db, sql`SELECT * FROM users ORDER BY active DESC, display_name COLLATE NOCASE`).map(toUser);
}

export function activeCoordinatorCount(db: Db): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM users WHERE role = 'coordinator' AND active = 1`)?.n ?? 0;
}

/** Writes the changed fields of a user; returns the user as stored. */
export function updateUser(
  db: Db,
  id: string,
  change: Partial<Pick<User, 'displayName' | 'role' | 'active' | 'mustChangePassphrase'>>,
): User {
  const current = findUser(db, id);
  if (!current) throw new Error('user vanished');
  const next = { ...current, ...change };
  run(
    db,
    sql`UPDATE users SET display_name = ${next.displayName}, name_key = ${normalizeName(next.displayName)}, role = ${next.role},
        active = ${next.active ? 1 : 0}, must_change_passphrase = ${next.mustChangePassphrase ? 1 : 0} WHERE id = ${id}`,
  );
  return next;
}
