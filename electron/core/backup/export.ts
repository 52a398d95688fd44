import type { CipherKey, Db } from '../db/cipher';
import { attachCipher } from '../db/cipher';

/** The name the target file is attached under while it is written. */
const TARGET = 'export_target';

/**
 * Writes the main database of `db` into the new, empty file `target`, keyed by `key`, in one pass: what `VACUUM
 * INTO` does (SQLite's vacuum.c), but with a key of the target's own, so that a backup is written under its
 * passphrase, a restore under the vault's master key and a rotation under the new key without a second pass (a
 * `rekey` reads and writes every page again, and with its journal writes it twice). Tables and indexes are made
 * from the source's own SQL and filled with `INSERT INTO … SELECT *`, which SQLite copies record by record (its
 * transfer optimisation, with foreign keys off meanwhile); views, triggers and virtual tables are copied as schema rows, as
 * VACUUM copies them, so a full-text index's shadow tables come over as they are. The target is written with its
 * journal in memory and without syncs: it is a temp file until the caller has checked and flushed it.
 *
 * `inside` runs in the same read transaction as the copy, before it: what it reads of the source (the content
 * digest) is exactly what is copied. `between` runs between tables (to stop when cancelled); `after` runs in the
 * same transaction once everything is copied, with the schema name the target is attached under (to add a
 * manifest). `leaveOut` names a table not copied (a backup's manifest, in a restore), with whatever belongs to it.
 * The file is left detached, whatever happens.
 */
export function exportDatabase(
  db: Db,
  target: string,
  key: CipherKey,
  o: { inside?: () => void; between?: () => void; after?: (schema: string) => void; leaveOut?: string } = {},
): void {
  if (db.inTransaction) throw new Error('an export runs outside any transaction');
  // With foreign keys on, SQLite would check row by row instead of copying records (and the source is consistent).
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys=OFF');
  attachCipher(db, target, TARGET, key);
  try {
    const pragma = (name: string) => db.pragma(`main.${name}`, { simple: true }) as number;
    // A journal in memory: nothing of a new file is journalled, and a cancelled copy can still roll back.
    db.pragma(`${TARGET}.journal_mode=MEMORY`);
    db.pragma(`${TARGET}.synchronous=OFF`);
    db.pragma(`${TARGET}.page_size=${pragma('page_size')}`);
    db.pragma(`${TARGET}.auto_vacuum=${pragma('auto_vacuum')}`);
    db.transaction(() => {
      o.inside?.();
      // Full-text shadow tables are made and written as ordinary tables here, and views, triggers and virtual
      // tables as rows of the schema: what SQLite's defensive mode forbids, for this copy only.
      db.unsafeMode(true);
      try {
        copySchemaAndRows(db, o.leaveOut ?? null, o.between);
      } finally {
        db.pragma('writable_schema=OFF');
        db.unsafeMode(false);
      }
      db.pragma(`${TARGET}.user_version=${pragma('user_version')}`);
      db.pragma(`${TARGET}.application_id=${pragma('application_id')}`);
      o.after?.(TARGET);
    })();
  } finally {
    db.prepare(`DETACH DATABASE ${TARGET}`).run();
    db.pragma(`foreign_keys=${foreignKeys}`);
  }
}

/** The stored SQL of a table or index, made to create it in the target (SQLite stores it from its name on). */
function inTarget(sql: string): string {
  const match = /^CREATE (TABLE|INDEX|UNIQUE INDEX) /.exec(sql);
  if (!match) throw new Error('unexpected schema statement');
  return `${match[0]}${TARGET}.${sql.slice(match[0].length)}`;
}

function copySchemaAndRows(db: Db, leaveOut: string | null, between?: () => void): void {
  const rows = (sql: string) => db.prepare(sql).all(leaveOut) as { name: string; sql: string }[];
  const tables = rows(
    `SELECT name, sql FROM main.sqlite_schema
      WHERE type = 'table' AND name <> 'sqlite_sequence' AND coalesce(rootpage, 1) > 0 AND tbl_name IS NOT ?`,
  );
  for (const table of tables) db.exec(inTarget(table.sql));
  for (const index of rows(
    `SELECT name, sql FROM main.sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IS NOT ?`,
  )) {
    db.exec(inTarget(index.sql));
  }
  for (const table of tables) {
    between?.();
    const name = `"${table.name.replaceAll('"', '""')}"`;
    db.exec(`INSERT INTO ${TARGET}.${name} SELECT * FROM main.${name}`);
  }
  between?.();
  // Made by the first AUTOINCREMENT table and written by the copies above: the source's own rows replace those.
  const sequence = db.prepare(`SELECT 1 FROM ${TARGET}.sqlite_schema WHERE name = 'sqlite_sequence'`).get();
  if (sequence) {
    db.exec(`DELETE FROM ${TARGET}.sqlite_sequence`);
    db.exec(`INSERT INTO ${TARGET}.sqlite_sequence SELECT * FROM main.sqlite_sequence`);
  }
  // Views, triggers and virtual tables as the rows SQLite keeps for them: a virtual table made anew would make its
  // shadow tables again.
  db.pragma('writable_schema=ON');
  db.prepare(
    `INSERT INTO ${TARGET}.sqlite_schema SELECT * FROM main.sqlite_schema
      WHERE (type IN ('view', 'trigger') OR (type = 'table' AND rootpage = 0)) AND tbl_name IS NOT ?`,
  ).run(leaveOut);
}

/** The most of a file's pages a connection keeps decrypted in memory for a second read (256 MiB). */
const CACHE_CAP_KIB = 256 * 1024;

/**
 * Lets `db` keep the whole file's pages decrypted in its page cache (up to 256 MiB), so that a second read of the
 * same pages in one job (the digest after the integrity check, the copy after the digest) costs no second
 * decryption. The cache lives as long as the connection, in the worker that owns it.
 */
export function cacheWholeFile(db: Db): void {
  const kib = Math.ceil(
    ((db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)) / 1024,
  );
  db.pragma(`cache_size=-${Math.min(CACHE_CAP_KIB, Math.ceil(kib * 1.1) + 1024)}`);
}
