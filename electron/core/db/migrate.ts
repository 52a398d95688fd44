import { AppError } from '@shared/errors';
import type { Db } from './open';

/** One schema step. `up` runs inside the migration transaction; it must not commit or open its own. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** The schema version of an open database (PRAGMA user_version). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the newest version: all pending migrations in one transaction, so a failure
 * leaves the previous version intact. A database from a newer app version is refused, never touched.
 */
export function migrate(db: Db, migrations: readonly Migration[], target = latestVersion(migrations)): number {
  assertOrdered(migrations);
  const current = schemaVersion(db);
  if (current > latestVersion(migrations)) throw new AppError('db_newer');
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return target;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migration ${m.name} must have version ${index + 1}`);
  });
}
