import type { Role } from '@shared/roles';
import type { Db } from '../db/open';
import { get, run, sql } from '../db/sql';

export interface User {
  id: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  display_name: string;
  role: Role;
  active: number;
  created_at: string;
}

function toUser(row: UserRow): User {
  return { id: row.id, displayName: row.display_name, role: row.role, active: row.active === 1, createdAt: row.created_at };
}

export function insertUser(db: Db, user: User): void {
  run(
    db,
    sql`INSERT INTO users (id, display_name, role, active, created_at)
              VALUES (${user.id}, ${user.displayName}, ${user.role}, ${user.active ? 1 : 0}, ${user.createdAt})`,
  );
}

export function findUser(db: Db, id: string): User | undefined {
  const row = get<UserRow>(db, sql`SELECT * FROM users WHERE id = ${id}`);
  return row ? toUser(row) : undefined;
}
