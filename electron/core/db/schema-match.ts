import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openSchemaScratch, type Db } from './cipher';
import type { OpenOptions } from './open';

/**
 * Whether a file's schema is exactly the vault's at `version`: every row of `sqlite_schema` (type, name, table and
 * the exact SQL; not page numbers) equal to those of an in-memory database made by this version's migrations up to
 * `version`, with the file's own tables made by `fileTables` (a backup's or handover file's manifest). Anything else
 * (a trigger, a view, an index, a table more, a table whose SQL was changed, even on the file's own tables) would
 * not be the vault's schema and could act inside the vault once the file's rows were taken in. Backup inspect and
 * restore, and handover import, check their files with it.
 */
export function schemaMatchesMigrations(
  db: Db,
  version: number,
  driver: OpenOptions,
  fileTables: (reference: Db) => void,
): boolean {
  const reference = openSchemaScratch(driver);
  try {
    migrate(reference, MIGRATIONS, version);
    fileTables(reference);
    return JSON.stringify(wholeSchema(reference)) === JSON.stringify(wholeSchema(db));
  } finally {
    reference.close();
  }
}

function wholeSchema(db: Db): unknown[][] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`).raw().all() as unknown[][];
}
